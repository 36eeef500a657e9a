// Where token requests go (the spec's token server, or the caller's tokenUrl) and which of the
// client's token parameters each grant sends; the grant table everything else derives from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerToken,
  clientCredentialsGrant,
  createAuth,
  createAuthorizationRequest,
  grantOfFlow,
  grants,
  grantTypes,
  passwordGrant,
  refreshTokenGrant,
} from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { echoClient, oauth2Scheme, securityWith, thrownBy } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());

const password = () => passwordGrant({ username: 'me', password: 'pw-123456' });
const accountScheme = oauth2Scheme({
  tokenRequest: { grants: { password: { queryParameters: ['account_token'] } } },
});

describe('the token endpoint', () => {
  it('resolves the spec relative token URL against the token server, not the API', async () => {
    const client = echoClient('http://127.0.0.1:1', { strategy: password(), tokenBaseUrl: provider.url });
    // The API URL is unreachable: only the token request can succeed.
    await client.auth.authorization();
    expect(provider.tokenRequests.at(-1)!.url.pathname).toBe('/oauth/token');
  });

  it('sends token and refresh requests to tokenUrl when given, over the spec', async () => {
    const before = provider.apiRequests.length;
    const client = echoClient('http://127.0.0.1:1', {
      strategy: refreshTokenGrant({ refreshToken: 'rt-not-known' }),
      tokenUrl: `${provider.url}/elsewhere/token`,
    });
    // The fake's API answers 401 to anything but /oauth/token: the refresh fails, having gone there.
    await expect(client.auth.authorization()).rejects.toThrow();
    const sent = provider.apiRequests.slice(before);
    expect(sent.map((r) => [r.url.pathname, r.fields.grant_type])).toEqual([['/elsewhere/token', 'refresh_token']]);
  });

  it.each([
    ['tokenUrl', { tokenUrl: '/relative' }, ', e.g. "<baseUrl>/oauth/token"'],
    ['tokenBaseUrl', { tokenBaseUrl: 'not a url' }, ''],
  ])('refuses a %s that is not an absolute http(s) URL, naming it', (name, extra, exampleOf) => {
    const example = exampleOf.replace('<baseUrl>', provider.url);
    const error = thrownBy(() =>
      createAuth({ security: securityWith(), strategy: password(), baseUrl: provider.url, ...extra }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(`"options.${name}" must be an absolute http(s) URL${example}`);
  });
});

describe('the client token parameters', () => {
  it('go with the grants whose x-token-request shape names them, and no other', async () => {
    const tokenParameters = { account_token: 'NPS-EU-12345678' };
    const passwordClient = echoClient(provider.url, {
      strategy: password(),
      security: securityWith(accountScheme),
      tokenParameters,
    });
    await passwordClient.auth.authorization();
    expect(Object.fromEntries(provider.tokenRequests.at(-1)!.url.searchParams)).toEqual(tokenParameters);

    const credentialsClient = echoClient(provider.url, {
      strategy: clientCredentialsGrant({ clientId: 'cli', clientSecret: 'cs-123456' }),
      security: securityWith(accountScheme),
      tokenParameters,
    });
    await credentialsClient.auth.authorization();
    const request = provider.tokenRequests.at(-1)!;
    expect(request.url.search).toBe('');
    expect(request.fields).not.toHaveProperty('account_token');
  });

  it("lose to the strategy's own parameters of the same name", async () => {
    const client = echoClient(provider.url, {
      strategy: passwordGrant({ username: 'me', password: 'pw-123456', parameters: { account_token: 'NPS-mine' } }),
      security: securityWith(accountScheme),
      tokenParameters: { account_token: 'NPS-client' },
    });
    await client.auth.authorization();
    expect(provider.tokenRequests.at(-1)!.url.searchParams.get('account_token')).toBe('NPS-mine');
  });
});

describe('a token parameter the grant requires', () => {
  const required = oauth2Scheme({
    tokenRequest: {
      grants: { password: { queryParameters: ['account_token'], requiredParameters: ['account_token'] } },
    },
  });
  const options = { security: securityWith(required), baseUrl: 'https://api.example.com' };

  it("refuses the grant without it, naming the client's option for it", () => {
    const error = thrownBy(() =>
      createAuth({ ...options, strategy: password(), tokenParameterOptions: { account_token: 'accountToken' } }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      '"options.accountToken" is required with the password grant: test\'s token endpoint requires account_token',
    );
  });

  it.each([
    ["the client's token parameters", { strategy: password(), tokenParameters: { account_token: 'NPS-1' } }],
    [
      "the grant's own parameters",
      { strategy: passwordGrant({ username: 'me', password: 'pw-123456', parameters: { account_token: 'NPS-1' } }) },
    ],
    [
      'a grant that does not require it',
      { strategy: clientCredentialsGrant({ clientId: 'c', clientSecret: 's-123456' }) },
    ],
    ['a static credential', { strategy: bearerToken('at-123456') }],
  ])('takes it from %s, and needs it for no other', (_, extra) => {
    expect(() => createAuth({ ...options, ...extra })).not.toThrow();
  });
});

describe('PKCE', () => {
  const base = { baseUrl: 'https://api.example.com', clientId: 'cli', redirectUri: 'https://app.example.com/cb' };

  it('is left out of the authorization request when the flow says the server refuses it', async () => {
    const scheme = oauth2Scheme();
    const flows = { ...scheme.flows, authorizationCode: { ...scheme.flows.authorizationCode!, pkce: false } };
    const request = await createAuthorizationRequest({ ...base, security: securityWith({ ...scheme, flows }) });
    expect(request.codeVerifier).toBeUndefined();
    expect(request.url.searchParams.has('code_challenge')).toBe(false);
    expect(request.url.searchParams.get('state')).toBe(request.state);
  });

  it('is sent (S256) where the flow allows it', async () => {
    const request = await createAuthorizationRequest({ ...base, security: securityWith() });
    expect(request.url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.codeVerifier).toMatch(/^[\w-]{43,128}$/);
  });

  it("follows the pkce option over the spec's flow, both ways", async () => {
    const scheme = oauth2Scheme();
    const flows = { ...scheme.flows, authorizationCode: { ...scheme.flows.authorizationCode!, pkce: false } };
    const on = await createAuthorizationRequest({ ...base, security: securityWith({ ...scheme, flows }), pkce: true });
    expect(on.url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(on.codeVerifier).toMatch(/^[\w-]{43,128}$/);
    const off = await createAuthorizationRequest({ ...base, security: securityWith(), pkce: false });
    expect(off.url.searchParams.has('code_challenge')).toBe(false);
    expect(off.codeVerifier).toBeUndefined();
  });

  it('refuses a pkce option that is no boolean, naming it', async () => {
    const options = { ...base, security: securityWith(), pkce: 'yes' as unknown as boolean };
    await expect(createAuthorizationRequest(options)).rejects.toThrow('"options.pkce" must be true or false');
  });
});

describe('the grant table', () => {
  it('gives every grant a strategy factory and maps flows back to grants', () => {
    expect(grantTypes).toEqual(['password', 'client_credentials', 'authorization_code', 'refresh_token']);
    expect(grantTypes.map((grant) => grants[grant].strategy)).toEqual([
      'passwordGrant',
      'clientCredentialsGrant',
      'authorizationCodeGrant',
      'refreshTokenGrant',
    ]);
    expect(grantOfFlow('clientCredentials')).toBe('client_credentials');
    expect(grantOfFlow('implicit')).toBeUndefined();
  });

  it('is what each strategy factory records as its flow', () => {
    expect(password().flow).toBe(grants.password.flow);
    expect(refreshTokenGrant({ refreshToken: 'rt-123456' }).flow).toBeUndefined();
  });
});
