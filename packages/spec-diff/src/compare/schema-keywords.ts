/** The JSON Schema keywords a schema view reads, by how it reads them. */

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
export const KNOWN = new Set<string>([
  ...READ_ELSEWHERE,
  ...LENGTH_KEYWORDS,
  ...RANGE_KEYWORDS,
  ...DOC_KEYWORDS,
  ...SUBSCHEMA_KEYWORDS,
  ...KEYED_KEYWORDS,
  ...STRING_KEYWORDS,
]);

export const NUMERIC = new Set<string>([...LENGTH_KEYWORDS, ...RANGE_KEYWORDS]);
export const SUBSCHEMA = new Set<string>(SUBSCHEMA_KEYWORDS);
export const KEYED = new Set<string>(KEYED_KEYWORDS);
export const STRINGS = new Set<string>(STRING_KEYWORDS);
export const DOCS = new Set<string>(DOC_KEYWORDS);
