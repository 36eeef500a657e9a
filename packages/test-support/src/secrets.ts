import { inspect } from 'node:util';

/**
 * Every way an error can be shown (message, stack, own properties, cause chain, `util.inspect`,
 * JSON): none may contain any of `secrets`. Returns the offending renderings, empty when clean.
 */
export function secretsIn(error: unknown, secrets: readonly string[]): string[] {
  const renderings: string[] = [inspect(error, { depth: 10, showHidden: true })];
  try {
    renderings.push(JSON.stringify(error));
  } catch {
    // circular: inspect already covers it
  }
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth += 1) {
    renderings.push(current.message, current.stack ?? '', String(current));
    current = current.cause;
  }
  return renderings.filter((text) => secrets.some((secret) => secret && text.includes(secret)));
}
