import type { ReferenceOperation } from './pages/operation.js';
import { deref, httpMethods, isObject, type Json } from './spec-json.js';

/** `End Users` → `end-users`: a tag's anchor, the same one the console (Scalar) uses. */
export const tagSlug = (tag: string) =>
  tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function collect(spec: Json, kind: ReferenceOperation['kind'], items: unknown): ReferenceOperation[] {
  const found: ReferenceOperation[] = [];
  for (const [name, rawItem] of Object.entries(isObject(items) ? items : {})) {
    const pathItem = deref(spec, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const tags = Array.isArray(operation.tags) ? operation.tags.map(String) : [];
      found.push({
        kind,
        name,
        method,
        operationId: String(operation.operationId ?? `${method}-${name}`),
        summary: typeof operation.summary === 'string' ? operation.summary : '',
        operation,
        pathItem,
        tagSlug: tagSlug(tags[0] ?? 'other'),
      });
    }
  }
  return found;
}

/** Every operation, then every webhook, in document order. */
export function referenceOperations(spec: Json): ReferenceOperation[] {
  return [...collect(spec, 'operation', spec.paths), ...collect(spec, 'webhook', spec.webhooks)];
}

export interface TagGroup {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly operations: readonly ReferenceOperation[];
}

/** The operations grouped by their first tag, in the order of the spec's `tags`; untagged ones last. */
export function groupByTag(spec: Json, operations: readonly ReferenceOperation[]): TagGroup[] {
  const declared = (Array.isArray(spec.tags) ? spec.tags : []).filter(isObject);
  const names = [
    ...declared.map((t) => String(t.name)),
    ...operations.map((op) => (Array.isArray(op.operation.tags) ? String(op.operation.tags[0]) : 'Other')),
  ];
  return [...new Set(names)]
    .map((name) => ({
      name,
      slug: tagSlug(name),
      description: String(declared.find((t) => t.name === name)?.description ?? ''),
      operations: operations.filter(
        (op) => (Array.isArray(op.operation.tags) ? String(op.operation.tags[0]) : 'Other') === name,
      ),
    }))
    .filter((group) => group.operations.length > 0);
}

/** How spec-diff names an operation in its findings: `GET /path`, `WEBHOOK name`. */
export const findingKey = (op: ReferenceOperation) =>
  op.kind === 'webhook' ? `WEBHOOK ${op.name}` : `${op.method.toUpperCase()} ${op.name}`;
