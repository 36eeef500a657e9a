// Single flight: however many requests need a token at once, exactly one token request is made.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { passwordGrant } from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { echoClient, manualClock } from './helpers.js';

let provider: FakeProvider;

beforeAll(async () => {
  provider = await startFakeProvider({ lifetimeSeconds: 60 });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.tokenRequests.length = 0;
  provider.apiRequests.length = 0;
  provider.tokenHandler = provider.issueTokens;
  provider.apiHandler = provider.echo;
});

/** Answers token requests only after `ms`, so that every caller arrives while one is in flight. */
function slowTokens(ms: number) {
  provider.tokenHandler = (request, res) => setTimeout(() => provider.issueTokens(request, res), ms);
}

/**
 * The client's fetch: token requests go to the fake provider over the network; API calls are
 * answered in memory (valid token → 200) so that 1,000 of them take milliseconds, not sockets.
 */
const inMemoryApi: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (new URL(request.url).pathname === '/oauth/token') return fetch(request);
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  return new Response(JSON.stringify({ ok: true }), {
    status: token && provider.validTokens.has(token) ? 200 : 401,
    headers: { 'content-type': 'application/json' },
  });
};

const strategy = () =>
  passwordGrant({ username: 'me', password: 'pw-123456', clientId: 'cli', clientSecret: 'cs-123456' });

describe('single flight', () => {
  it('1,000 parallel requests on an expired token make one token request (a refresh)', async () => {
    const clock = manualClock();
    const sent: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      sent.push((input as Request).headers.get('authorization') ?? '');
      return inMemoryApi(input, init);
    };
    const client = echoClient(provider.url, { strategy: strategy(), now: clock.now, fetch });
    await client.GET('/echo');
    clock.advance(61_000);
    slowTokens(50);
    sent.length = 0;
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.GET('/echo')));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(provider.tokenRequests.map((r) => r.fields.grant_type)).toEqual(['password', 'refresh_token']);
    // One refresh request (no Authorization), then 1,000 API calls with the one new token.
    const apiCalls = sent.filter((header) => header.startsWith('Bearer '));
    expect(apiCalls).toHaveLength(1000);
    expect(new Set(apiCalls).size).toBe(1);
  });

  it('1,000 parallel first requests make one token request', async () => {
    slowTokens(50);
    const client = echoClient(provider.url, { strategy: strategy(), fetch: inMemoryApi });
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.GET('/echo')));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(provider.tokenRequests).toHaveLength(1);
  });

  it('50 parallel requests refused with 401 share one new token and are each replayed once', async () => {
    const client = echoClient(provider.url, { strategy: strategy() });
    await client.GET('/echo');
    provider.validTokens.clear();
    provider.apiRequests.length = 0;
    slowTokens(20);
    const results = await Promise.all(Array.from({ length: 50 }, () => client.GET('/echo')));
    expect(results.map((r) => r.response.status)).toEqual(Array(50).fill(200));
    expect(provider.tokenRequests.map((r) => r.fields.grant_type)).toEqual(['password', 'refresh_token']);
    expect(provider.apiRequests).toHaveLength(100);
  });

  it('a failed token request is shared by its waiters and not cached: the next caller tries again', async () => {
    provider.tokenHandler = (_, res) => setTimeout(() => res.writeHead(503).end(), 20);
    const client = echoClient(provider.url, { strategy: strategy() });
    const failures = await Promise.allSettled(Array.from({ length: 20 }, () => client.GET('/echo')));
    expect(failures.every((f) => f.status === 'rejected')).toBe(true);
    expect(provider.tokenRequests).toHaveLength(1);
    provider.tokenHandler = provider.issueTokens;
    expect((await client.GET('/echo')).response.status).toBe(200);
    expect(provider.tokenRequests).toHaveLength(2);
  });
});
