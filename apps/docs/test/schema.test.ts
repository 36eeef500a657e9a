import { describe, expect, it } from 'vitest';
import { type ReferenceOperation, operationSection } from '../src/pages/operation.js';
import { schemaBlock, typeLabel } from '../src/pages/schema.js';
import { changesByOperation } from '../src/pages/reference.js';
import type { Json } from '../src/spec-json.js';

const spec: Json = {
  openapi: '3.1.0',
  security: [{ oauth2: [] }],
  components: {
    schemas: {
      Node: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'integer', minimum: 1 }, parent: { $ref: '#/components/schemas/Node' } },
      },
      Pet: { oneOf: [{ $ref: '#/components/schemas/Node' }, { type: 'string', enum: ['cat', 'dog'] }] },
    },
  },
};

describe('schemas', () => {
  it.each([
    [{ type: 'string', format: 'date-time' }, 'string · date-time'],
    [{ type: ['integer', 'null'] }, 'integer | null'],
    [{ type: 'array', items: { $ref: '#/components/schemas/Node' } }, 'array of Node'],
    [{ $ref: '#/components/schemas/Pet' }, 'one of 2'],
    [{ const: 'password' }, 'const "password"'],
  ])('%j is labelled %s', (schema, label) => {
    expect(typeLabel(spec, schema)).toBe(label);
  });

  it('names a schema that refers back to itself instead of expanding it again', () => {
    const html = schemaBlock(spec, { $ref: '#/components/schemas/Node' }).value;
    expect(html).toContain('<code>id</code> <span class="type">integer</span> <span class="required">required</span>');
    expect(html).toContain('≥ 1');
    expect(html).toContain('(Node, as above)');
  });

  it('lists the alternatives of a oneOf', () => {
    const html = schemaBlock(spec, { $ref: '#/components/schemas/Pet' }).value;
    expect(html).toContain('One of (1/2):</span> <code>Node</code>');
    expect(html).toContain('One of (2/2):</span> <code>string</code>');
  });
});

describe('an operation', () => {
  const op: ReferenceOperation = {
    kind: 'operation',
    name: '/oauth/token',
    method: 'post',
    operationId: 'createToken',
    summary: 'Get a <token>',
    operation: { operationId: 'createToken', 'x-provenance': 'inferred', responses: {} },
    pathItem: { servers: [{ url: 'https://auth.example.com', description: 'The token host.' }] },
    tagSlug: 'authentication',
  };

  it('links to the console, the auth guide section and its latest changelog entry; names its own server', () => {
    const html = operationSection(spec, op, {
      changes: [{ anchor: 'commit-abc1234', date: '2026-01-02T00:00:00Z' }],
    }).value;
    expect(html).toContain('<h3 id="createToken-title">Get a &lt;token&gt;</h3>');
    expect(html).toContain('<a class="try" href="console.html#tag/authentication/createToken">Try it</a>');
    expect(html).toContain('<a href="auth.html#scheme-oauth2">oauth2</a>');
    expect(html).toContain('<a href="changelog.html#commit-abc1234">Changelog</a>: 1 change, last on 2026-01-02');
    expect(html).toContain("Sent to <code>https://auth.example.com</code> (The token host.), not to the API's server.");
    expect(html).toContain('<span class="provenance inferred"');
  });

  it('says when the operation is unchanged, and links to the changelog page when the history could not be read', () => {
    expect(operationSection(spec, op, { changes: [] }).value).toContain('unchanged since the spec was added');
    expect(operationSection(spec, op, { changes: undefined }).value).toContain(
      '<li><a href="changelog.html">Changelog</a></li>',
    );
  });

  it('maps changelog entries to the operations their findings name, newest first', () => {
    const finding = (operation: string | null) => ({ id: 'x', severity: 'info', operation, pointer: '', message: '' });
    const entry = (shortCommit: string, operations: Array<string | null>) =>
      ({ shortCommit, date: `2026-0${shortCommit.length}`, findings: operations.map(finding) }) as never;
    const changes = changesByOperation({
      entries: [entry('bbb', ['GET /a', 'GET /a']), entry('aa', ['GET /a', null])],
    });
    expect(changes?.get('GET /a')).toEqual([
      { anchor: 'commit-bbb', date: '2026-03' },
      { anchor: 'commit-aa', date: '2026-02' },
    ]);
    expect(changesByOperation({ unavailable: 'shallow' })).toBeUndefined();
  });
});
