// Every strategy factory checks its options up front, names the bad option and never echoes a value.
import { secretsIn } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import {
  apiKey,
  authorizationCodeGrant,
  bearerToken,
  clientCredentialsGrant,
  createAuth,
  passwordGrant,
  refreshTokenGrant,
} from '../src/index.js';
import { oauth2Scheme, securityWith, thrownBy } from './helpers.js';

const secret = 'hunter2-secret-value';

describe('strategy factories', () => {
  it.each([
    [
      'passwordGrant without password',
      () => passwordGrant({ username: 'me@example.com' } as never),
      '"auth.password" must be a non-empty string',
    ],
    [
      'passwordGrant with an empty username',
      () => passwordGrant({ username: '', password: secret }),
      '"auth.username" must be a non-empty string',
    ],
    [
      'passwordGrant with a secret but no client id',
      () => passwordGrant({ username: 'me', password: secret, clientSecret: secret }),
      '"auth.clientSecret" needs "auth.clientId"',
    ],
    [
      'passwordGrant with a number parameter',
      () => passwordGrant({ username: 'me', password: secret, parameters: { account_token: 7 as never } }),
      '"auth.parameters.account_token" must be a non-empty string',
    ],
    [
      'passwordGrant with a non-string scope',
      () => passwordGrant({ username: 'me', password: secret, scope: ['read'] as never }),
      '"auth.scope" must be a non-empty string',
    ],
    [
      'clientCredentialsGrant without secret',
      () => clientCredentialsGrant({ clientId: 'id' } as never),
      '"auth.clientSecret" must be a non-empty string',
    ],
    [
      'clientCredentialsGrant with a number id',
      () => clientCredentialsGrant({ clientId: 42 as never, clientSecret: secret }),
      '"auth.clientId" must be a non-empty string',
    ],
    [
      'refreshTokenGrant without token',
      () => refreshTokenGrant({} as never),
      '"auth.refreshToken" must be a non-empty string',
    ],
    [
      'authorizationCodeGrant without redirectUri',
      () => authorizationCodeGrant({ code: secret, clientId: 'id' } as never),
      '"auth.redirectUri" must be a non-empty string',
    ],
    [
      'authorizationCodeGrant without clientId',
      () => authorizationCodeGrant({ code: secret, redirectUri: 'https://app/cb' } as never),
      '"auth.clientId" must be a non-empty string',
    ],
    ['bearerToken with an empty token', () => bearerToken(''), '"auth.token" must be a non-empty string'],
    ['apiKey with no key', () => apiKey(undefined as never), '"auth.apiKey" must be a non-empty string'],
    [
      'passwordGrant with no options',
      () => passwordGrant(undefined as never),
      '"auth.username" must be a non-empty string',
    ],
  ])('%s: a TypeError naming the option', (_, make, message) => {
    const error = thrownBy(make);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(message);
    expect(secretsIn(error, [secret])).toEqual([]);
  });

  it('keeps the grant parameters apart from the extra ones the spec may put in the query', () => {
    const strategy = passwordGrant({
      username: 'me',
      password: secret,
      scope: 'read',
      parameters: { account_token: 'NPS-1234' },
    });
    expect(strategy).toMatchObject({
      kind: 'grant',
      grantType: 'password',
      flow: 'password',
      credentials: { username: 'me', password: secret, scope: 'read' },
      parameters: { account_token: 'NPS-1234' },
      repeatable: true,
    });
  });

  it.each([
    [
      'clientCredentialsGrant',
      clientCredentialsGrant({ clientId: 'id', clientSecret: secret }),
      { flow: 'clientCredentials', repeatable: true },
    ],
    [
      'refreshTokenGrant',
      refreshTokenGrant({ refreshToken: secret }),
      { flow: undefined, repeatable: false, refreshToken: secret },
    ],
    [
      'authorizationCodeGrant',
      authorizationCodeGrant({
        code: 'c0de',
        redirectUri: 'https://app/cb',
        codeVerifier: 'v'.repeat(43),
        clientId: 'id',
      }),
      {
        flow: 'authorizationCode',
        repeatable: false,
        credentials: { code: 'c0de', redirect_uri: 'https://app/cb', code_verifier: 'v'.repeat(43) },
      },
    ],
  ])('%s: which flow it uses and whether it can run again', (_, strategy, expected) => {
    expect(strategy).toMatchObject(expected);
  });
});

describe('createAuth options', () => {
  const security = securityWith();
  const strategy = bearerToken(secret);
  const grant = passwordGrant({ username: 'me', password: secret });
  it.each([
    ['no baseUrl', { security, strategy }, '"options.baseUrl" must be a non-empty string'],
    ['a relative baseUrl', { security, strategy, baseUrl: '/api' }, '"options.baseUrl" must be an absolute URL'],
    [
      'a strategy not made by a factory',
      { security, strategy: { token: secret }, baseUrl: 'https://api.example.com' },
      '"options.strategy" must come from a strategy factory',
    ],
    [
      'no security config',
      { strategy, baseUrl: 'https://api.example.com' },
      '"options.security" must be a generated security config',
    ],
    [
      'a zero timeout, for a grant',
      { security, strategy: grant, baseUrl: 'https://api.example.com', tokenTimeoutMs: 0 },
      '"options.tokenTimeoutMs" must be a positive number',
    ],
    [
      'a token store without get and set, for a grant',
      { security, strategy: grant, baseUrl: 'https://api.example.com', tokenStore: { get: () => undefined } },
      '"options.tokenStore" must be an object with get() and set(tokens)',
    ],
    [
      'an onTokens that is not a function, for a grant',
      { security, strategy: grant, baseUrl: 'https://api.example.com', onTokens: 'log' },
      '"options.onTokens" must be a function',
    ],
    [
      'an allowInsecureHttp that is not a boolean',
      { security, strategy, baseUrl: 'https://api.example.com', allowInsecureHttp: 'yes' },
      '"options.allowInsecureHttp" must be true or false',
    ],
  ])('%s: a TypeError naming the option', (_, options, message) => {
    const error = thrownBy(() => createAuth(options as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(message);
    expect(secretsIn(error, [secret])).toEqual([]);
  });

  it.each([
    [
      'an API key for a spec without an API-key scheme',
      { provider: 'p', schemes: { oauth2: securityWith().schemes.oauth2! } },
      apiKey(secret),
      /the p spec has no apiKey security scheme/,
    ],
    [
      'an API key the spec sends in the query',
      { provider: 'p', schemes: { k: { type: 'apiKey', in: 'query', name: 'key' } } },
      apiKey(secret),
      /only sent in headers, never in a query/,
    ],
    [
      'a grant for a spec without oauth2',
      { provider: 'p', schemes: { k: { type: 'http', scheme: 'bearer' } } },
      clientCredentialsGrant({ clientId: 'id', clientSecret: secret }),
      /the p spec has no oauth2 clientCredentials flow for the client_credentials grant/,
    ],
    [
      'a password grant for a spec whose oauth2 scheme has no password flow',
      securityWith(oauth2Scheme({ flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: {} } } })),
      passwordGrant({ username: 'me', password: secret }),
      /the test spec has no oauth2 password flow for the password grant/,
    ],
    [
      'a scheme name the spec lacks',
      securityWith(),
      bearerToken(secret, { scheme: 'nope' }),
      /the test spec has no "nope" security scheme/,
    ],
  ] as const)('%s: a TypeError', (_, security, strategy, message) => {
    const error = thrownBy(() =>
      createAuth({ security: security as never, strategy, baseUrl: 'https://api.example.com' }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(message);
    expect(secretsIn(error, [secret])).toEqual([]);
  });

  it.each([
    [
      'apiKey on an http bearer scheme',
      apiKey('key-123456'),
      {
        provider: 'p',
        schemes: { o: securityWith().schemes.oauth2!, k: { type: 'http', scheme: 'bearer' } },
      },
      'Bearer key-123456',
      'authorization',
    ],
    [
      'apiKey on a header apiKey scheme',
      apiKey('key-123456'),
      { provider: 'p', schemes: { k: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
      'key-123456',
      'X-Api-Key',
    ],
    ['bearerToken on an oauth2 spec', bearerToken('tok-123456'), securityWith(), 'Bearer tok-123456', 'authorization'],
  ] as const)('%s: sent the way the spec says', async (_, strategy, security, value, header) => {
    const auth = createAuth({ security: security as never, strategy, baseUrl: 'https://api.example.com' });
    expect(await auth.authorization()).toBe(value);
    const request = new Request('https://api.example.com/x');
    const sent = (await auth.middleware.onRequest!({ request } as never)) as Request;
    expect(sent.headers.get(header)).toBe(value);
    expect(auth.tokens).toBeUndefined();
  });
});
