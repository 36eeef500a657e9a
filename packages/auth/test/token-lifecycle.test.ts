// Against the fake provider: a token is fetched once, reused, refreshed before expiry, rotated,
// and a rejected refresh falls back to the grant's credentials or fails clearly.
import { secretsIn } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, clientCredentialsGrant, passwordGrant, refreshTokenGrant, type TokenSet } from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { echoClient, manualClock, rejectionOf } from './helpers.js';

let provider: FakeProvider;
const password = 'pw-correct-horse';
const clientSecret = 'cs-0a1b2c3d4e';

beforeAll(async () => {
  provider = await startFakeProvider({ lifetimeSeconds: 60 });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.tokenRequests.length = 0;
  provider.tokenHandler = provider.issueTokens;
});

const grantsOf = (p: FakeProvider) => p.tokenRequests.map((r) => r.fields.grant_type);

describe('token lifecycle', () => {
  it("calls the fetch it is given unbound, as a browser's window.fetch requires", async () => {
    // A browser's fetch throws "Illegal invocation" when called as a method of another object.
    const browserLikeFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      if (this !== undefined && this !== globalThis)
        throw new TypeError("Failed to execute 'fetch': Illegal invocation");
      return globalThis.fetch(input, init);
    } as typeof globalThis.fetch;
    const client = echoClient(provider.url, {
      strategy: passwordGrant({ username: 'me', password }),
      fetch: browserLikeFetch,
    });
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(grantsOf(provider)).toEqual(['password']);
  });

  it('gets a token on first use, reuses it, and refreshes it inside the margin with the newest refresh token', async () => {
    const clock = manualClock();
    const seen: TokenSet[] = [];
    const client = echoClient(provider.url, {
      strategy: passwordGrant({ username: 'me', password, clientId: 'cli', clientSecret }),
      now: clock.now,
      onTokens: (t) => void seen.push(t),
    });
    expect((await client.GET('/echo')).response.status).toBe(200);
    clock.advance(50_000);
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(grantsOf(provider)).toEqual(['password']);

    clock.advance(4_500); // 54.5 s: inside Klika-like 6 s margin
    await client.GET('/echo');
    clock.advance(60_000);
    await client.GET('/echo');
    expect(grantsOf(provider)).toEqual(['password', 'refresh_token', 'refresh_token']);
    expect(provider.tokenRequests[1]!.fields.refresh_token).toBe(seen[0]!.refreshToken);
    expect(provider.tokenRequests[2]!.fields.refresh_token).toBe(seen[1]!.refreshToken);
    expect(new Set(seen.map((t) => t.refreshToken)).size).toBe(3);
    expect(seen[1]).toMatchObject({ receivedAt: clock.now() - 60_000, expiresAt: clock.now() });
  });

  it('falls back to the password when a refresh is rejected (invalid_grant)', async () => {
    const clock = manualClock();
    const client = echoClient(provider.url, {
      strategy: passwordGrant({ username: 'me', password, clientId: 'cli', clientSecret }),
      now: clock.now,
    });
    await client.GET('/echo');
    provider.tokenHandler = (request, res) =>
      request.fields.grant_type === 'refresh_token'
        ? res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}')
        : provider.issueTokens(request, res);
    clock.advance(61_000);
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(grantsOf(provider)).toEqual(['password', 'refresh_token', 'password']);
  });

  it('gets a new client_credentials token when one expires without a refresh token', async () => {
    const clock = manualClock();
    provider.tokenHandler = (_request, res) => {
      const token = `at-cc-${provider.tokenRequests.length}`;
      provider.validTokens.add(token);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: 7200 }));
    };
    const client = echoClient(provider.url, {
      strategy: clientCredentialsGrant({ clientId: 'cli', clientSecret }),
      now: clock.now,
    });
    await client.GET('/echo');
    clock.advance(7_000_000);
    await client.GET('/echo');
    expect(grantsOf(provider)).toEqual(['client_credentials', 'client_credentials']);
    expect(provider.tokenRequests[0]!.fields).toEqual({
      grant_type: 'client_credentials',
      client_id: 'cli',
      client_secret: clientSecret,
    });
  });

  it('starts from a refresh token the user holds and keeps the rotated one', async () => {
    const seen: TokenSet[] = [];
    const clock = manualClock();
    // The fake only honours refresh tokens it issued: get one first.
    const seed = echoClient(provider.url, {
      strategy: passwordGrant({ username: 'me', password }),
      onTokens: (t) => void seen.push(t),
      now: clock.now,
    });
    await seed.GET('/echo');
    const held = seen[0]!.refreshToken!;
    const client = echoClient(provider.url, {
      strategy: refreshTokenGrant({ refreshToken: held, clientId: 'cli' }),
      now: clock.now,
      onTokens: (t) => void seen.push(t),
    });
    await client.GET('/echo');
    clock.advance(61_000);
    await client.GET('/echo');
    expect(provider.tokenRequests.slice(1).map((r) => r.fields.refresh_token)).toEqual([held, seen[1]!.refreshToken]);
  });

  it('fails with reauthorization_required when a held refresh token is rejected, and does not retry it', async () => {
    const client = echoClient(provider.url, {
      strategy: refreshTokenGrant({ refreshToken: 'rt-revoked-long-ago', clientId: 'cli', clientSecret }),
    });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'reauthorization_required', status: 400 });
    expect(error.message).toMatch(/refresh token was rejected \(invalid_grant\).*authorize again/);
    expect(secretsIn(error, ['rt-revoked-long-ago', clientSecret])).toEqual([]);

    const again = await rejectionOf(client.GET('/echo'));
    expect(again).toMatchObject({ code: 'reauthorization_required' });
    expect(secretsIn(again, ['rt-revoked-long-ago', clientSecret])).toEqual([]);
    expect(provider.tokenRequests).toHaveLength(1);
  });

  it('exposes the current token through auth.tokens and authorization()', async () => {
    const client = echoClient(provider.url, { strategy: passwordGrant({ username: 'me', password }) });
    const header = await client.auth.authorization();
    const tokens = await client.auth.tokens!.getToken();
    expect(header).toBe(`Bearer ${tokens.accessToken}`);
    expect(provider.tokenRequests).toHaveLength(1);
  });
});
