// RFC 9700: credentials and tokens only in bodies and headers, only over https (or loopback)
// unless the caller opts out, and never in an error.
import { secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKey,
  authorizationCodeGrant,
  clientCredentialsGrant,
  createAuth,
  passwordGrant,
  refreshTokenGrant,
  type AuthStrategy,
  type TokenSet,
} from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { echoClient, oauth2Scheme, rejectionOf, securityWith, thrownBy } from './helpers.js';

const password = 'pw-never-in-a-url';
const clientSecret = 'cs-never-in-a-url';
const code = 'authorization-code-never-in-a-url';
const codeVerifier = 'verifier-never-in-a-url-'.padEnd(43, 'x');
const key = 'api-key-never-in-a-url';

describe('https only, except loopback', () => {
  const strategy = clientCredentialsGrant({ clientId: 'cli', clientSecret });
  it.each([
    ['https', 'https://api.example.com', true],
    ['http on 127.0.0.1', 'http://127.0.0.1:8080', true],
    ['http on 127.1.2.3', 'http://127.1.2.3', true],
    ['http on localhost', 'http://localhost:3000', true],
    ['http on [::1]', 'http://[::1]:3000', true],
    ['http on a LAN host', 'http://10.0.0.5', false],
    ['http on a public host', 'http://api.example.com', false],
    ['http on a name that starts with 127.', 'http://127.0.0.1.attacker.example', false],
    ['ftp', 'ftp://api.example.com', false],
  ])('API base URL over %s (%s)', (_, baseUrl, allowed) => {
    const make = () => createAuth({ security: securityWith(), strategy, baseUrl });
    if (allowed) expect(make).not.toThrow();
    else expect(thrownBy(make)).toMatchObject({ name: 'AuthError', code: 'insecure_url' });
  });

  it('refuses an http token URL from the spec even when the API is https', () => {
    const scheme = oauth2Scheme({
      flows: { clientCredentials: { tokenUrl: 'http://id.example.com/token', scopes: {} } },
    });
    const error = thrownBy(() =>
      createAuth({ security: securityWith(scheme), strategy, baseUrl: 'https://api.example.com' }),
    );
    expect(error).toMatchObject({ code: 'insecure_url' });
    expect(error.message).toBe(
      'Refusing to send credentials to http://id.example.com (token URL): use https, or set allowInsecureHttp for a trusted network.',
    );
  });

  it('lets the caller opt out explicitly', () => {
    expect(() =>
      createAuth({ security: securityWith(), strategy, baseUrl: 'http://api.internal', allowInsecureHttp: true }),
    ).not.toThrow();
  });

  it('refuses credentials written into a URL, even when opted out of https', () => {
    const error = thrownBy(() =>
      createAuth({
        security: securityWith(),
        strategy,
        baseUrl: `https://me:${password}@api.example.com`,
        allowInsecureHttp: true,
      }),
    );
    expect(error).toMatchObject({ code: 'insecure_url' });
    expect(secretsIn(error, [password])).toEqual([]);
  });

  it('checks every API request too (a per-request baseUrl cannot downgrade)', async () => {
    const auth = createAuth({ security: securityWith(), strategy: apiKey(key), baseUrl: 'https://api.example.com' });
    const request = new Request('http://api.example.com/users');
    const error = await rejectionOf(Promise.resolve().then(() => auth.middleware.onRequest?.({ request } as never)));
    expect(error).toMatchObject({ code: 'insecure_url' });
    expect(request.headers.get('authorization')).toBeNull();
  });
});

describe('credentials never travel in a URL', () => {
  let provider: FakeProvider;
  beforeAll(async () => {
    provider = await startFakeProvider();
  });
  afterAll(() => provider.close());

  const secrets = [password, clientSecret, code, codeVerifier, key];

  it.each<[string, () => AuthStrategy, 'body' | 'query']>([
    [
      'password, grant_type in the body',
      () =>
        passwordGrant({
          username: 'me',
          password,
          clientId: 'cli',
          clientSecret,
          parameters: { account_token: 'NPS-1' },
        }),
      'body',
    ],
    [
      'password, grant_type in the query',
      () => passwordGrant({ username: 'me', password, clientId: 'cli', clientSecret }),
      'query',
    ],
    ['client_credentials', () => clientCredentialsGrant({ clientId: 'cli', clientSecret }), 'body'],
    [
      'authorization_code',
      () =>
        authorizationCodeGrant({
          code,
          codeVerifier,
          redirectUri: 'http://127.0.0.1:1/cb',
          clientId: 'cli',
          clientSecret,
        }),
      'query',
    ],
    ['api key', () => apiKey(key), 'body'],
  ])('%s', async (_, strategy, grantTypeIn) => {
    const issued: string[] = [];
    const track = (t: TokenSet) => void issued.push(t.accessToken, t.refreshToken ?? '');
    const scheme = oauth2Scheme({ tokenRequest: { grantTypeIn, queryParameters: ['account_token'] } });
    const client = echoClient(provider.url, { strategy: strategy(), security: securityWith(scheme), onTokens: track });
    await client.GET('/echo');
    if (issued[1]) {
      // and a refresh, with the refresh token in the body
      const refresh = echoClient(provider.url, {
        strategy: refreshTokenGrant({ refreshToken: issued[1] }),
        security: securityWith(scheme),
        onTokens: track,
      });
      await refresh.GET('/echo');
    }
    const urls = [...provider.tokenRequests, ...provider.apiRequests].map((r) => r.url.href);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => [...secrets, ...issued].some((s) => s && url.includes(encodeURIComponent(s))))).toEqual(
      [],
    );
  });
});
