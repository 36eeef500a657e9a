type Json = Record<string, unknown>;

export interface ServerMeta {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<
    Record<string, { readonly default: string; readonly enum?: readonly string[]; readonly description?: string }>
  >;
}

export interface OperationMeta {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary?: string;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** The document's servers and one entry per operation, in document order. */
export function specMeta(spec: Json): { servers: ServerMeta[]; operations: OperationMeta[] } {
  const servers = ((spec.servers as Json[] | undefined) ?? []).map((s) => {
    const server: { -readonly [K in keyof ServerMeta]: ServerMeta[K] } = { url: String(s.url) };
    if (typeof s.description === 'string') server.description = s.description;
    if (s.variables) server.variables = s.variables as ServerMeta['variables'];
    return server;
  });
  const operations: OperationMeta[] = [];
  for (const [path, item] of Object.entries((spec.paths as Record<string, Json> | undefined) ?? {})) {
    for (const method of methods) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      operations.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        path,
        ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
        tags: (op.tags as string[] | undefined) ?? [],
        deprecated: op.deprecated === true,
      });
    }
  }
  return { servers, operations };
}
