export type Json = Record<string, unknown>;

/** A problem in the spec, named by its JSON pointer in the bundled spec. */
export class SpecError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer}: ${message}`);
    this.name = 'SpecError';
  }
}

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], pointer: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new SpecError(
      pointer,
      `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}

export function stringList(value: unknown, pointer: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new SpecError(pointer, 'must be a list of strings');
  return value;
}

export function positiveInteger(value: unknown, pointer: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new SpecError(pointer, `must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

/** Keys of an extension object that the generator does not know: a typo would otherwise be ignored. */
export function assertKnownKeys(raw: Json, known: readonly string[], pointer: string): void {
  const unknown = Object.keys(raw).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new SpecError(pointer, `unknown key(s) ${unknown.join(', ')} (see spec/EXTENSIONS.md)`);
}

/** A JSON pointer segment: `~` and `/` escaped (`/oauth/token` → `~1oauth~1token`). */
export const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A local `$ref` (`#/components/…`) of the bundled spec followed to its target; other values as they are. */
export function resolveRef(spec: Json, value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  let node: unknown = spec;
  for (const key of value.$ref.slice(2).split('/')) {
    node = isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return isObject(node) ? node : undefined;
}
