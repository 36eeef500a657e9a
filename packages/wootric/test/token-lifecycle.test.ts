// Against the stateful fake: the token request shapes the spec's x-token-request describes, the
// two-hour token refreshed before it expires, and token errors typed and free of secrets.
import { secretsIn } from '@oapi/test-support';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientCredentialsGrant, createWootricClient, OAuthError, passwordGrant, unwrap } from '../src/index.js';
import { apiClient, owner } from '@oapi/fakes/wootric-oauth';
import { accountToken, startFakeWootric, type FakeWootric } from '@oapi/fakes/wootric';

let fake: FakeWootric;
const secrets = [owner.password, apiClient.secret];

beforeAll(async () => {
  fake = await startFakeWootric();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.oauth.tokenRequests.length = 0;
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:00Z') });
});
afterEach(() => vi.useRealTimers());

const passwordClient = () => createWootricClient({ baseUrl: fake.url, accountToken, auth: passwordGrant(owner) });

describe('wootric token lifecycle', () => {
  it('sends the password grant as form fields, without client credentials, account_token only in the query', async () => {
    unwrap(await passwordClient().GET('/v1/segments'));
    const [request] = fake.oauth.tokenRequests;
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toEqual({ grant_type: 'password', username: owner.username, password: owner.password });
    expect([...request!.query]).toEqual([['account_token', accountToken]]);
  });

  it('leaves out client credentials on the password grant even when given', async () => {
    const wootric = createWootricClient({
      baseUrl: fake.url,
      accountToken,
      auth: passwordGrant({ ...owner, clientId: apiClient.id, clientSecret: apiClient.secret }),
    });
    unwrap(await wootric.GET('/v1/segments'));
    expect(Object.keys(fake.oauth.tokenRequests[0]!.body).sort()).toEqual(['grant_type', 'password', 'username']);
  });

  it('keeps the 7200-second token, refreshes it 5 minutes before expiry with the newest refresh token', async () => {
    const seen: string[] = [];
    const wootric = createWootricClient({
      baseUrl: fake.url,
      accountToken,
      auth: passwordGrant(owner),
      onTokens: (t) => void seen.push(t.refreshToken!),
    });
    unwrap(await wootric.GET('/v1/segments'));
    vi.setSystemTime(Date.now() + 6_890_000); // 1 h 54 m 50 s: still fresh
    unwrap(await wootric.GET('/v1/segments'));
    expect(fake.oauth.tokenRequests).toHaveLength(1);

    vi.setSystemTime(Date.now() + 20_000); // 1 h 55 m 10 s: inside the 5-minute margin
    unwrap(await wootric.GET('/v1/segments'));
    const refresh = fake.oauth.tokenRequests[1]!;
    expect(refresh.body).toEqual({ grant_type: 'refresh_token', refresh_token: seen[0] });
    expect([...refresh.query]).toEqual([]);

    vi.setSystemTime(Date.now() + 7200_000);
    unwrap(await wootric.GET('/v1/segments'));
    expect(fake.oauth.tokenRequests[2]?.body.refresh_token).toBe(seen[1]);
    expect(new Set(seen).size).toBe(3);
  });

  it('asks client_credentials again when the token expires (no refresh token comes with it)', async () => {
    const wootric = createWootricClient({
      baseUrl: fake.url,
      auth: clientCredentialsGrant({ clientId: apiClient.id, clientSecret: apiClient.secret }),
    });
    unwrap(await wootric.GET('/v1/segments'));
    vi.setSystemTime(Date.now() + 7200_000);
    unwrap(await wootric.GET('/v1/segments'));
    expect(fake.oauth.tokenRequests.map((r) => r.body)).toEqual([
      { grant_type: 'client_credentials', client_id: apiClient.id, client_secret: apiClient.secret },
      { grant_type: 'client_credentials', client_id: apiClient.id, client_secret: apiClient.secret },
    ]);
    expect(fake.oauth.tokenRequests.every((r) => [...r.query].length === 0)).toBe(true);
  });

  it('gets a new token and replays the request once when the API refuses the token', async () => {
    const wootric = passwordClient();
    unwrap(await wootric.GET('/v1/segments'));
    fake.oauth.revokeAccessTokens();
    expect(unwrap(await wootric.GET('/v1/segments'))).toHaveLength(1);
    expect(fake.oauth.tokenRequests.map((r) => r.body.grant_type)).toEqual(['password', 'refresh_token']);
  });

  it.each([
    [
      'a wrong password',
      { ...owner, password: 'wrong-password-xyz' },
      accountToken,
      { error: 'invalid_grant', status: 401 },
    ],
    ['an unknown account token', owner, 'NPS-00000000', { error: 'Not found', status: 404 }],
  ])('throws a typed OAuthError for %s, without any credential in it', async (_name, login, token, expected) => {
    const wootric = createWootricClient({ baseUrl: fake.url, accountToken: token, auth: passwordGrant(login) });
    const error = await wootric.GET('/v1/segments').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: 'oauth_error', ...expected });
    expect(secretsIn(error, [...secrets, login.password])).toEqual([]);
  });

  it('throws invalid_client for a wrong client secret', async () => {
    const wootric = createWootricClient({
      baseUrl: fake.url,
      auth: clientCredentialsGrant({ clientId: apiClient.id, clientSecret: 'wrong-secret-abc' }),
    });
    const error = await wootric.GET('/v1/segments').catch((e: unknown) => e);
    expect(error).toMatchObject({ error: 'invalid_client', status: 401 });
    expect(secretsIn(error, [...secrets, 'wrong-secret-abc'])).toEqual([]);
  });
});
