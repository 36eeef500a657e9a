import type { OperationDescriptor } from '@oapi/runtime';
import type { Json } from './spec-json.js';

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
