export interface ServerMeta {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, { readonly default: string; readonly enum?: readonly string[] }>>;
}

/** A server URL of the spec with its `{variables}` filled in: the given values, else the defaults. */
export function serverUrl(server: ServerMeta, values: Readonly<Record<string, string | undefined>> = {}): string {
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = server.variables?.[name];
    const value = values[name] ?? variable?.default;
    if (value === undefined) throw new TypeError(`"${name}" is required to build the server URL ${server.url}`);
    if (variable?.enum && !variable.enum.includes(value)) {
      throw new TypeError(
        `"${name}" must be one of ${variable.enum.join(', ')} (server ${server.url}), got "${value}"`,
      );
    }
    return value;
  });
}
