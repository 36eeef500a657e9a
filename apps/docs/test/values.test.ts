import { describe, expect, it } from 'vitest';
import { mediaTypeExample, parameterExample, schemaExample } from '../src/sample-values.js';
import type { Json } from '../src/spec-json.js';
import { tsLiteral } from '../src/ts-literal.js';

const spec: Json = {
  components: {
    schemas: {
      User: {
        type: 'object',
        required: ['id', 'email'],
        properties: { id: { type: 'integer' }, email: { type: 'string', format: 'email' }, name: { type: 'string' } },
      },
      Tagged: {
        allOf: [
          { $ref: '#/components/schemas/User' },
          { type: 'object', required: ['tag'], properties: { tag: { enum: ['a', 'b'] } } },
        ],
      },
    },
    examples: { Amina: { value: { id: 7, email: 'amina@example.com' } } },
  },
};

describe('schemaExample', () => {
  it.each([
    ['its own example', { type: 'string', example: 'x' }, 'x'],
    ['its first examples entry', { type: 'integer', examples: [5, 6] }, 5],
    ['const before default', { const: 'c', default: 'd' }, 'c'],
    ['default', { type: 'integer', default: 25 }, 25],
    ['the first enum value', { enum: ['promoter', 'passive'] }, 'promoter'],
    ['a string format', { type: 'string', format: 'date' }, '2024-05-01'],
    ['a nullable type', { type: ['null', 'boolean'] }, true],
    ['a minimum', { type: 'integer', minimum: 1000 }, 1000],
    ['the first oneOf option', { oneOf: [{ type: 'integer' }, { type: 'string' }] }, 1],
    [
      'required properties only, through $ref',
      { $ref: '#/components/schemas/User' },
      { id: 1, email: 'ada@example.com' },
    ],
    ['merged allOf parts', { $ref: '#/components/schemas/Tagged' }, { id: 1, email: 'ada@example.com', tag: 'a' }],
    ['an array of its items', { type: 'array', items: { type: 'number' } }, [1]],
  ])('uses %s', (_, schema, expected) => {
    expect(schemaExample(spec, schema)).toEqual(expected);
  });

  it('prefers a parameter example, then its named examples, then its schema', () => {
    expect(parameterExample(spec, { name: 'id', example: 3, schema: { type: 'integer', example: 4 } })).toBe(3);
    expect(parameterExample(spec, { name: 'id', examples: { one: { value: 9 } }, schema: { type: 'integer' } })).toBe(
      9,
    );
    expect(parameterExample(spec, { name: 'id', schema: { type: 'integer', example: 4 } })).toBe(4);
  });

  it('resolves a media type example that is a $ref to components/examples', () => {
    expect(mediaTypeExample(spec, { examples: { first: { $ref: '#/components/examples/Amina' } } })).toEqual({
      id: 7,
      email: 'amina@example.com',
    });
  });

  it('names a dangling $ref instead of guessing', () => {
    expect(() => schemaExample(spec, { $ref: '#/components/schemas/Missing' })).toThrow(
      '$ref "#/components/schemas/Missing" points at nothing',
    );
  });
});

describe('tsLiteral', () => {
  it.each([
    ['a string with quotes', "it's", "'it\\'s'"],
    [
      'a short object with bare and quoted keys',
      { id: 1, 'end_user[email]': 'a@b.c', ok: true, none: null },
      "{ id: 1, 'end_user[email]': 'a@b.c', ok: true, none: null }",
    ],
    ['an empty array and object', { list: [], map: {} }, '{ list: [], map: {} }'],
    [
      'a long object, one entry per line',
      { description: 'x'.repeat(70), n: 2 },
      `{\n  description: '${'x'.repeat(70)}',\n  n: 2,\n}`,
    ],
    ['newlines escaped', 'a\nb', "'a\\nb'"],
  ])('writes %s', (_, value, expected) => {
    expect(tsLiteral(value)).toBe(expected);
  });
});
