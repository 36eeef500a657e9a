// What a sample leaves to the reader. A value that is the reader's own (a host, a password, a
// client id) is an EnvRef: `"$KLIKA_PASSWORD"` in curl, `process.env.KLIKA_PASSWORD` in
// TypeScript, the same name in both. A file part is a FileRef: a file the curl sample uploads by
// name, built from the spec's example in TypeScript.
import type { Provider } from '../providers.js';

export class EnvRef {
  /** `fallback`: what an unset variable stands for (a server variable's default), if anything. */
  constructor(
    readonly name: string,
    readonly fallback?: string,
  ) {}
}

export class FileRef {
  constructor(
    readonly fileName: string,
    readonly type: string,
    readonly contents: string,
  ) {}
}

/** `WOOTRIC_CXI_PASSWORD`: the environment variable a sample reads a value from. */
export function envName(provider: Pick<Provider, 'id'>, what: string): string {
  return `${provider.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${what.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** Parameters whose value is the reader's own wherever they appear (RFC 6749's, and the spec's token parameters). */
const readerOwned = new Set(['client_id', 'client_secret', 'username', 'password', 'refresh_token']);

/** The reader's own value for a parameter or field named `name`, or `undefined` when the spec's example will do. */
export function readerValue(provider: Provider, name: string): EnvRef | undefined {
  const tokenParameter = provider.descriptor.tokenParameters.some((p) => p.name === name);
  return readerOwned.has(name) || tokenParameter ? new EnvRef(envName(provider, name)) : undefined;
}

/** Every EnvRef in a value, by name, in order of appearance. */
export function envRefsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (value instanceof EnvRef) out.add(value.name);
  else if (Array.isArray(value)) for (const item of value) envRefsIn(item, out);
  else if (typeof value === 'object' && value !== null && !(value instanceof FileRef))
    for (const item of Object.values(value)) envRefsIn(item, out);
  return out;
}
