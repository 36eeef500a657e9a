// Reading a bundled spec: it keeps its internal `$ref`s (`#/components/...`), so every lookup goes
// through `deref`.

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** Follows `$ref`s inside the document until a plain object (or a non-object) remains. */
export function deref(spec: Json, node: unknown, seen: ReadonlySet<string> = new Set()): unknown {
  if (!isObject(node) || typeof node.$ref !== 'string') return node;
  const ref = node.$ref;
  if (!ref.startsWith('#/')) throw new Error(`external $ref "${ref}" in a bundled spec: bundle it first`);
  if (seen.has(ref)) throw new Error(`circular $ref "${ref}"`);
  const target = ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, key) => (isObject(at) || Array.isArray(at) ? (at as Json)[key] : undefined), spec);
  if (target === undefined) throw new Error(`$ref "${ref}" points at nothing`);
  return deref(spec, target, new Set([...seen, ref]));
}

export interface SpecOperation {
  readonly path: string;
  readonly method: HttpMethod;
  readonly operationId: string;
  readonly summary: string;
  readonly operation: Json;
  /** The path item's parameters, shared by its operations. */
  readonly pathParameters: readonly unknown[];
}

/** Every operation under `paths`, in document order. */
export function specOperations(spec: Json): SpecOperation[] {
  const paths = isObject(spec.paths) ? spec.paths : {};
  const found: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(spec, rawItem);
    if (!isObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      found.push({
        path,
        method,
        operationId: String(operation.operationId ?? `${method} ${path}`),
        summary: typeof operation.summary === 'string' ? operation.summary : '',
        operation,
        pathParameters: Array.isArray(item.parameters) ? item.parameters : [],
      });
    }
  }
  return found;
}

/** Every webhook operation (OpenAPI 3.1 `webhooks`), as `{ name, method, operationId }`. */
export function specWebhooks(
  spec: Json,
): Array<{ name: string; method: HttpMethod; operationId: string; summary: string }> {
  const webhooks = isObject(spec.webhooks) ? spec.webhooks : {};
  return Object.entries(webhooks).flatMap(([name, rawItem]) => {
    const item = deref(spec, rawItem);
    if (!isObject(item)) return [];
    return httpMethods
      .filter((method) => isObject(item[method]))
      .map((method) => {
        const operation = item[method] as Json;
        return {
          name,
          method,
          operationId: String(operation.operationId ?? `${method} ${name}`),
          summary: typeof operation.summary === 'string' ? operation.summary : '',
        };
      });
  });
}
