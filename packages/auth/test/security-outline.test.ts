// A client's descriptor carries its security schemes in outline (an oauth2 scheme by its type
// alone, the static strategies' default schemes written out); its package's grant factories attach
// the whole config to their strategies (withSecurity). A grant without it, or with another
// provider's, is refused with the fix; a static credential needs only the outline.
import { secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKey,
  authenticate,
  bearerToken,
  createAuth,
  createAuthorizationRequest,
  defaultSchemes,
  passwordGrant,
  type SecurityConfig,
  type SecurityOutline,
  withSecurity,
} from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { echoClient, securityWith, thrownBy } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());

const password = 'pw-correct-horse';
const security = securityWith();
/** What codegen writes into the descriptor of `security`'s client. */
const outline: SecurityOutline = {
  provider: 'test',
  schemes: { oauth2: { type: 'oauth2' }, apiKey: { type: 'http', scheme: 'bearer' } },
  defaultSchemes: { bearer: 'oauth2', apiKey: 'apiKey' },
};
const boundPasswordGrant = withSecurity(passwordGrant, security);

describe('withSecurity', () => {
  it("makes the factory's strategies carry the provider's security, checked as before", () => {
    expect(boundPasswordGrant({ username: 'me', password })).toMatchObject({
      kind: 'grant',
      grantType: 'password',
      credentials: { username: 'me', password },
      security,
    });
    expect(() => boundPasswordGrant({ username: 'me' } as never)).toThrowError(
      '"auth.password" must be a non-empty string',
    );
  });

  it("gets tokens from the strategy's security where createAuth has the outline", async () => {
    provider.tokenRequests.length = 0;
    const client = echoClient(provider.url, {
      security: outline,
      strategy: boundPasswordGrant({ username: 'me', password }),
    });
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(provider.tokenRequests.map((r) => [r.url.pathname, r.fields.grant_type])).toEqual([
      ['/oauth/token', 'password'],
    ]);
  });

  it.each([
    ['a grant of @oapi/auth', passwordGrant({ username: 'me', password })],
    [
      "another provider's grant",
      withSecurity(passwordGrant, { ...security, provider: 'other' })({ username: 'me', password }),
    ],
  ])('refuses %s with the outline, naming the factory to use', (_, strategy) => {
    const error = thrownBy(() => createAuth({ security: outline, strategy, baseUrl: 'https://api.example.com' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `"auth": the password grant lacks the test token endpoint: make it with @oapi/test's factory, not @oapi/auth's`,
    );
    expect(secretsIn(error, [password])).toEqual([]);
  });

  it('still takes a grant of @oapi/auth with a whole security config, as createAuth always did', () => {
    const auth = createAuth({ security, strategy: passwordGrant({ username: 'me', password }), baseUrl: provider.url });
    expect(auth.tokens).toBeDefined();
  });

  it('sends a static credential with the outline alone', async () => {
    const auth = createAuth({ security: outline, strategy: bearerToken('tok-123456'), baseUrl: provider.url });
    expect(await auth.authorization()).toBe('Bearer tok-123456');
  });
});

describe('defaultSchemes', () => {
  it.each([
    ['oauth2 and an HTTP bearer scheme (CloudCX)', security.schemes, { bearer: 'oauth2', apiKey: 'apiKey' }],
    ['oauth2 alone (Klika)', { oauth2: { type: 'oauth2' } }, { bearer: 'oauth2' }],
    ['an API key alone', { k: { type: 'apiKey', in: 'header', name: 'X-Key' } }, { bearer: 'k', apiKey: 'k' }],
    [
      'an API key first, then oauth2',
      { k: { type: 'apiKey', in: 'header', name: 'X-Key' }, o: { type: 'oauth2' } },
      { bearer: 'o', apiKey: 'k' },
    ],
  ] as const)('%s', (_, schemes, expected) => {
    expect(defaultSchemes({ schemes })).toEqual(expected);
  });

  it('are read from the outline, as codegen wrote them, when the client authenticates', async () => {
    const chosen = {
      ...outline,
      defaultSchemes: { apiKey: 'key' },
      schemes: { ...outline.schemes, key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    } as const;
    const auth = authenticate({ security: chosen, strategy: apiKey('key-123456'), baseUrl: provider.url });
    const sent = (await auth.middleware.onRequest!({ request: new Request(`${provider.url}/x`) } as never)) as Request;
    expect(sent.headers.get('x-key')).toBe('key-123456');
    expect(sent.headers.get('authorization')).toBeNull();
    expect(() => authenticate({ security: chosen, strategy: bearerToken('t'), baseUrl: provider.url })).toThrowError(
      '"auth": the test spec has no bearer security scheme',
    );
  });
});

describe('createAuthorizationRequest', () => {
  it("refuses a descriptor's outline, naming the config to pass", async () => {
    const options = { security: outline as SecurityConfig, baseUrl: provider.url, clientId: 'id' };
    await expect(createAuthorizationRequest({ ...options, redirectUri: 'https://app/cb' })).rejects.toThrowError(
      '"options.security" has no flows (a client\'s `provider.security`): pass the `security` its package exports',
    );
  });
});
