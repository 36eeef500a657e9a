import { canonicalJson } from '../canonical-json.js';
import { isObject } from '../is-object.js';
import type { JsonObject } from '../types.js';
import type { Resolve } from './resolve.js';

/** One alternative of a oneOf/anyOf, with what identifies it across versions. */
export interface Variant {
  schema: unknown;
  index: number;
  /** Component name of a `$ref`'d variant, or its title. */
  name: string | undefined;
}

/**
 * What a schema allows, normalized across OpenAPI 3.0 and 3.1: `allOf` merged, `null` taken out of
 * `type`, `enum` and `oneOf`/`anyOf` into `nullable`, a single remaining alternative unwrapped,
 * 3.0 boolean exclusive bounds turned into numbers.
 */
export interface SchemaView {
  /** Allowed types (without null); null when any type is allowed. */
  types: Set<string> | null;
  nullable: boolean;
  format: string | undefined;
  /** Allowed values (without null) as canonical JSON; undefined when not restricted. */
  enum: string[] | undefined;
  properties: Map<string, unknown>;
  required: Set<string>;
  items: unknown;
  additionalProperties: unknown;
  variants: Variant[] | undefined;
  variantKeyword: 'oneOf' | 'anyOf';
  numbers: Partial<Record<NumericKeyword, number>>;
  pattern: string | undefined;
  readOnly: boolean;
  writeOnly: boolean;
  docs: Partial<Record<DocKeyword, unknown>>;
}

export const LENGTH_KEYWORDS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
] as const;
export const RANGE_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const;
export type NumericKeyword = (typeof LENGTH_KEYWORDS)[number] | (typeof RANGE_KEYWORDS)[number];
export const DOC_KEYWORDS = ['title', 'description', 'example', 'examples', 'externalDocs', 'deprecated'] as const;
export type DocKeyword = (typeof DOC_KEYWORDS)[number];

const NULL_JSON = 'null';

export function emptyView(): SchemaView {
  return {
    types: null,
    nullable: false,
    format: undefined,
    enum: undefined,
    properties: new Map(),
    required: new Set(),
    items: undefined,
    additionalProperties: undefined,
    variants: undefined,
    variantKeyword: 'oneOf',
    numbers: {},
    pattern: undefined,
    readOnly: false,
    writeOnly: false,
    docs: {},
  };
}

export function viewSchema(raw: unknown, resolve: Resolve, depth = 0): SchemaView {
  const schema = resolve(raw);
  const view = emptyView();
  if (schema === false) return { ...view, types: new Set() };
  if (!isObject(schema)) return view;
  readOwnKeywords(schema, view);
  if (Array.isArray(schema.allOf) && depth < 16) {
    for (const part of schema.allOf) mergeInto(view, viewSchema(part, resolve, depth + 1));
  }
  readVariants(schema, view, resolve, depth);
  return view;
}

function readOwnKeywords(schema: JsonObject, view: SchemaView): void {
  const type = schema.type;
  const types =
    typeof type === 'string'
      ? [type]
      : Array.isArray(type)
        ? type.filter((t): t is string => typeof t === 'string')
        : undefined;
  if (types) {
    view.nullable = types.includes('null');
    view.types = new Set(types.filter((t) => t !== 'null'));
  } else if (isObject(schema.properties) || schema.additionalProperties !== undefined) {
    view.types = new Set(['object']);
  } else if (schema.items !== undefined) {
    view.types = new Set(['array']);
  }
  if (schema.nullable === true) view.nullable = true;
  if (typeof schema.format === 'string') view.format = schema.format;
  const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (values) {
    const json = values.map(canonicalJson);
    if (json.includes(NULL_JSON)) view.nullable = true;
    view.enum = json.filter((v) => v !== NULL_JSON);
  }
  if (isObject(schema.properties))
    for (const [name, prop] of Object.entries(schema.properties)) view.properties.set(name, prop);
  if (Array.isArray(schema.required))
    for (const name of schema.required) if (typeof name === 'string') view.required.add(name);
  view.items = schema.items;
  view.additionalProperties = schema.additionalProperties;
  for (const keyword of [...LENGTH_KEYWORDS, ...RANGE_KEYWORDS]) {
    if (typeof schema[keyword] === 'number') view.numbers[keyword] = schema[keyword] as number;
  }
  // OpenAPI 3.0: `exclusiveMinimum: true` makes `minimum` exclusive.
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') {
    view.numbers.exclusiveMinimum = schema.minimum;
    delete view.numbers.minimum;
  }
  if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') {
    view.numbers.exclusiveMaximum = schema.maximum;
    delete view.numbers.maximum;
  }
  if (typeof schema.pattern === 'string') view.pattern = schema.pattern;
  view.readOnly = schema.readOnly === true;
  view.writeOnly = schema.writeOnly === true;
  for (const keyword of DOC_KEYWORDS) if (schema[keyword] !== undefined) view.docs[keyword] = schema[keyword];
}

function readVariants(schema: JsonObject, view: SchemaView, resolve: Resolve, depth: number): void {
  const keyword = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  if (!keyword) return;
  const variants: Variant[] = [];
  (schema[keyword] as unknown[]).forEach((variant, index) => {
    const resolved = resolve(variant);
    if (isObject(resolved) && resolved.type === 'null') {
      view.nullable = true;
      return;
    }
    variants.push({ schema: variant, index, name: variantName(variant, resolved) });
  });
  if (variants.length === 1 && depth < 16) {
    // `anyOf: [X, {type: 'null'}]` is a nullable X.
    mergeInto(view, viewSchema(variants[0]!.schema, resolve, depth + 1));
  } else if (variants.length > 1) {
    view.variants = variants;
    view.variantKeyword = keyword;
  }
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

/** Merges an `allOf` part into a view: properties and requirements add up, constraints narrow. */
function mergeInto(target: SchemaView, part: SchemaView): void {
  if (part.types) target.types = target.types ? intersectTypes(target.types, part.types) : part.types;
  target.nullable = target.nullable || part.nullable;
  target.format ??= part.format;
  if (part.enum) target.enum = target.enum ? target.enum.filter((v) => part.enum!.includes(v)) : part.enum;
  for (const [name, prop] of part.properties) {
    const existing = target.properties.get(name);
    target.properties.set(name, existing === undefined ? prop : { allOf: [existing, prop] });
  }
  for (const name of part.required) target.required.add(name);
  target.items ??= part.items;
  target.additionalProperties ??= part.additionalProperties;
  if (part.variants && !target.variants) {
    target.variants = part.variants;
    target.variantKeyword = part.variantKeyword;
  }
  for (const [keyword, value] of Object.entries(part.numbers) as Array<[NumericKeyword, number]>)
    target.numbers[keyword] ??= value;
  target.pattern ??= part.pattern;
  target.readOnly ||= part.readOnly;
  target.writeOnly ||= part.writeOnly;
  for (const [keyword, value] of Object.entries(part.docs) as Array<[DocKeyword, unknown]>)
    target.docs[keyword] ??= value;
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
    variants: undefined,
  };
  mergeInto(copy, variant);
  return copy;
}
