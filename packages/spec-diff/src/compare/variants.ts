import { canonicalJson } from '../canonical-json.js';
import { isObject } from '../is-object.js';
import type { Resolve } from './resolve.js';
import type { SchemaView } from './schema-view.js';
import type { Variant } from './schema-variants.js';

export interface ViewedVariant {
  variant: Variant;
  view: SchemaView;
}

export interface VariantMatch {
  pairs: Array<[ViewedVariant, ViewedVariant]>;
  removed: ViewedVariant[];
  added: ViewedVariant[];
}

type Key = (v: ViewedVariant, resolve: Resolve) => string | undefined;

/**
 * Pairs the oneOf/anyOf alternatives of two versions, each step on what is still unpaired and only
 * where a key is unique on both sides: the same source text, the same component name or title, the
 * same enum values of properties (a discriminator), the same property names, the same types. Then,
 * when as many are left on each side, in order.
 */
export function matchVariants(
  base: ViewedVariant[],
  head: ViewedVariant[],
  resolveBase: Resolve,
  resolveHead: Resolve,
): VariantMatch {
  const pairs: Array<[ViewedVariant, ViewedVariant]> = [];
  let restBase = [...base];
  let restHead = [...head];
  const pairBy = (key: Key): void => {
    if (restBase.length === 0 || restHead.length === 0) return;
    const uniqueBase = uniqueBy(restBase, (v) => key(v, resolveBase));
    const uniqueHead = uniqueBy(restHead, (v) => key(v, resolveHead));
    const paired = new Set<ViewedVariant>();
    for (const [k, b] of uniqueBase) {
      const h = uniqueHead.get(k);
      if (!h) continue;
      pairs.push([b, h]);
      paired.add(b).add(h);
    }
    restBase = restBase.filter((v) => !paired.has(v));
    restHead = restHead.filter((v) => !paired.has(v));
  };
  for (const key of [sourceKey, nameKey, discriminatorKey, shapeKey, typeKey]) pairBy(key);
  if (restBase.length === restHead.length) {
    for (const [i, b] of restBase.entries()) pairs.push([b, restHead[i]!]);
    restBase = [];
    restHead = [];
  }
  return { pairs, removed: restBase, added: restHead };
}

function uniqueBy(list: ViewedVariant[], key: (v: ViewedVariant) => string | undefined): Map<string, ViewedVariant> {
  const seen = new Map<string, ViewedVariant | null>();
  for (const item of list) {
    const k = key(item);
    if (k !== undefined) seen.set(k, seen.has(k) ? null : item);
  }
  const unique = new Map<string, ViewedVariant>();
  for (const [k, v] of seen) if (v) unique.set(k, v);
  return unique;
}

const sourceKey: Key = (v) => (v.variant.schema === undefined ? undefined : canonicalJson(v.variant.schema));

const nameKey: Key = (v) => v.variant.name;

const typeKey: Key = (v) => (v.view.types ? [...v.view.types].sort().join('|') : undefined);

const shapeKey: Key = (v, resolve) => {
  const types = typeKey(v, resolve);
  if (types === undefined) return undefined;
  return `${types}:${[...v.view.properties.keys()].sort().join(',')}:${[...v.view.required].sort().join(',')}:${v.view.enum?.join(',') ?? ''}`;
};

/** The enum or const values of the properties: `type=["creation"]` tells rule variants apart. */
const discriminatorKey: Key = (v, resolve) => {
  const parts: string[] = [];
  for (const [name, raw] of v.view.properties) {
    const property = resolve(raw);
    if (!isObject(property)) continue;
    const values = 'const' in property ? [property.const] : property.enum;
    if (Array.isArray(values)) parts.push(`${name}=${canonicalJson(values)}`);
  }
  return parts.length > 0 ? parts.sort().join(';') : undefined;
};
