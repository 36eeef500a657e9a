// Apps persist tokens across restarts through `tokenStore` / `onTokens`; abort signals and
// timeouts of API requests pass through the token wait.
import { sendJson } from '@oapi/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authorizationCodeGrant,
  passwordGrant,
  refreshTokenGrant,
  type TokenSet,
  type TokenStore,
} from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { echoClient, manualClock, rejectionOf } from './helpers.js';

let provider: FakeProvider;

beforeAll(async () => {
  provider = await startFakeProvider({ lifetimeSeconds: 60 });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.tokenRequests.length = 0;
  provider.tokenHandler = provider.issueTokens;
});

/** An async store, as a file or a database would be. */
function memoryStore(initial?: TokenSet): TokenStore & { saved: TokenSet[] } {
  let value = initial;
  const saved: TokenSet[] = [];
  return {
    saved,
    get: async () => value,
    set: async (tokens) => {
      value = tokens;
      saved.push(tokens);
    },
  };
}

const strategy = () => passwordGrant({ username: 'me', password: 'pw-123456' });

describe('token store', () => {
  it('saves every new token set, and a restarted app continues from it without a token request', async () => {
    const clock = manualClock();
    const store = memoryStore();
    const notified: TokenSet[] = [];
    const first = echoClient(provider.url, {
      strategy: strategy(),
      tokenStore: store,
      onTokens: (t) => void notified.push(t),
      now: clock.now,
    });
    await first.GET('/echo');
    expect(store.saved).toHaveLength(1);
    expect(notified).toEqual(store.saved);

    const restarted = echoClient(provider.url, { strategy: strategy(), tokenStore: store, now: clock.now });
    expect((await restarted.GET('/echo')).response.status).toBe(200);
    expect(provider.tokenRequests).toHaveLength(1);

    clock.advance(61_000);
    await restarted.GET('/echo');
    expect(provider.tokenRequests.map((r) => r.fields)).toMatchObject([
      { grant_type: 'password' },
      { grant_type: 'refresh_token', refresh_token: store.saved[0]!.refreshToken },
    ]);
    expect(store.saved).toHaveLength(2);
  });

  it('prefers a stored (newer) refresh token over the one the strategy was created with', async () => {
    const store = memoryStore();
    await echoClient(provider.url, { strategy: strategy(), tokenStore: store }).GET('/echo');
    const stored = store.saved[0]!;
    const clock = manualClock(stored.expiresAt! + 1);
    const client = echoClient(provider.url, {
      strategy: refreshTokenGrant({ refreshToken: 'rt-stale-from-config' }),
      tokenStore: store,
      now: clock.now,
    });
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(provider.tokenRequests[1]!.fields.refresh_token).toBe(stored.refreshToken);
  });

  it('does not spend an authorization code again when the store shows it was exchanged', async () => {
    const expired: TokenSet = {
      accessToken: 'at-old',
      tokenType: 'bearer',
      expiresAt: 1,
      refreshToken: undefined,
      scope: undefined,
      receivedAt: 0,
    };
    const client = echoClient(provider.url, {
      strategy: authorizationCodeGrant({
        code: 'code-used-yesterday',
        redirectUri: 'http://127.0.0.1:9/cb',
        clientId: 'cli',
      }),
      tokenStore: memoryStore(expired),
    });
    const error = await rejectionOf(client.GET('/echo'));
    expect(error).toMatchObject({ code: 'reauthorization_required' });
    expect(provider.tokenRequests).toHaveLength(0);
  });

  it('surfaces a failing store instead of losing tokens silently', async () => {
    const store: TokenStore = { get: () => undefined, set: () => Promise.reject(new Error('disk full')) };
    const client = echoClient(provider.url, { strategy: strategy(), tokenStore: store });
    expect((await rejectionOf(client.GET('/echo'))).message).toBe('disk full');
  });
});

describe('a token store shared by several instances (refresh-token rotation)', () => {
  /** Two instances that start from the same stored tokens and hold no credential but the refresh token. */
  async function twoInstances() {
    const clock = manualClock();
    const store = memoryStore();
    await echoClient(provider.url, { strategy: strategy(), tokenStore: store, now: clock.now }).GET('/echo');
    const instance = () =>
      echoClient(provider.url, {
        strategy: refreshTokenGrant({ refreshToken: 'rt-from-config' }),
        tokenStore: store,
        now: clock.now,
      });
    const [a, b] = [instance(), instance()];
    // Both read the store now, and so hold the same refresh token.
    for (const client of [a, b]) expect((await client.GET('/echo')).response.status).toBe(200);
    clock.advance(61_000);
    return { clock, store, a, b };
  }

  const sentToken = () => provider.apiRequests.at(-1)!.headers.authorization;

  it('uses the tokens another instance stored when its own refresh token was already rotated', async () => {
    const { store, a, b } = await twoInstances();
    expect((await a.GET('/echo')).response.status).toBe(200);
    const rotated = store.saved.at(-1)!;

    expect((await b.GET('/echo')).response.status).toBe(200);
    expect(sentToken()).toBe(`Bearer ${rotated.accessToken}`);
    const refreshes = provider.tokenRequests.slice(1).map((r) => r.fields.refresh_token);
    expect(refreshes).toEqual([store.saved[0]!.refreshToken, store.saved[0]!.refreshToken]);
    expect(store.saved).toHaveLength(2); // b wrote nothing back
  });

  it("refreshes with the stored refresh token when the other instance's access token has expired too", async () => {
    const { clock, store, a, b } = await twoInstances();
    await a.GET('/echo');
    clock.advance(61_000);
    expect((await b.GET('/echo')).response.status).toBe(200);
    const refreshes = provider.tokenRequests.slice(1).map((r) => r.fields.refresh_token);
    expect(refreshes).toEqual([
      store.saved[0]!.refreshToken,
      store.saved[0]!.refreshToken,
      store.saved[1]!.refreshToken,
    ]);
    expect(sentToken()).toBe(`Bearer ${store.saved[2]!.accessToken}`);
  });

  it('still asks for reauthorization when the store holds nothing newer', async () => {
    const { store, a } = await twoInstances();
    provider.tokenHandler = (_request, res) => sendJson(res, 400, { error: 'invalid_grant' });
    expect(await rejectionOf(a.GET('/echo'))).toMatchObject({ code: 'reauthorization_required', status: 400 });
    expect(store.saved).toHaveLength(1);
  });
});

describe('abort signals and timeouts', () => {
  it('rejects a caller whose signal aborts while it waits for a token; the others still get theirs', async () => {
    provider.tokenHandler = (request, res) => setTimeout(() => provider.issueTokens(request, res), 100);
    const client = echoClient(provider.url, { strategy: strategy() });
    const controller = new AbortController();
    const aborted = client.GET('/echo', { signal: controller.signal });
    const patient = client.GET('/echo');
    setTimeout(() => controller.abort(), 10);
    const error = await rejectionOf(aborted);
    expect(error.name).toBe('AbortError');
    expect((await patient).response.status).toBe(200);
    expect(provider.tokenRequests).toHaveLength(1);
  });

  it('leaves no unhandled rejection when every waiter gave up and the token request then fails', async () => {
    provider.tokenHandler = (_request, res) => setTimeout(() => sendJson(res, 400, { error: 'invalid_client' }), 50);
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const client = echoClient(provider.url, { strategy: strategy() });
      const error = await rejectionOf(client.GET('/echo', { signal: AbortSignal.timeout(10) }));
      expect(error.name).toBe('TimeoutError');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(provider.tokenRequests).toHaveLength(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('passes an API request timeout through', async () => {
    const client = echoClient(provider.url, { strategy: strategy() });
    await client.GET('/echo');
    provider.apiHandler = () => undefined; // never answers
    const error = await rejectionOf(client.GET('/echo', { signal: AbortSignal.timeout(50) }));
    expect(error.name).toBe('TimeoutError');
    provider.apiHandler = provider.echo;
  });

  it('rejects at once with an already aborted signal, without a token request', async () => {
    const client = echoClient(provider.url, { strategy: strategy() });
    const error = await rejectionOf(client.GET('/echo', { signal: AbortSignal.abort() }));
    expect(error.name).toBe('AbortError');
    expect(provider.tokenRequests).toHaveLength(0);
  });
});
