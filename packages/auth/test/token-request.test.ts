// The token request follows the spec's `x-token-request`: body encoding, where grant_type goes,
// how the client authenticates, which extra parameters travel in the query; secrets never in the URL.
import { describe, expect, it } from 'vitest';
import type { ClientCredentials, TokenRequestShape } from '../src/index.js';
import { buildTokenRequest, shapeFor } from '../src/token-request.js';
import { thrownBy } from './helpers.js';

const tokenUrl = new URL('https://id.example.com/oauth/token');
const client: ClientCredentials = { clientId: 'client id', clientSecret: 's3cret:!*()~' };
const form: TokenRequestShape = {
  contentType: 'application/x-www-form-urlencoded',
  grantTypeIn: 'body',
  clientAuthentication: 'client_secret_post',
  queryParameters: [],
  requiredParameters: [],
};

async function fieldsOf(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  return request.headers.get('content-type') === 'application/json'
    ? (JSON.parse(text) as Record<string, string>)
    : Object.fromEntries(new URLSearchParams(text));
}

describe('buildTokenRequest', () => {
  it.each([
    {
      name: 'RFC 6749 form with client_secret_post',
      shape: form,
      query: {},
      fields: {
        grant_type: 'password',
        username: 'me',
        password: 'pw-1234',
        client_id: 'client id',
        client_secret: 's3cret:!*()~',
      },
      authorization: null,
    },
    {
      name: 'JSON with grant_type in the query (Klika)',
      shape: { ...form, contentType: 'application/json', grantTypeIn: 'query' },
      query: { grant_type: 'password' },
      fields: { username: 'me', password: 'pw-1234', client_id: 'client id', client_secret: 's3cret:!*()~' },
      authorization: null,
    },
    {
      name: 'no client credentials and account_token in the query (Wootric password)',
      shape: { ...form, clientAuthentication: 'none', queryParameters: ['account_token'] },
      query: { account_token: 'NPS-abc123' },
      fields: { grant_type: 'password', username: 'me', password: 'pw-1234' },
      authorization: null,
    },
    {
      name: 'client_secret_basic, both halves form-encoded (RFC 6749 §2.3.1)',
      shape: { ...form, clientAuthentication: 'client_secret_basic' },
      query: {},
      fields: { grant_type: 'password', username: 'me', password: 'pw-1234' },
      authorization: `Basic ${btoa('client+id:s3cret%3A%21*%28%29%7E')}`,
    },
  ] as const)('$name', async ({ shape, query, fields, authorization }) => {
    const request = buildTokenRequest({
      tokenUrl,
      shape,
      grantType: 'password',
      parameters: { username: 'me', password: 'pw-1234', account_token: 'NPS-abc123' },
      client,
    });
    expect(request.method).toBe('POST');
    expect(request.redirect).toBe('manual');
    expect(request.headers.get('content-type')).toBe(shape.contentType);
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('authorization')).toBe(authorization);
    expect(Object.fromEntries(new URL(request.url).searchParams)).toEqual(query);
    const expected = shape.queryParameters.includes('account_token')
      ? fields
      : { ...fields, account_token: 'NPS-abc123' };
    expect(await fieldsOf(request)).toEqual(expected);
  });

  it('sends a public client id without a secret', async () => {
    const request = buildTokenRequest({
      tokenUrl,
      shape: form,
      grantType: 'refresh_token',
      parameters: { refresh_token: 'rt-1' },
      client: { clientId: 'cli' },
    });
    expect(await fieldsOf(request)).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-1', client_id: 'cli' });
  });

  it.each(['password', 'client_secret', 'refresh_token', 'code', 'code_verifier', 'username', 'access_token'])(
    'refuses a spec that would put "%s" in the query',
    (name) => {
      const error = thrownBy(() =>
        buildTokenRequest({
          tokenUrl,
          shape: { ...form, queryParameters: [name] },
          grantType: 'password',
          parameters: { [name]: 'value-9876' },
          client: undefined,
        }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`Refusing to send "${name}" in the token URL: credentials travel in the body.`);
    },
  );
});

describe('shapeFor', () => {
  it('lets a grant override the scheme-wide shape (Wootric: client credentials only for client_credentials)', () => {
    const config = {
      ...form,
      clientAuthentication: 'none' as const,
      grants: { client_credentials: { clientAuthentication: 'client_secret_post' as const } },
    };
    expect(shapeFor(config, 'client_credentials').clientAuthentication).toBe('client_secret_post');
    expect(shapeFor(config, 'password').clientAuthentication).toBe('none');
  });
});
