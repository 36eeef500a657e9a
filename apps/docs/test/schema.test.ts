import { describe, expect, it } from 'vitest';
import { type ReferenceOperation, operationSection } from '../src/pages/operation.js';
import { schemaBlock, typeLabel } from '../src/pages/schema.js';
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

  it('links to the console, the auth guide section and its last change, with its badge; names its own server', () => {
    const html = operationSection(spec, op, {
      lastChange: {
        kind: 'changed',
        date: '2026-01-02T00:00:00Z',
        release: '@oapi/acme 0.2.0',
        anchor: 'release-0-2-0--post-oauth-token',
      },
    }).value;
    expect(html).toContain('<h3 id="createToken-title">Get a &lt;token&gt;</h3>');
    expect(html).toContain('<a class="try" href="console.html#tag/authentication/createToken">Try it</a>');
    expect(html).toContain('<a href="auth.html#scheme-oauth2">oauth2</a>');
    expect(html).toContain(
      '<a href="changelog.html#release-0-2-0--post-oauth-token"><span class="badge change changed">changed</span> <time datetime="2026-01-02T00:00:00Z">2026-01-02</time>, @oapi/acme 0.2.0</a>',
    );
    expect(html).toContain("Sent to <code>https://auth.example.com</code> (The token host.), not to the API's server.");
    expect(html).toContain('<span class="provenance inferred"');
  });

  it('links to the changelog page, without a badge, when the history could not be read', () => {
    const html = operationSection(spec, op, { lastChange: undefined }).value;
    expect(html).toContain('<li><a href="changelog.html">Changelog</a></li>');
    expect(html).not.toContain('class="badge change');
  });
});
