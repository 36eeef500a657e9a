import { isObject } from '../is-object.js';
import type { Resolve } from './resolve.js';

/** One alternative of a oneOf/anyOf, with what identifies it across versions. */
export interface Variant {
  schema: unknown;
  index: number;
  /** Component name of a `$ref`'d variant, or its title. */
  name: string | undefined;
}

export interface VariantGroup {
  keyword: 'oneOf' | 'anyOf';
  variants: Variant[];
}

export interface SchemaVariants {
  groups: VariantGroup[];
  /** A `{type: 'null'}` alternative was taken out. */
  nullable: boolean;
  /** The one alternative left of a list, which stands for the schema itself. */
  unwrapped: unknown[];
}

/** The oneOf and anyOf of a schema, `null` alternatives taken out into `nullable`. */
export function readVariants(schema: Record<string, unknown>, resolve: Resolve): SchemaVariants {
  const result: SchemaVariants = { groups: [], nullable: false, unwrapped: [] };
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    const variants: Variant[] = [];
    list.forEach((variant, index) => {
      const resolved = resolve(variant);
      if (isObject(resolved) && resolved.type === 'null') result.nullable = true;
      else variants.push({ schema: variant, index, name: variantName(variant, resolved) });
    });
    if (variants.length === 1) result.unwrapped.push(variants[0]!.schema);
    else if (variants.length > 1) result.groups.push({ keyword, variants });
  }
  return result;
}

/** A component name (`Cat`), a title, or the names an `allOf` joins (`Cat+Pet`). */
function variantName(raw: unknown, resolved: unknown): string | undefined {
  const refName = (node: unknown): string | undefined =>
    isObject(node) && typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined;
  const ref = refName(raw);
  if (ref !== undefined) return ref;
  if (!isObject(resolved)) return undefined;
  if (typeof resolved.title === 'string') return resolved.title;
  const parts = Array.isArray(resolved.allOf) ? resolved.allOf.map(refName) : [];
  return parts.length > 0 && parts.every((p) => p !== undefined) ? parts.join('+') : undefined;
}
