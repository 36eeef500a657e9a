// The provider descriptor read out of a spec: servers and their x- rules, the token server, the
// strategies and token parameters the security schemes allow, the body encoding, pagination; a
// SpecError with the JSON pointer for what it cannot use.
import { describe, expect, it } from 'vitest';
import { providerDescriptor, SpecError } from '../src/index.js';
import { renderSpecOptions } from '../src/render-options.js';
import { shippedDescriptor } from '../src/shipped-descriptor.js';

type Json = Record<string, unknown>;

const tokenRequest = {
  contentType: 'application/x-www-form-urlencoded',
  grants: { password: { queryParameters: ['account_token'], requiredParameters: ['account_token'] } },
};

function spec(overrides: Json = {}): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '2.0.0' },
    servers: [
      { url: 'https://api.acme.test', 'x-server-name': 'us' },
      {
        url: 'https://api.acme.eu',
        'x-server-name': 'eu',
        'x-server-match': { parameter: 'account_token', pattern: '^ACME-EU-' },
      },
    ],
    paths: {
      '/oauth/token': {
        servers: [{ url: 'https://{loginHost}', variables: { loginHost: { default: 'login.acme.test' } } }],
        post: { operationId: 'token', responses: { 200: { description: 'ok' } } },
      },
      '/things': {
        get: {
          operationId: 'listThings',
          summary: 'List things',
          tags: ['Things'],
          parameters: [
            { name: 'page', in: 'query', schema: { type: 'integer', maximum: 30 } },
            { name: 'per_page', in: 'query', schema: { type: 'integer', maximum: 50 } },
          ],
          responses: { 200: { description: 'ok' } },
        },
        post: {
          operationId: 'createThing',
          requestBody: {
            content: { 'application/x-www-form-urlencoded': { 'x-bracket-notation': 'rails', schema: {} } },
          },
          responses: { 200: { description: 'ok' } },
        },
      },
    },
    'x-pagination': { pageParameter: 'page', sizeParameter: 'per_page', maxPage: 30, maxSize: 50 },
    components: {
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          'x-token-request': tokenRequest,
          flows: {
            password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: {} },
            clientCredentials: { tokenUrl: '/oauth/token', scopes: {} },
          },
        },
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
      },
    },
    security: [{ oauth2: [] }, { key: [] }],
    ...overrides,
  };
}

const errorOf = (raw: Json): SpecError => {
  try {
    providerDescriptor({ id: 'acme' }, raw);
  } catch (error) {
    return error as SpecError;
  }
  throw new Error('expected a SpecError');
};

describe('providerDescriptor', () => {
  const descriptor = providerDescriptor({ id: 'acme' }, spec());

  it('reads the servers with their names and match rules, and the token endpoint its own', () => {
    expect(descriptor.servers).toEqual([
      { url: 'https://api.acme.test', name: 'us' },
      {
        url: 'https://api.acme.eu',
        name: 'eu',
        match: { parameter: 'account_token', pattern: '^ACME-EU-' },
      },
    ]);
    expect(descriptor.tokenServers).toEqual([
      { url: 'https://{loginHost}', variables: { loginHost: { default: 'login.acme.test' } } },
    ]);
  });

  it('lists the strategies the schemes allow and the token parameters as options', () => {
    expect(descriptor.strategies).toEqual([
      'passwordGrant',
      'clientCredentialsGrant',
      'refreshTokenGrant',
      'bearerToken',
      'apiKey',
    ]);
    expect(descriptor.tokenParameters).toEqual([{ name: 'account_token', option: 'accountToken' }]);
  });

  it('reads the body encoding, the pagination and the deprecated operations', () => {
    expect(descriptor).toMatchObject({
      id: 'acme',
      title: 'Acme',
      version: '2.0.0',
      bodyEncoding: 'rails-form',
      pagination: { pageParameter: 'page', sizeParameter: 'per_page', maxPage: 30, maxSize: 50 },
    });
    expect(descriptor.deprecatedOperations).toEqual([]);
    const paths = { '/things': { get: { operationId: 'listThings', deprecated: true, responses: {} } } };
    expect(providerDescriptor({ id: 'acme' }, spec({ paths, 'x-pagination': undefined })).deprecatedOperations).toEqual(
      [{ operationId: 'listThings', method: 'GET', path: '/things' }],
    );
  });

  it('says JSON bodies where no request body says x-bracket-notation', () => {
    const paths = { '/things': { get: { operationId: 'listThings', responses: {} } } };
    expect(providerDescriptor({ id: 'acme' }, spec({ paths, 'x-pagination': undefined })).bodyEncoding).toBe('json');
  });

  it('writes the spec options with their types and what they do', () => {
    const options = renderSpecOptions(descriptor);
    expect(options).toContain('readonly server?: "us" | "eu";');
    expect(options).toContain('readonly loginHost?: string;');
    expect(options).toContain('readonly accountToken?: string;');
    expect(options).toContain('Required with the password grant.');
    expect(options).toContain('It also chooses the server: `^ACME-EU-` → `https://api.acme.eu`.');
  });

  it('ships the option names, the example URL, the token parameters and the deprecated operations ready', () => {
    const paths = { ...(spec().paths as Json), '/old': { delete: { operationId: 'old', deprecated: true } } };
    expect(shippedDescriptor(providerDescriptor({ id: 'acme' }, spec({ paths })))).toMatchObject({
      exampleUrl: 'https://api.acme.test',
      options: ['server', 'loginHost', 'accountToken'],
      serverOptions: ['server'],
      tokenParameters: { account_token: 'accountToken' },
      deprecatedOperations: ['DELETE /old'],
    });
    const tenant = spec({
      servers: [
        { url: 'https://{host}/v{major}', variables: { host: { default: 'a.test' }, major: { default: '2' } } },
      ],
    });
    expect(shippedDescriptor(providerDescriptor({ id: 'acme' }, tenant))).toMatchObject({
      exampleUrl: 'https://a.test/v2',
      options: ['host', 'major', 'loginHost', 'accountToken'],
      serverOptions: ['host', 'major'],
    });
  });

  it.each<[string, Json, string]>([
    [
      'a server variable the url uses but does not declare',
      { servers: [{ url: 'https://{host}:{port}', variables: { host: { default: 'a.test' } } }] },
      '#/servers/0/variables: must declare {port}, which the url uses',
    ],
    ['no server', { servers: [] }, '#/servers: must list at least one server with an absolute http(s) URL'],
    [
      'a server match on an unknown parameter',
      { servers: [{ url: 'https://a.test', 'x-server-match': { parameter: 'region', pattern: '^EU' } }] },
      '#/servers/0/x-server-match/parameter: "region" is not a token parameter of x-token-request',
    ],
    [
      'a pattern that is no regular expression',
      { servers: [{ url: 'https://a.test', 'x-server-match': { parameter: 'account_token', pattern: '(' } }] },
      '#/servers/0/x-server-match/pattern: is not a valid regular expression',
    ],
    [
      'a server name twice',
      {
        servers: [
          { url: 'https://a.test', 'x-server-name': 'us' },
          { url: 'https://b.test', 'x-server-name': 'us' },
        ],
      },
      '#/servers: x-server-name "us" names two servers',
    ],
    [
      'an x-required that is not a boolean',
      { servers: [{ url: 'https://{h}', variables: { h: { default: 'a.test', 'x-required': 'yes' } } }] },
      '#/servers/0/variables/h/x-required: must be true or false',
    ],
    [
      'a maxSize the parameter contradicts',
      { 'x-pagination': { pageParameter: 'page', sizeParameter: 'per_page', maxSize: 100 } },
      "#/x-pagination/maxSize: is 100, but the per_page parameter's maximum is 50",
    ],
    [
      'an unknown pagination key',
      { 'x-pagination': { pageParameter: 'page', sizeParameter: 'per_page', perPage: 50 } },
      '#/x-pagination: unknown key(s) perPage (see spec/EXTENSIONS.md)',
    ],
  ])('names the pointer of %s', (_, overrides, message) => {
    const error = errorOf(spec(overrides));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toBe(message);
  });

  it('refuses a spec whose bracket-notation bodies sit beside a JSON-only body', () => {
    const raw = spec();
    const paths = raw.paths as Record<string, Json>;
    paths['/other'] = {
      put: {
        operationId: 'replaceOther',
        requestBody: { content: { 'application/json': { schema: {} } } },
        responses: {},
      },
    };
    expect(errorOf(raw).message).toBe(
      '#/paths/~1other/put/requestBody/content: offers no form media type, but #/paths/~1things/post/requestBody/content makes every request body a Rails form',
    );
  });
});
