import { deref, isObject, type Json } from './spec-json.js';

const stringFormats: Readonly<Record<string, string>> = {
  'date-time': '2024-05-01T12:00:00Z',
  date: '2024-05-01',
  email: 'ada@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  binary: 'file contents',
};

function firstExample(spec: Json, examples: unknown): { found: boolean; value?: unknown } {
  if (Array.isArray(examples) && examples.length > 0) return { found: true, value: examples[0] };
  if (isObject(examples)) {
    for (const raw of Object.values(examples)) {
      const example = deref(spec, raw);
      if (isObject(example) && 'value' in example) return { found: true, value: example.value };
    }
  }
  return { found: false };
}

function mainType(schema: Json): string | undefined {
  if (Array.isArray(schema.type)) return (schema.type as string[]).find((t) => t !== 'null') ?? 'null';
  return typeof schema.type === 'string' ? schema.type : isObject(schema.properties) ? 'object' : undefined;
}

/**
 * A value that fits a schema: its own example, const, default or first enum value, or one built
 * from its type (objects get their required properties only, to keep samples short).
 */
export function schemaExample(spec: Json, rawSchema: unknown, depth = 0): unknown {
  const schema = deref(spec, rawSchema);
  if (!isObject(schema)) return {};
  if ('example' in schema) return schema.example;
  const listed = firstExample(spec, schema.examples);
  if (listed.found) return listed.value;
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return schemaExample(spec, options[0], depth);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((part) => schemaExample(spec, part, depth)).filter(isObject));
  }
  switch (mainType(schema)) {
    case 'object': {
      if (depth > 5) return {};
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      return Object.fromEntries(
        required
          .filter((name) => name in properties)
          .map((name) => [name, schemaExample(spec, properties[name], depth + 1)]),
      );
    }
    case 'array':
      return depth > 5 ? [] : [schemaExample(spec, schema.items, depth + 1)];
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return stringFormats[String(schema.format)] ?? 'string';
  }
}

/** A parameter's example (its own, then its schema's). */
export function parameterExample(spec: Json, parameter: Json): unknown {
  if ('example' in parameter) return parameter.example;
  const listed = firstExample(spec, parameter.examples);
  if (listed.found) return listed.value;
  return schemaExample(spec, parameter.schema);
}

/** A request body's example: the media type's own example, its first named example, or its schema's. */
export function mediaTypeExample(spec: Json, media: Json): unknown {
  if ('example' in media) return media.example;
  const listed = firstExample(spec, media.examples);
  if (listed.found) return listed.value;
  return schemaExample(spec, media.schema);
}
