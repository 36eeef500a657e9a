import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { InputError } from '../errors.js';
import { type RuleId, rules } from '../rules.js';

/** One reviewed finding that a repository accepts: which rule, where, why, until when. */
export interface Acceptance {
  rule: RuleId;
  /** `METHOD /path`, `WEBHOOK name`, a path, or null for a document-level finding. */
  operation: string | null;
  reason: string;
  /** The last day (YYYY-MM-DD, UTC) the acceptance holds; after it the finding fails again. */
  expires?: string;
  /** Only for the findings of this API (as a repository tool names them). */
  api?: string;
  /** Where it is written: `file:line`. */
  source: string;
}

export const ACCEPTED_FILE = '.spec-diff.yaml';

const KEYS = new Set(['rule', 'operation', 'reason', 'expires', 'api']);

/**
 * Reads an accepted-findings file:
 *
 * ```yaml
 * accepted:
 *   - rule: response-enum-value-added
 *     operation: GET /items
 *     reason: The server has returned `archived` since 2024; the spec catches up.
 *     expires: 2027-03-31
 * ```
 *
 * Anything else is an InputError naming the file, the line and the field.
 */
export function parseAcceptances(text: string, file: string): Acceptance[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  if (document.errors.length > 0) {
    const [error] = document.errors;
    throw new InputError(file, `invalid YAML: ${error!.message.split('\n')[0]}`, error!.linePos?.[0]?.line);
  }
  const root = document.contents;
  if (root === null) return [];
  const list = isMap(root) ? root.get('accepted', true) : undefined;
  if (!isMap(root) || (list !== undefined && list !== null && !isSeq(list)))
    throw new InputError(file, '`accepted` must be a list of accepted findings', lineOf(root));
  if (!list) return [];
  return list.items.map((item, index) => {
    const line = lineOf(item as Node);
    const fail = (problem: string): never => {
      throw new InputError(file, `accepted[${index}]: ${problem}`, line);
    };
    if (!isMap(item)) return fail('must be a mapping with rule, operation and reason');
    const entry = item.toJSON() as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (!KEYS.has(key)) fail(`unknown field \`${key}\``);
    const { rule, operation, reason, expires, api } = entry;
    if (typeof rule !== 'string' || !Object.hasOwn(rules, rule)) fail(`\`rule\` must be a rule id (got ${show(rule)})`);
    if (!('operation' in entry) || (operation !== null && typeof operation !== 'string'))
      fail('`operation` must be `METHOD /path`, a path, a webhook, or null for the document');
    if (typeof reason !== 'string' || reason.trim() === '') fail('`reason` must say why the finding is accepted');
    const acceptance: Acceptance = {
      rule: rule as RuleId,
      operation: operation as string | null,
      reason: (reason as string).trim(),
      source: `${file}:${line ?? 1}`,
    };
    if (expires !== undefined) acceptance.expires = validDate(expires) ?? fail('`expires` must be a date, YYYY-MM-DD');
    if (api !== undefined) acceptance.api = typeof api === 'string' ? api : fail('`api` must be a string');
    return acceptance;
  });
}

/** The accepted findings of a directory: its `.spec-diff.yaml`, none when it has none. */
export async function readAcceptancesIn(directory: string): Promise<Acceptance[]> {
  const file = join(directory, ACCEPTED_FILE);
  return existsSync(file) ? readAcceptances(file) : [];
}

export async function readAcceptances(file: string): Promise<Acceptance[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(file, `cannot read the accepted findings: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return parseAcceptances(text, file);
}

function validDate(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  return new Date(`${text}T00:00:00Z`).toISOString().startsWith(text) ? text : undefined;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
