import { describe, expect, it } from 'vitest';
import { diffSpecs, type Finding, type LoadedSpec, type RuleId, rules } from '../src/index.ts';

/**
 * Each JSON Schema 2020-12 keyword that constrains a value, as a `loose` schema and a `tight` one
 * that adds or tightens the keyword. In a request, loose → tight narrows what a client may send; in
 * a response, tight → loose loosens what it receives. The other way round is compatible.
 */
interface KeywordCase {
  keyword: string;
  loose: object;
  tight: object;
  /** The rule of the narrowing request change, when not `request-constraint-added`. */
  request?: RuleId;
  /** Loosened in a response it is only info: other properties appearing are like a property added. */
  responseInfo?: true;
}

const array = { type: 'array', items: { type: 'string' } };
const object = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } };
const text = { type: 'string' };
/** `if`/`then` as JSON Schema writes them (built from entries: an object literal with `then` reads as a thenable to the linter). */
const ifThen = (condition: object, then: object): object =>
  Object.fromEntries([
    ['if', condition],
    ['then', then],
  ]);

const cases: KeywordCase[] = [
  { keyword: 'uniqueItems', loose: array, tight: { ...array, uniqueItems: true } },
  { keyword: 'items', loose: { type: 'array' }, tight: array },
  { keyword: 'prefixItems', loose: array, tight: { ...array, prefixItems: [{ const: 'first' }] } },
  { keyword: 'contains', loose: array, tight: { ...array, contains: { const: 'x' } } },
  {
    keyword: 'contains (narrower)',
    loose: { ...array, contains: { type: 'string' } },
    tight: { ...array, contains: { type: 'string', minLength: 2 } },
    request: 'request-length-tightened',
  },
  {
    keyword: 'minContains',
    loose: { ...array, contains: { const: 'x' } },
    tight: { ...array, contains: { const: 'x' }, minContains: 2 },
    request: 'request-length-tightened',
  },
  {
    keyword: 'maxContains',
    loose: { ...array, contains: { const: 'x' } },
    tight: { ...array, contains: { const: 'x' }, maxContains: 1 },
    request: 'request-length-tightened',
  },
  {
    keyword: 'unevaluatedItems',
    loose: { type: 'array', prefixItems: [text] },
    tight: { type: 'array', prefixItems: [text], unevaluatedItems: false },
  },
  { keyword: 'propertyNames', loose: object, tight: { ...object, propertyNames: { maxLength: 8 } } },
  {
    keyword: 'patternProperties',
    loose: object,
    tight: { ...object, patternProperties: { '^n_': { type: 'integer' } } },
  },
  { keyword: 'additionalProperties (a schema)', loose: object, tight: { ...object, additionalProperties: text } },
  {
    keyword: 'additionalProperties (false)',
    loose: object,
    tight: { ...object, additionalProperties: false },
    request: 'request-additional-properties-restricted',
    responseInfo: true,
  },
  { keyword: 'unevaluatedProperties', loose: object, tight: { ...object, unevaluatedProperties: false } },
  { keyword: 'dependentRequired', loose: object, tight: { ...object, dependentRequired: { a: ['b'] } } },
  { keyword: 'dependentSchemas', loose: object, tight: { ...object, dependentSchemas: { a: { required: ['b'] } } } },
  { keyword: 'not', loose: object, tight: { ...object, not: { required: ['a'] } } },
  {
    keyword: 'not (excludes more)',
    loose: { ...text, not: { const: 'x' } },
    tight: { ...text, not: { enum: ['x', 'y'] } },
  },
  {
    keyword: 'if/then',
    loose: object,
    tight: { ...object, ...ifThen({ required: ['a'] }, { required: ['b'] }) },
  },
  {
    keyword: 'else (narrower, same if)',
    loose: { ...object, if: { required: ['a'] }, else: { properties: { b: { maxLength: 9 } } } },
    tight: { ...object, if: { required: ['a'] }, else: { properties: { b: { maxLength: 3 } } } },
    request: 'request-length-tightened',
  },
  { keyword: 'contentMediaType', loose: text, tight: { ...text, contentMediaType: 'application/json' } },
  { keyword: 'contentEncoding', loose: text, tight: { ...text, contentEncoding: 'base64' } },
  {
    keyword: 'contentSchema',
    loose: { ...text, contentMediaType: 'application/json' },
    tight: { ...text, contentMediaType: 'application/json', contentSchema: { type: 'object' } },
  },
  {
    keyword: 'anyOf beside a oneOf',
    loose: { oneOf: [{ required: ['a'] }, { required: ['b'] }] },
    tight: {
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
      anyOf: [{ properties: { a: { const: 1 } } }, { properties: { b: { const: 2 } } }],
    },
  },
];

function spec(schema: object, direction: 'request' | 'response'): LoadedSpec {
  const content = { 'application/json': { schema } };
  const operation =
    direction === 'request'
      ? { requestBody: { content }, responses: { '204': { description: 'done' } } }
      : { responses: { '200': { description: 'ok', content } } };
  return {
    label: `${direction}.yaml`,
    document: { openapi: '3.1.0', info: { title: 'Keywords', version: '1' }, paths: { '/x': { post: operation } } },
  };
}

const judged = (findings: Finding[]): Finding[] => findings.filter((f) => rules[f.id].severity !== 'info');

describe('each JSON Schema keyword that constrains a value', () => {
  describe.each(cases)('$keyword', ({ loose, tight, request, responseInfo }) => {
    it('tightened in a request is breaking', () => {
      const { findings } = diffSpecs(spec(loose, 'request'), spec(tight, 'request'));
      expect(judged(findings).map((f) => f.id)).toEqual([request ?? 'request-constraint-added']);
      expect(rules[judged(findings)[0]!.id].severity).toBe('breaking');
    });

    it('loosened in a request is a compatible change', () => {
      const { findings } = diffSpecs(spec(tight, 'request'), spec(loose, 'request'));
      expect(judged(findings)).toEqual([]);
      expect(findings.map((f) => f.id)).toContain('schema-compatible-change');
    });

    it(`loosened in a response is ${responseInfo ? 'info' : 'a warning'}`, () => {
      const { findings } = diffSpecs(spec(tight, 'response'), spec(loose, 'response'));
      expect(judged(findings).map((f) => f.id)).toEqual(responseInfo ? [] : ['response-constraint-loosened']);
      expect(findings.length).toBeGreaterThan(0);
    });

    it('tightened in a response is a compatible change', () => {
      const { findings } = diffSpecs(spec(loose, 'response'), spec(tight, 'response'));
      expect(judged(findings)).toEqual([]);
      expect(findings.length).toBeGreaterThan(0);
    });
  });

  it('a changed `if` moves what `then` applies to: judged as narrowing a request and loosening a response', () => {
    const before = { ...object, ...ifThen({ required: ['a'] }, { required: ['b'] }) };
    const after = { ...object, ...ifThen({ required: ['b'] }, { required: ['b'] }) };
    expect(diffSpecs(spec(before, 'request'), spec(after, 'request')).findings.map((f) => f.id)).toEqual([
      'request-constraint-added',
    ]);
    expect(diffSpecs(spec(before, 'response'), spec(after, 'response')).findings.map((f) => f.id)).toEqual([
      'response-constraint-loosened',
    ]);
  });

  it('a request default changed is breaking, a response default only documentation', () => {
    const [a, b] = [
      { ...text, default: 'a' },
      { ...text, default: 'b' },
    ];
    expect(diffSpecs(spec(a, 'request'), spec(b, 'request')).findings.map((f) => f.id)).toEqual([
      'request-default-changed',
    ]);
    expect(diffSpecs(spec(a, 'response'), spec(b, 'response')).findings.map((f) => f.id)).toEqual([
      'documentation-changed',
    ]);
  });

  it('a response dictionary whose values loosen warns', () => {
    const numbers = { type: 'object', additionalProperties: { type: 'integer' } };
    const anything = { type: 'object', additionalProperties: {} };
    expect(diffSpecs(spec(numbers, 'response'), spec(anything, 'response')).findings.map((f) => f.id)).toEqual([
      'response-constraint-loosened',
    ]);
  });
});
