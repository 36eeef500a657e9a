import { InputError } from '../errors.js';

interface YamlError {
  reason?: string;
  message?: string;
  mark?: { line: number; column: number };
}

/**
 * Parses a JSON or YAML document. JSON goes through `JSON.parse` (an 11 MB spec parses several
 * times faster than through a YAML parser); a syntax error names the file and the line.
 */
export async function parseDocumentText(text: string, file: string): Promise<unknown> {
  const trimmed = text.trimStart();
  if (trimmed === '') throw new InputError(file, 'the file is empty');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String((error as Error).message));
      const line = position ? lineAt(text, Number(position[1])) : undefined;
      throw new InputError(
        file,
        `invalid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`,
        line,
      );
    }
  }
  const { parseYaml } = await import('@redocly/openapi-core');
  try {
    return parseYaml(text, { filename: file });
  } catch (error) {
    const yamlError = error as YamlError;
    const reason = yamlError.reason ?? String(yamlError.message ?? error).split('\n')[0];
    throw new InputError(file, `invalid YAML: ${reason}`, yamlError.mark ? yamlError.mark.line + 1 : undefined);
  }
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
