// Every grant against oauth2-mock-server, a real OAuth 2.0 server on loopback: it signs JWTs,
// returns id_tokens, rotates refresh tokens and verifies PKCE.
import { secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  clientCredentialsGrant,
  createAuthorizationRequest,
  OAuthError,
  passwordGrant,
  readAuthorizationCallback,
  refreshTokenGrant,
  authorizationCodeGrant,
  type ClientAuthentication,
  type TokenSet,
} from '../src/index.js';
import { authorizeOnLoopback, startLoopbackRedirect } from '../src/node.js';
import { echoClient, manualClock, rejectionOf } from './helpers.js';
import {
  browse,
  claimsOf,
  startMockAuthorizationServer,
  type MockAuthorizationServer,
} from './mock-authorization-server.js';

let mock: MockAuthorizationServer;
const clientSecret = 'mock-client-secret-123';

beforeAll(async () => {
  mock = await startMockAuthorizationServer();
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.tokenRequests.length = 0;
  mock.server.service.removeAllListeners('beforeTokenSigning');
});

describe('against oauth2-mock-server', () => {
  it.each<[ClientAuthentication, string | undefined, Record<string, string>]>([
    [
      'client_secret_basic',
      `Basic ${btoa(`cli:${clientSecret}`)}`,
      { grant_type: 'client_credentials', scope: 'read write' },
    ],
    [
      'client_secret_post',
      undefined,
      { grant_type: 'client_credentials', scope: 'read write', client_id: 'cli', client_secret: clientSecret },
    ],
  ])('client_credentials with %s', async (clientAuthentication, authorization, fields) => {
    const client = echoClient(mock.api.url, {
      security: mock.security({ clientAuthentication }),
      strategy: clientCredentialsGrant({ clientId: 'cli', clientSecret, scope: 'read write' }),
    });
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(mock.tokenRequests).toEqual([{ grantType: 'client_credentials', fields, authorization }]);
    const token = await client.auth.tokens!.getToken();
    expect(claimsOf(token.accessToken)).toMatchObject({ iss: mock.issuer, scope: 'read write' });
    expect(token).toMatchObject({ scope: 'read write', refreshToken: undefined });
  });

  it.each(['application/x-www-form-urlencoded', 'application/json'] as const)(
    'password grant, %s, keeping the refresh token and ignoring the id_token',
    async (contentType) => {
      const seen: TokenSet[] = [];
      const client = echoClient(mock.api.url, {
        security: mock.security({ contentType }),
        strategy: passwordGrant({
          username: 'amina@example.com',
          password: 'pw-123456',
          clientId: 'cli',
          clientSecret,
        }),
        onTokens: (t) => void seen.push(t),
      });
      expect((await client.GET('/echo')).response.status).toBe(200);
      expect(mock.tokenRequests[0]).toMatchObject({
        grantType: 'password',
        fields: { username: 'amina@example.com', password: 'pw-123456' },
      });
      expect(claimsOf(seen[0]!.accessToken)).toMatchObject({ sub: 'amina@example.com', amr: ['pwd'] });
      expect(seen[0]!.refreshToken).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('refreshes after the mock lifetime (3600 s) with the newest refresh token each time', async () => {
    const clock = manualClock();
    const seen: TokenSet[] = [];
    const client = echoClient(mock.api.url, {
      security: mock.security(),
      strategy: passwordGrant({ username: 'amina@example.com', password: 'pw-123456', clientId: 'cli', clientSecret }),
      now: clock.now,
      onTokens: (t) => void seen.push(t),
    });
    await client.GET('/echo');
    for (let i = 0; i < 2; i += 1) {
      clock.advance(3_600_000);
      expect((await client.GET('/echo')).response.status).toBe(200);
    }
    expect(mock.tokenRequests.map((r) => r.grantType)).toEqual(['password', 'refresh_token', 'refresh_token']);
    expect(mock.tokenRequests.slice(1).map((r) => r.fields.refresh_token)).toEqual([
      seen[0]!.refreshToken,
      seen[1]!.refreshToken,
    ]);
  });

  it('starts from a held refresh token', async () => {
    const client = echoClient(mock.api.url, {
      security: mock.security(),
      strategy: refreshTokenGrant({ refreshToken: 'rt-held-by-the-user', clientId: 'cli', clientSecret }),
    });
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(mock.tokenRequests[0]).toMatchObject({
      grantType: 'refresh_token',
      fields: { refresh_token: 'rt-held-by-the-user' },
    });
  });

  it('falls back to the password when the mock rejects a refresh with invalid_grant', async () => {
    const clock = manualClock();
    const reject = (
      response: { body: Record<string, unknown>; statusCode: number },
      req: { body: Record<string, string> },
    ) => {
      if (req.body.grant_type !== 'refresh_token') return;
      response.statusCode = 400;
      response.body = { error: 'invalid_grant', error_description: 'refresh token revoked' };
    };
    const client = echoClient(mock.api.url, {
      security: mock.security(),
      strategy: passwordGrant({ username: 'amina@example.com', password: 'pw-123456', clientId: 'cli', clientSecret }),
      now: clock.now,
    });
    await client.GET('/echo');
    mock.server.service.on('beforeResponse', reject);
    try {
      clock.advance(3_600_000);
      expect((await client.GET('/echo')).response.status).toBe(200);
    } finally {
      mock.server.service.off('beforeResponse', reject);
    }
    expect(mock.tokenRequests.map((r) => r.grantType)).toEqual(['password', 'refresh_token', 'password']);
  });
});

describe('authorization_code with PKCE against oauth2-mock-server', () => {
  it('builds the authorize URL, receives the callback on loopback, and exchanges the code with the verifier', async () => {
    const redirect = await startLoopbackRedirect({ timeoutMs: 5_000 });
    const request = await createAuthorizationRequest({
      security: mock.security(),
      baseUrl: mock.api.url,
      clientId: 'cli',
      redirectUri: redirect.redirectUri,
      scope: 'openid profile',
    });
    const page = await browse(request.url);
    expect(page.status).toBe(200);
    const { code } = readAuthorizationCallback(await redirect.waitForCallback(), request);

    const client = echoClient(mock.api.url, {
      security: mock.security(),
      strategy: authorizationCodeGrant({
        code,
        redirectUri: request.redirectUri,
        codeVerifier: request.codeVerifier,
        clientId: 'cli',
      }),
    });
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(mock.tokenRequests[0]).toMatchObject({
      grantType: 'authorization_code',
      fields: { code, code_verifier: request.codeVerifier, redirect_uri: redirect.redirectUri, client_id: 'cli' },
    });
    expect(mock.tokenRequests[0]!.fields).not.toHaveProperty('client_secret');
  });

  it('is refused by the mock when the verifier does not match the challenge, without the verifier in the error', async () => {
    const redirect = await startLoopbackRedirect({ timeoutMs: 5_000 });
    const request = await createAuthorizationRequest({
      security: mock.security(),
      baseUrl: mock.api.url,
      clientId: 'cli',
      redirectUri: redirect.redirectUri,
    });
    await browse(request.url);
    const { code } = readAuthorizationCallback(await redirect.waitForCallback(), request);
    const wrongVerifier = 'x'.repeat(43);
    const client = echoClient(mock.api.url, {
      security: mock.security(),
      strategy: authorizationCodeGrant({
        code,
        redirectUri: request.redirectUri,
        codeVerifier: wrongVerifier,
        clientId: 'cli',
      }),
    });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      error: 'invalid_request',
      errorDescription: 'code_verifier provided does not match code_challenge',
      status: 400,
    });
    expect(secretsIn(error, [code, wrongVerifier, request.codeVerifier!])).toEqual([]);
  });

  it('does it all in one call for a CLI: authorizeOnLoopback', async () => {
    const shown: URL[] = [];
    const security = mock.security();
    const strategy = await authorizeOnLoopback({
      security,
      baseUrl: mock.api.url,
      clientId: 'cli-public',
      timeoutMs: 5_000,
      open: async (url) => {
        shown.push(url);
        await browse(url);
      },
    });
    expect(shown[0]!.searchParams.get('code_challenge_method')).toBe('S256');
    // It carries the security, as a client package's authorizationCodeGrant does: its client has the outline.
    expect(strategy.security).toBe(security);
    const client = echoClient(mock.api.url, { security: mock.security(), strategy });
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(mock.tokenRequests.map((r) => r.grantType)).toEqual(['authorization_code']);
    const token = await client.auth.tokens!.getToken();
    expect(claimsOf(token.accessToken)).toMatchObject({ sub: 'johndoe' });
  });
});
