import type { VariantGroup } from './schema-variants.js';
import type { DocKeyword, NumericKeyword, StringKeyword } from './schema-keywords.js';
import type { SchemaView } from './schema-view.js';

/** Shared by every view until one writes to that field (most schemas have none of these keywords). */
export const NONE = new Map<never, never>();
type LazyField = 'dependentRequired' | 'subschemas' | 'keyed' | 'other';

export function own<F extends LazyField>(view: SchemaView, field: F): SchemaView[F] {
  if (view[field] === NONE) view[field] = new Map() as SchemaView[F];
  return view[field];
}

export function addVariants(view: SchemaView, group: VariantGroup): void {
  if (view.variants) view.moreVariants.push(group);
  else view.variants = group;
}

/**
 * Merges an `allOf` part into a view: properties and requirements add up, constraints narrow. Null
 * stays allowed only while every part that restricts the type allows it.
 */
export function mergeInto(target: SchemaView, part: SchemaView): void {
  if (part.types) {
    target.nullable = target.types ? target.nullable && part.nullable : part.nullable;
    target.types = target.types ? intersectTypes(target.types, part.types) : part.types;
  } else {
    target.nullable ||= part.nullable;
  }
  target.format ??= part.format;
  if (part.enum) target.enum = target.enum ? target.enum.filter((v) => part.enum!.includes(v)) : part.enum;
  for (const [name, prop] of part.properties) {
    const existing = target.properties.get(name);
    target.properties.set(name, existing === undefined ? prop : { allOf: [existing, prop] });
  }
  for (const name of part.required) target.required.add(name);
  target.items ??= part.items;
  target.additionalProperties ??= part.additionalProperties;
  target.prefixItems ??= part.prefixItems;
  if (part.variants) addVariants(target, part.variants);
  for (const group of part.moreVariants) addVariants(target, group);
  for (const [keyword, value] of Object.entries(part.numbers) as Array<[NumericKeyword, number]>)
    target.numbers[keyword] ??= value;
  target.pattern ??= part.pattern;
  target.uniqueItems ||= part.uniqueItems;
  for (const [name, list] of part.dependentRequired)
    own(target, 'dependentRequired').set(name, new Set([...(target.dependentRequired.get(name) ?? []), ...list]));
  for (const [keyword, values] of part.subschemas)
    own(target, 'subschemas').set(keyword, [...(target.subschemas.get(keyword) ?? []), ...values]);
  for (const [keyword, map] of part.keyed) {
    const merged = new Map(target.keyed.get(keyword));
    for (const [key, schema] of map) {
      const existing = merged.get(key);
      merged.set(key, existing === undefined ? schema : { allOf: [existing, schema] });
    }
    own(target, 'keyed').set(keyword, merged);
  }
  for (const [keyword, value] of Object.entries(part.strings) as Array<[StringKeyword, string]>)
    target.strings[keyword] ??= value;
  target.default ??= part.default;
  target.readOnly ||= part.readOnly;
  target.writeOnly ||= part.writeOnly;
  for (const [keyword, value] of Object.entries(part.docs) as Array<[DocKeyword, unknown]>)
    target.docs[keyword] ??= value;
  for (const [keyword, values] of part.other)
    own(target, 'other').set(keyword, [...(target.other.get(keyword) ?? []), ...values]);
}

function intersectTypes(a: Set<string>, b: Set<string>): Set<string> {
  const result = new Set<string>();
  for (const type of a) {
    if (b.has(type)) result.add(type);
    else if ((type === 'number' && b.has('integer')) || (type === 'integer' && b.has('number'))) result.add('integer');
  }
  return result;
}

/** A oneOf/anyOf alternative seen together with the keywords of the schema around it. */
export function withOwnKeywords(own: SchemaView, variant: SchemaView): SchemaView {
  const copy: SchemaView = {
    ...own,
    properties: new Map(own.properties),
    required: new Set(own.required),
    numbers: { ...own.numbers },
    docs: { ...own.docs },
    dependentRequired: new Map(own.dependentRequired),
    subschemas: new Map(own.subschemas),
    keyed: new Map(own.keyed),
    strings: { ...own.strings },
    other: new Map(own.other),
    variants: undefined,
    moreVariants: [],
  };
  mergeInto(copy, variant);
  return copy;
}
