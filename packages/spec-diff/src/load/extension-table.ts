import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'yaml';
import { EXTENSION_VERDICTS, type ExtensionTable, type ExtensionVerdict } from '../compare/extensions.js';
import { InputError } from '../errors.js';
import { isObject } from '../is-object.js';

/**
 * Reads an extension table: a Markdown file with a table whose header has an `extension` and a
 * `change` column (as `spec/EXTENSIONS.md` in this repository), or a JSON/YAML file holding the
 * table as an object. A bad entry is an InputError naming the file and line.
 */
export async function readExtensionTable(file: string): Promise<ExtensionTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(file, `cannot read the extension table: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return /\.(md|markdown)$/i.test(extname(file))
    ? parseExtensionMarkdown(text, file)
    : parseExtensionObject(text, file);
}

/**
 * The `change` column of each row: a verdict for any change to the extension (`breaking`), or
 * `key: verdict` pairs separated by `;` for its keys (`grantTypeIn: breaking; *: info`). Verdicts:
 * `breaking`, `warning`, `info`, `docs`, `ignore`.
 */
export function parseExtensionMarkdown(text: string, file: string): ExtensionTable {
  const lines = text.split('\n');
  const table: Record<string, ExtensionTable[string]> = {};
  let columns: { extension: number; change: number } | undefined;
  lines.forEach((line, index) => {
    if (!line.trimStart().startsWith('|')) {
      columns = undefined;
      return;
    }
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    const lower = cells.map((c) => c.toLowerCase());
    if (!columns && lower.includes('extension') && lower.includes('change')) {
      columns = { extension: lower.indexOf('extension'), change: lower.indexOf('change') };
      return;
    }
    if (!columns || /^:?-+:?$/.test(cells[0] ?? '')) return;
    const name = /`(x-[^`]+)`/.exec(cells[columns.extension] ?? '')?.[1];
    if (!name) throw new InputError(file, `no \`x-\` extension name in "${cells[columns.extension]}"`, index + 1);
    table[name] = parseChange(cells[columns.change] ?? '', file, index + 1);
  });
  if (Object.keys(table).length === 0)
    throw new InputError(file, 'no Markdown table with an `extension` and a `change` column');
  return table;
}

function parseChange(cell: string, file: string, line: number): ExtensionTable[string] {
  const text = cell.replace(/`/g, '').trim();
  if (!text.includes(':')) return verdict(text, file, line);
  const entry: Record<string, ExtensionVerdict> = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split(':').map((p) => p.trim());
    if (!key || value === undefined) throw new InputError(file, `"${part}" is not \`key: verdict\``, line);
    entry[key] = verdict(value, file, line);
  }
  return entry;
}

function verdict(text: string, file: string, line?: number): ExtensionVerdict {
  if ((EXTENSION_VERDICTS as readonly string[]).includes(text)) return text as ExtensionVerdict;
  throw new InputError(file, `"${text}" is not a verdict (${EXTENSION_VERDICTS.join(', ')})`, line);
}

function parseExtensionObject(text: string, file: string): ExtensionTable {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new InputError(file, `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(value)) throw new InputError(file, 'an extension table is an object: extension → verdict');
  const table: Record<string, ExtensionTable[string]> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!name.startsWith('x-')) throw new InputError(file, `"${name}" is not an \`x-\` extension`);
    if (typeof entry === 'string') table[name] = verdict(entry, file);
    else if (isObject(entry))
      table[name] = Object.fromEntries(Object.entries(entry).map(([key, v]) => [key, verdict(String(v), file)]));
    else throw new InputError(file, `${name}: a verdict, or an object of key → verdict`);
  }
  return table;
}
