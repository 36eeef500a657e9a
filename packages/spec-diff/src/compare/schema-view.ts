import { canonicalJson } from '../canonical-json.js';
import { isObject } from '../is-object.js';
import type { JsonObject } from '../types.js';
import type { Resolve } from './resolve.js';
import { DOCS, KEYED, KNOWN, NUMERIC, STRINGS, SUBSCHEMA } from './schema-keywords.js';
import { addVariants, mergeInto, NONE, own } from './schema-merge.js';
import { readVariants, type VariantGroup } from './schema-variants.js';
import type { DocKeyword, KeyedKeyword, NumericKeyword, StringKeyword, SubschemaKeyword } from './schema-keywords.js';

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
