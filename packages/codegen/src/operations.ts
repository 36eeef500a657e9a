import type { DeprecatedOperation } from '@oapi/runtime';
import type { Json } from './spec-json.js';

/** One operation of a spec, as the docs and the tests list them. */
export interface OperationDescriptor {
  readonly operationId: string;
  /** `GET` */
  readonly method: string;
  readonly path: string;
  readonly summary?: string;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
}

export const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Every operation of the spec's paths, in document order, with its path item. */
export function* specOperations(spec: Json): Generator<{ path: string; method: string; item: Json; operation: Json }> {
  for (const [path, item] of Object.entries((spec.paths as Record<string, Json> | undefined) ?? {})) {
    for (const method of methods) {
      const operation = item[method] as Json | undefined;
      if (operation) yield { path, method, item, operation };
    }
  }
}

/** One entry per operation, in document order. */
export function operationList(spec: Json): OperationDescriptor[] {
  return [...specOperations(spec)].map(({ path, method, operation }) => ({
    operationId: String(operation.operationId),
    method: method.toUpperCase(),
    path,
    ...(typeof operation.summary === 'string' ? { summary: operation.summary } : {}),
    tags: (operation.tags as string[] | undefined) ?? [],
    deprecated: operation.deprecated === true,
  }));
}

/** The operations the spec marks `deprecated`: the client reports a call to one (`onDeprecation`). */
export function deprecatedOperations(spec: Json): DeprecatedOperation[] {
  return operationList(spec).flatMap(({ operationId, method, path, deprecated }) =>
    deprecated ? [{ operationId, method, path }] : [],
  );
}
