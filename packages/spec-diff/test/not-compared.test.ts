import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecs, type LoadedSpec } from '../src/index.ts';

type Where =
  | 'schema'
  | 'parameter'
  | 'media type'
  | 'response'
  | 'operation'
  | 'path item'
  | 'server'
  | 'server variable'
  | 'document'
  | 'webhook';

/** Puts `keyword: value` at one place of a small document. */
function documentWith(where: Where, keyword: string, value: unknown): LoadedSpec {
  const set = where === 'schema' ? { type: 'object', [keyword]: value } : { type: 'object' };
  const media = { schema: set, ...(where === 'media type' ? { [keyword]: value } : {}) };
  const parameter = {
    name: 'q',
    in: 'query',
    schema: { type: 'string' },
    ...(where === 'parameter' ? { [keyword]: value } : {}),
  };
  const response = {
    description: 'ok',
    content: { 'application/json': media },
    ...(where === 'response' ? { [keyword]: value } : {}),
  };
  const operation = {
    parameters: [parameter],
    responses: { '200': response },
    ...(where === 'operation' ? { [keyword]: value } : {}),
  };
  const pathItem = { get: operation, ...(where === 'path item' ? { [keyword]: value } : {}) };
  const region = { default: 'eu', ...(where === 'server variable' ? { [keyword]: value } : {}) };
  const server = {
    url: 'https://{region}.example.test',
    variables: { region },
    ...(where === 'server' ? { [keyword]: value } : {}),
  };
  return {
    label: `${where}.yaml`,
    document: {
      openapi: '3.1.0',
      info: { title: 'Not compared', version: '1' },
      servers: [server],
      paths: { '/x': pathItem },
      webhooks: {
        ping: {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
            ...(where === 'webhook' ? { [keyword]: value } : {}),
          },
        },
      },
      ...(where === 'document' ? { [keyword]: value } : {}),
    },
  };
}

/** A value of each keyword, and another. */
const values: Record<string, [unknown, unknown]> = {
  discriminator: [{ propertyName: 'kind' }, { propertyName: 'type' }],
  xml: [{ name: 'item' }, { name: 'entry' }],
  $id: ['https://example.test/a', 'https://example.test/b'],
  $anchor: ['a', 'b'],
  $dynamicAnchor: ['node', 'tree'],
  $dynamicRef: ['#node', '#tree'],
  $schema: ['https://json-schema.org/draft/2020-12/schema', 'https://json-schema.org/draft/2019-09/schema'],
  $vocabulary: [{ 'https://example.test/v': true }, { 'https://example.test/v': false }],
  allowEmptyValue: [true, false],
  encoding: [{ file: { contentType: 'image/png' } }, { file: { contentType: 'image/jpeg' } }],
  links: [{ next: { operationId: 'a' } }, { next: { operationId: 'b' } }],
  callbacks: [{ done: { '{$request.body#/url}': { post: { responses: { '200': { description: 'ok' } } } } } }, {}],
  servers: [[{ url: 'https://a.example.test' }], [{ url: 'https://b.example.test' }]],
  variables: [{ region: { default: 'eu' } }, { region: { default: 'eu' }, zone: { default: 'a' } }],
  enum: [
    ['eu', 'us'],
    ['eu', 'us', 'au'],
  ],
  default: ['eu', 'us'],
  security: [[{ a: [] }], [{ b: [] }]],
  responses: [{ '200': { description: 'ok' } }, { '204': { description: 'received' } }],
  jsonSchemaDialect: ['https://spec.openapis.org/oas/3.1/dialect/base', 'https://json-schema.org/draft/2020-12/schema'],
};

/** The README's "Not compared" table: each keyword with each place it is listed for. */
function readmeList(): Array<[string, Where]> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n## Not compared\n')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const [keywords = '', places = ''] = line.split('|').slice(1, 3);
      const names = [...keywords.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      // A place may say when in parentheses: `server (a variable added or removed)`.
      return names.flatMap((name) =>
        places.split(',').map((p) => [name, p.replace(/\(.*\)/, '').trim() as Where] as [string, Where]),
      );
    });
}

describe('keywords the README lists as not compared', () => {
  const listed = readmeList();

  it('are listed, each with a value to test', () => {
    expect(listed.length).toBeGreaterThan(10);
    expect(new Set(listed.map(([keyword]) => keyword))).toEqual(new Set(Object.keys(values)));
  });

  it.each(listed)('a change to `%s` in a %s is a not-compared finding naming it', (keyword, where) => {
    const [before, after] = values[keyword]!;
    const { findings } = diffSpecs(documentWith(where, keyword, before), documentWith(where, keyword, after));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['not-compared', 'info']]);
    expect(findings[0]!.message).toContain(`\`${keyword}\` changed`);
    expect(findings[0]!.pointer.endsWith(`/${keyword.replace('/', '~1')}`)).toBe(true);
  });
});

describe('what only documents the API', () => {
  it.each([
    ['media type', 'example'],
    ['media type', 'examples'],
  ] as const)('a change to `%s` `%s` is a documentation change', (where, keyword) => {
    const { findings } = diffSpecs(documentWith(where, keyword, { a: 1 }), documentWith(where, keyword, { a: 2 }));
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ['documentation-changed', `response 200 application/json: ${keyword} changed`],
    ]);
  });

  it('the scopes a flow offers are documentation: the scopes an operation requires are compared there', () => {
    const scheme = (scopes: object): LoadedSpec => ({
      label: 'scopes.yaml',
      document: {
        openapi: '3.1.0',
        info: { title: 'Scopes', version: '1' },
        paths: {},
        components: {
          securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes } } } },
        },
      },
    });
    const { findings } = diffSpecs(scheme({ read: 'Read' }), scheme({ read: 'Read', write: 'Write' }));
    expect(findings.map((f) => [f.id, f.pointer])).toEqual([
      ['documentation-changed', '/components/securitySchemes/oauth/flows/clientCredentials'],
    ]);
  });
});
