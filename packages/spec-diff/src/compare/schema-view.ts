import { canonicalJson } from '../canonical-json.js';
import { isObject } from '../is-object.js';
import type { JsonObject } from '../types.js';
import type { Resolve } from './resolve.js';
import { readVariants, type VariantGroup } from './schema-variants.js';

/**
 * What a schema allows, normalized across OpenAPI 3.0 and 3.1: `allOf` merged, `null` taken out of
 * `type`, `enum` and `oneOf`/`anyOf` into `nullable`, a single remaining alternative unwrapped,
 * 3.0 boolean exclusive bounds turned into numbers, an empty pattern dropped. Every keyword of the
 * schema lands somewhere: the ones spec-diff does not judge in `other`, so a change to them is
 * still reported.
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
  /** The first oneOf/anyOf; `moreVariants` holds any other (an anyOf beside a oneOf, one per allOf part). */
  variants: VariantGroup | undefined;
  moreVariants: VariantGroup[];
  numbers: Partial<Record<NumericKeyword, number>>;
  pattern: string | undefined;
  uniqueItems: boolean;
  /** `dependentRequired`: property → the properties it requires. */
  dependentRequired: Map<string, Set<string>>;
  /** Keywords holding one subschema, with every value the allOf parts give them. */
  subschemas: Map<SubschemaKeyword, unknown[]>;
  /** `patternProperties` and `dependentSchemas`: key → subschema. */
  keyed: Map<KeyedKeyword, Map<string, unknown>>;
  prefixItems: unknown[] | undefined;
  strings: Partial<Record<StringKeyword, string>>;
  /** Present when the schema has a default: the default's canonical JSON. */
  default: string | undefined;
  readOnly: boolean;
  writeOnly: boolean;
  docs: Partial<Record<DocKeyword, unknown>>;
  /** Keywords spec-diff does not compare, and `x-` extensions: name → each value the allOf parts give it. */
  other: Map<string, unknown[]>;
}

export const LENGTH_KEYWORDS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
] as const;
export const RANGE_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const;
export type NumericKeyword = (typeof LENGTH_KEYWORDS)[number] | (typeof RANGE_KEYWORDS)[number];
export const DOC_KEYWORDS = [
  'title',
  'description',
  'example',
  'examples',
  'externalDocs',
  'deprecated',
  '$comment',
] as const;
export type DocKeyword = (typeof DOC_KEYWORDS)[number];
/** Subschema keywords that narrow what a schema accepts as their subschema does. */
export const SUBSCHEMA_KEYWORDS = [
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
  'not',
  'if',
  'then',
  'else',
] as const;
export type SubschemaKeyword = (typeof SUBSCHEMA_KEYWORDS)[number];
export const KEYED_KEYWORDS = ['patternProperties', 'dependentSchemas'] as const;
export type KeyedKeyword = (typeof KEYED_KEYWORDS)[number];
export const STRING_KEYWORDS = ['contentMediaType', 'contentEncoding'] as const;
export type StringKeyword = (typeof STRING_KEYWORDS)[number];

/** Keywords read elsewhere or that do not describe the value: never reported as not compared. */
const READ_ELSEWHERE = new Set([
  'type',
  'nullable',
  'format',
  'enum',
  'const',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'allOf',
  'oneOf',
  'anyOf',
  'pattern',
  'uniqueItems',
  'dependentRequired',
  'prefixItems',
  'default',
  'readOnly',
  'writeOnly',
  '$ref',
  // Definitions are compared where a `$ref` uses them.
  '$defs',
  'definitions',
]);
const KNOWN = new Set<string>([
  ...READ_ELSEWHERE,
  ...LENGTH_KEYWORDS,
  ...RANGE_KEYWORDS,
  ...DOC_KEYWORDS,
  ...SUBSCHEMA_KEYWORDS,
  ...KEYED_KEYWORDS,
  ...STRING_KEYWORDS,
]);

const NUMERIC = new Set<string>([...LENGTH_KEYWORDS, ...RANGE_KEYWORDS]);
const SUBSCHEMA = new Set<string>(SUBSCHEMA_KEYWORDS);
const KEYED = new Set<string>(KEYED_KEYWORDS);
const STRINGS = new Set<string>(STRING_KEYWORDS);
const DOCS = new Set<string>(DOC_KEYWORDS);
const NULL_JSON = 'null';
const MAX_ALL_OF_DEPTH = 16;

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
    moreVariants: [],
    numbers: {},
    pattern: undefined,
    uniqueItems: false,
    dependentRequired: NONE,
    subschemas: NONE,
    keyed: NONE,
    prefixItems: undefined,
    strings: {},
    default: undefined,
    readOnly: false,
    writeOnly: false,
    docs: {},
    other: NONE,
  };
}

/** Shared by every view until one writes to that field (most schemas have none of these keywords). */
const NONE = new Map<never, never>();
type LazyField = 'dependentRequired' | 'subschemas' | 'keyed' | 'other';

function own<F extends LazyField>(view: SchemaView, field: F): SchemaView[F] {
  if (view[field] === NONE) view[field] = new Map() as SchemaView[F];
  return view[field];
}

export function viewSchema(raw: unknown, resolve: Resolve, depth = 0): SchemaView {
  const schema = resolve(raw);
  const view = emptyView();
  if (schema === false) return { ...view, types: new Set() };
  if (!isObject(schema)) return view;
  readOwnKeywords(schema, view);
  if (Array.isArray(schema.allOf) && depth < MAX_ALL_OF_DEPTH) {
    for (const part of schema.allOf) mergeInto(view, viewSchema(part, resolve, depth + 1));
  }
  const variants = readVariants(schema, resolve);
  if (depth < MAX_ALL_OF_DEPTH)
    for (const only of variants.unwrapped) mergeInto(view, viewSchema(only, resolve, depth + 1));
  // `anyOf: [X, {type: 'null'}]` is a nullable X; so is OpenAPI 3.0's `nullable: true` beside an
  // `allOf: [$ref]`, whatever the referenced schema says.
  if (variants.nullable || schema.nullable === true) view.nullable = true;
  for (const group of variants.groups) addVariants(view, group);
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
  } else if (schema.items !== undefined || schema.prefixItems !== undefined) {
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
  if (Array.isArray(schema.prefixItems)) view.prefixItems = schema.prefixItems;
  // An empty pattern matches every string: it is no pattern.
  if (typeof schema.pattern === 'string' && schema.pattern !== '') view.pattern = schema.pattern;
  view.uniqueItems = schema.uniqueItems === true;
  if (isObject(schema.dependentRequired)) {
    for (const [name, list] of Object.entries(schema.dependentRequired))
      if (Array.isArray(list)) own(view, 'dependentRequired').set(name, new Set(list.map(String)));
  }
  if ('default' in schema) view.default = canonicalJson(schema.default);
  view.readOnly = schema.readOnly === true;
  view.writeOnly = schema.writeOnly === true;
  for (const key in schema) {
    const value = schema[key];
    if (NUMERIC.has(key)) {
      if (typeof value === 'number') view.numbers[key as NumericKeyword] = value;
    } else if (SUBSCHEMA.has(key)) own(view, 'subschemas').set(key as SubschemaKeyword, [value]);
    else if (KEYED.has(key) && isObject(value))
      own(view, 'keyed').set(key as KeyedKeyword, new Map(Object.entries(value)));
    else if (STRINGS.has(key) && typeof value === 'string') view.strings[key as StringKeyword] = value;
    else if (DOCS.has(key)) view.docs[key as DocKeyword] = value;
    else if (!KNOWN.has(key)) own(view, 'other').set(key, [value]);
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
}

function addVariants(view: SchemaView, group: VariantGroup): void {
  if (view.variants) view.moreVariants.push(group);
  else view.variants = group;
}

/**
 * Merges an `allOf` part into a view: properties and requirements add up, constraints narrow. Null
 * stays allowed only while every part that restricts the type allows it.
 */
function mergeInto(target: SchemaView, part: SchemaView): void {
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
