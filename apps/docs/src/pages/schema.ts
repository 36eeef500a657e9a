import { deref, isObject, type Json } from '../spec-json.js';
import { html, type Html } from './html.js';
import { markdown } from './markdown.js';
import { provenanceOf } from './provenance.js';

// A JSON Schema as nested lists: each property with its type, whether it is required, its
// provenance, description and constraints. `$ref`s are followed; a schema that refers back to one
// it is inside is named, not expanded again.

const maxDepth = 6;

/** `EndUser` for `#/components/schemas/EndUser`. */
const refName = (node: unknown) =>
  isObject(node) && typeof node.$ref === 'string' ? node.$ref.split('/').at(-1)!.replace(/~1/g, '/') : undefined;

function typeList(schema: Json): string[] {
  if (Array.isArray(schema.type)) return schema.type.map(String);
  if (typeof schema.type === 'string') return [schema.type];
  if (isObject(schema.properties)) return ['object'];
  return [];
}

/** `string · date-time`, `array of EndUser`, `integer | null`, `one of 2`. */
export function typeLabel(spec: Json, raw: unknown): string {
  const schema = deref(spec, raw);
  const name = refName(raw);
  if (!isObject(schema)) return name ?? 'any';
  const types = typeList(schema);
  const main = types.filter((t) => t !== 'null');
  let label: string;
  if ('const' in schema) label = `const ${JSON.stringify(schema.const)}`;
  else if (main.length === 1 && main[0] === 'array') label = `array of ${typeLabel(spec, schema.items)}`;
  else if (main.length > 0) label = main.join(' | ');
  else if (Array.isArray(schema.oneOf)) label = `one of ${schema.oneOf.length}`;
  else if (Array.isArray(schema.anyOf)) label = `any of ${schema.anyOf.length}`;
  else if (Array.isArray(schema.allOf)) label = 'all of';
  else label = 'any';
  if (name && main[0] === 'object') label = name;
  if (typeof schema.format === 'string') label += ` · ${schema.format}`;
  if (typeof schema.contentMediaType === 'string') label += ` · ${schema.contentMediaType}`;
  if (types.includes('null')) label += ' | null';
  return label;
}

/** Enum, default, bounds, pattern and examples, in one muted line. */
export function constraints(schema: Json): string[] {
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if ('default' in schema) parts.push(`default: ${JSON.stringify(schema.default)}`);
  for (const [key, word] of [
    ['minimum', '≥'],
    ['exclusiveMinimum', '>'],
    ['maximum', '≤'],
    ['exclusiveMaximum', '<'],
  ] as const) {
    if (typeof schema[key] === 'number') parts.push(`${word} ${schema[key]}`);
  }
  for (const [key, word] of [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
  ] as const) {
    if (typeof schema[key] === 'number') parts.push(`${word} ${schema[key]}`);
  }
  if (typeof schema.pattern === 'string') parts.push(`pattern: ${schema.pattern}`);
  if (schema.readOnly === true) parts.push('read-only');
  if (schema.writeOnly === true) parts.push('write-only');
  if ('example' in schema) parts.push(`example: ${JSON.stringify(schema.example)}`);
  else if (Array.isArray(schema.examples) && schema.examples.length > 0)
    parts.push(`example: ${JSON.stringify(schema.examples[0])}`);
  return parts;
}

interface Walk {
  readonly spec: Json;
  readonly depth: number;
  /** The `$ref`s being expanded on the way here. */
  readonly inside: ReadonlySet<string>;
}

/** The properties (and their `required` names) of an object schema, `allOf` parts merged in. */
function objectShape(spec: Json, schema: Json): { properties: Json; required: Set<string> } {
  const properties: Json = { ...(isObject(schema.properties) ? schema.properties : {}) };
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const resolved = deref(spec, part);
    if (!isObject(resolved)) continue;
    const shape = objectShape(spec, resolved);
    Object.assign(properties, shape.properties);
    for (const name of shape.required) required.add(name);
  }
  return { properties, required };
}

/** What a schema holds inside it: its properties, its items' properties, its alternatives. */
function children(walk: Walk, raw: unknown): Html | '' {
  const ref = isObject(raw) && typeof raw.$ref === 'string' ? raw.$ref : undefined;
  if (ref && walk.inside.has(ref)) return html`<p class="constraints">(${refName(raw)}, as above)</p>`;
  if (walk.depth >= maxDepth) return '';
  const inside = ref ? new Set([...walk.inside, ref]) : walk.inside;
  const next: Walk = { spec: walk.spec, depth: walk.depth + 1, inside };
  const schema = deref(walk.spec, raw);
  if (!isObject(schema)) return '';
  const types = typeList(schema);
  if (types.includes('array') && schema.items !== undefined) return children(next, schema.items);
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [];
  if (alternatives.length > 0) {
    const word = Array.isArray(schema.oneOf) ? 'One of' : 'Any of';
    return html`<ul class="schema alternatives">${alternatives.map(
      (option, i) =>
        html`<li><span class="type">${word} (${i + 1}/${alternatives.length}):</span> <code>${typeLabel(walk.spec, option)}</code>${description(walk.spec, option)}${children(next, option)}</li>`,
    )}</ul>`;
  }
  const { properties, required } = objectShape(walk.spec, schema);
  const entries = Object.entries(properties);
  const extra = schema.additionalProperties;
  if (entries.length === 0 && !isObject(extra)) return '';
  return html`<ul class="schema">${entries.map(([name, property]) => propertyItem(next, name, property, required.has(name)))}${
    isObject(extra)
      ? html`<li><code>*</code> <span class="type">${typeLabel(walk.spec, extra)}</span> <span class="constraints">any other key</span>${description(walk.spec, extra)}${children(next, extra)}</li>`
      : ''
  }</ul>`;
}

function description(spec: Json, raw: unknown): Html | '' {
  const own = isObject(raw) && typeof raw.description === 'string' ? raw.description : undefined;
  const schema = deref(spec, raw);
  const text = own ?? (isObject(schema) && typeof schema.description === 'string' ? schema.description : undefined);
  return text ? html`<div class="desc">${markdown(text)}</div>` : '';
}

function propertyItem(walk: Walk, name: string, raw: unknown, required: boolean): Html {
  const schema = deref(walk.spec, raw);
  const node = isObject(schema) ? schema : {};
  const own = isObject(raw) ? raw : {};
  const notes = constraints(node);
  return html`<li><code>${name}</code> <span class="type">${typeLabel(walk.spec, raw)}</span>${required ? html` <span class="required">required</span>` : ''}${node.deprecated === true ? html` <span class="badge deprecated">deprecated</span>` : ''} ${provenanceOf(own) || provenanceOf(node)}
${description(walk.spec, raw)}${notes.length > 0 ? html`<p class="constraints">${notes.join(' · ')}</p>` : ''}${children(walk, raw)}</li>`;
}

/** A schema as the reader sees it: its type line and description, then what it holds. */
export function schemaBlock(spec: Json, raw: unknown): Html {
  const schema = deref(spec, raw);
  const node = isObject(schema) ? schema : {};
  const notes = constraints(node);
  return html`<div class="schema-block"><p><span class="type">${typeLabel(spec, raw)}</span> ${provenanceOf(node)}</p>${description(spec, raw)}${notes.length > 0 ? html`<p class="constraints">${notes.join(' · ')}</p>` : ''}${children({ spec, depth: 0, inside: new Set() }, raw)}</div>`;
}
