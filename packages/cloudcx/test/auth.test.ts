// Against the stateful fake tenant: what each auth strategy puts on the wire, how the one-hour
// token is reused and replaced, and that failures are typed and free of secrets.
import { secretsIn } from '@oapi/test-support';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiKey,
  bearerToken,
  CloudcxApiError,
  createCloudcxClient,
  OAuthError,
  passwordGrant,
  type TokenSet,
} from '../src/index.js';
import { account, oauthClient, startFakeCloudcx, validApiKey, type FakeCloudcx } from '@oapi/fakes/cloudcx';

const credentials = { ...account, clientId: oauthClient.id, clientSecret: oauthClient.secret };
const secrets = [account.password, oauthClient.secret, validApiKey];

let server: FakeCloudcx;
let refreshing: FakeCloudcx;

beforeAll(async () => {
  server = await startFakeCloudcx();
  refreshing = await startFakeCloudcx({ issueRefreshTokens: true });
});
afterAll(async () => {
  await server.close();
  await refreshing.close();
});
beforeEach(() => {
  for (const fake of [server, refreshing]) {
    fake.tokenRequests.length = 0;
    fake.pageRequests.length = 0;
  }
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:00Z') });
});
afterEach(() => vi.useRealTimers());

describe('cloudcx authentication', () => {
  it('sends the password grant as the spec says: form-urlencoded, client id and secret in the body, nothing in the URL', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: server.url, auth: passwordGrant(credentials) });
    await cloudcx.listUsers();
    expect(server.tokenRequests).toHaveLength(1);
    const [request] = server.tokenRequests;
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.authorization).toBeUndefined();
    expect(request?.query).toBe('');
    expect(request?.body).toEqual({
      grant_type: 'password',
      username: account.username,
      password: account.password,
      client_id: oauthClient.id,
      client_secret: oauthClient.secret,
    });
    expect(server.pageRequests[0]?.authorization).toMatch(/^Bearer eyJ/);
  });

  it('sends an API key as Authorization: Bearer <key> and never calls the token endpoint', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: server.url, auth: apiKey(validApiKey) });
    await cloudcx.listUsers();
    expect(server.pageRequests[0]?.authorization).toBe(`Bearer ${validApiKey}`);
    expect(server.tokenRequests).toEqual([]);
  });

  it('sends an access token obtained elsewhere as is', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: server.url, auth: bearerToken(validApiKey) });
    await cloudcx.listUsers();
    expect(server.pageRequests[0]?.authorization).toBe(`Bearer ${validApiKey}`);
  });

  it('reuses the token for most of its hour, then gets a new one with the password grant (no refresh token documented)', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: server.url, auth: passwordGrant(credentials) });
    await cloudcx.listUsers();
    vi.setSystemTime(Date.now() + 3_000_000); // 50 min: still fresh
    await cloudcx.listUsers();
    expect(server.tokenRequests).toHaveLength(1);
    vi.setSystemTime(Date.now() + 400_000); // 56 min 40 s: within the 5-minute margin of 3599 s
    await cloudcx.listUsers();
    expect(server.tokenRequests.map((r) => r.body.grant_type)).toEqual(['password', 'password']);
  });

  it('uses the (inferred) refresh grant at the same URL when the token reply carries a refresh token', async () => {
    const seen: TokenSet[] = [];
    const cloudcx = createCloudcxClient({
      baseUrl: refreshing.url,
      auth: passwordGrant(credentials),
      onTokens: (t) => void seen.push(t),
    });
    await cloudcx.listUsers();
    vi.setSystemTime(Date.now() + 3_600_000);
    await cloudcx.listUsers();
    const [, refresh] = refreshing.tokenRequests;
    expect(refresh?.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: seen[0]?.refreshToken,
      client_id: oauthClient.id,
      client_secret: oauthClient.secret,
    });
    expect(refresh?.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('gets a new token and replays the request once when the tenant refuses the token', async () => {
    const cloudcx = createCloudcxClient({ baseUrl: server.url, auth: passwordGrant(credentials) });
    await cloudcx.listUsers();
    server.revokeAccessTokens();
    const page = await cloudcx.listUsers();
    expect(page.content).toHaveLength(3);
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.pageRequests).toHaveLength(3);
  });

  it('throws CloudcxApiError 401 with the challenge for an API key the tenant refuses, without the key', async () => {
    const wrongKey = 'cxak_not-a-valid-key-0123456789';
    const cloudcx = createCloudcxClient({ baseUrl: server.url, auth: apiKey(wrongKey) });
    const error = await cloudcx.listUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudcxApiError);
    expect(error).toMatchObject({ status: 401, code: undefined });
    expect((error as CloudcxApiError).challenge).toMatch(/invalid_token/);
    expect((error as Error).message).toMatch(
      /^GET \/openapi\/v2\/user\/page answered 401 .*\(empty body\) Check the API key/,
    );
    expect(secretsIn(error, [wrongKey, ...secrets])).toEqual([]);
  });

  it.each([
    ['a wrong password', { password: 'wrong-password-xyz' }, 400, 'invalid_grant'],
    ['a wrong client secret', { clientSecret: 'wrong-secret-abc-123' }, 401, 'invalid_client'],
  ])('throws a typed OAuthError for %s, without any credential in it', async (_, change, status, code) => {
    const cloudcx = createCloudcxClient({ baseUrl: server.url, auth: passwordGrant({ ...credentials, ...change }) });
    const error = await cloudcx.listUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: code, status });
    expect(secretsIn(error, [...secrets, ...Object.values(change)])).toEqual([]);
    expect(server.pageRequests).toEqual([]);
  });

  it('refuses plain http to a non-loopback host up front, before any credential is sent', () => {
    let error: unknown;
    try {
      createCloudcxClient({ baseUrl: 'http://cx.example.com:9001', auth: apiKey(validApiKey) });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'AuthError', code: 'insecure_url' });
    expect(secretsIn(error, secrets)).toEqual([]);
  });
});
