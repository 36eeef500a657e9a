// The retry middleware through a real client: the waits it chooses (recorded, never slept), what
// it replays and what it refuses to replay.
import { describe, expect, it } from 'vitest';
import { bearerToken } from '@oapi/auth';
import { secretsIn } from '@oapi/test-support';
import {
  createProviderClient,
  defaultSleep,
  RateLimitError,
  retrying,
  unwrap,
  type RetryOptions,
} from '../src/index.js';
import { bearerSecurity, testDescriptor } from './descriptor.js';
import { json, scriptedFetch, type paths, type Reply } from './scripted-fetch.js';

const descriptor = testDescriptor({ security: bearerSecurity });
const now = Date.parse('2026-11-25T10:00:00Z');
const resetIn = (seconds: number) => ({ 'x-rate-limit-reset': String(now / 1000 + seconds) });
const epochReset: RetryOptions['rateLimitResetMs'] = (response, at) => {
  const reset = response.headers.get('x-rate-limit-reset');
  return reset === null ? undefined : Number(reset) * 1000 - at;
};

function setup(replies: Reply[], retry: RetryOptions | false = {}) {
  const { fetch, sent } = scriptedFetch(replies);
  const waits: number[] = [];
  const client = createProviderClient<paths>(
    descriptor,
    {
      fetch,
      auth: bearerToken('token-abc-123'),
      retry: retry === false ? false : { sleep: async (ms) => void waits.push(ms), ...retry },
    },
    { retry: retrying({ rateLimitResetMs: epochReset, now: () => now, random: () => 0.5 }) },
  );
  return { client, sent, waits };
}

const ok = () => json(200, [{ id: 1 }]);
const limited = (seconds: number) => json(429, { errors: [{ message: 'Too many requests' }] }, resetIn(seconds));

describe('retryMiddleware: 429', () => {
  it('waits until X-Rate-Limit-Reset, then replays the request with its credentials', async () => {
    const { client, sent, waits } = setup([limited(7), ok()]);
    expect(unwrap(await client.GET('/things', { params: { query: { page: 2 } } }))).toEqual([{ id: 1 }]);
    expect(waits).toEqual([7000]);
    expect(sent.map((r) => [r.method, r.url, r.authorization])).toEqual([
      ['GET', 'https://api.example.com/things?page=2', 'Bearer token-abc-123'],
      ['GET', 'https://api.example.com/things?page=2', 'Bearer token-abc-123'],
    ]);
  });

  it('replays a POST too, body and all: the server did not act on it', async () => {
    const { client, sent, waits } = setup([limited(1), json(200, { id: 9 })]);
    const created = unwrap(
      await client.POST('/things', {
        body: { thing: { name: 'a' } },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        bodySerializer: () => 'thing%5Bname%5D=a',
      }),
    );
    expect(created).toEqual({ id: 9 });
    expect(waits).toEqual([1000]);
    expect(sent.map((r) => [r.method, r.body])).toEqual([
      ['POST', 'thing%5Bname%5D=a'],
      ['POST', 'thing%5Bname%5D=a'],
    ]);
  });

  it('does not wait past maxWaitMs: it returns the 429 and unwrap throws RateLimitError with retryAfterMs', async () => {
    const { client, sent, waits } = setup([limited(90)], { maxWaitMs: 60_000 });
    const error = await client
      .GET('/things')
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 90_000 });
    expect((error as Error).message).toBe('GET /things answered 429: Too many requests');
    expect([sent.length, waits]).toEqual([1, []]);
    expect(secretsIn(error, ['token-abc-123'])).toEqual([]);
  });

  it('gives up after maxAttempts and reports the last wait', async () => {
    const { client, sent, waits } = setup([limited(2), limited(3), limited(4)], { maxAttempts: 3 });
    const error = await client
      .GET('/things')
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 4000 });
    expect([sent.length, waits]).toEqual([3, [2000, 3000]]);
  });

  it('falls back to the backoff when the 429 names no reset time', async () => {
    const { client, waits } = setup([json(429, {}), ok()]);
    unwrap(await client.GET('/things'));
    expect(waits).toEqual([250]); // 0.5 × 500 ms
  });
});

describe('retryMiddleware: 5xx and network errors', () => {
  it('retries a GET after 500/502/503 with exponential backoff and full jitter', async () => {
    const { client, sent, waits } = setup([json(500, {}), json(502, {}), json(503, {}), ok()]);
    expect(unwrap(await client.GET('/things'))).toEqual([{ id: 1 }]);
    expect(sent).toHaveLength(4);
    expect(waits).toEqual([250, 500, 1000]); // 0.5 × 500 × 2^n
  });

  it('caps a backoff delay at maxDelayMs', async () => {
    const { client, waits } = setup([json(500, {}), json(500, {}), json(500, {}), ok()], {
      baseDelayMs: 4000,
      maxDelayMs: 5000,
    });
    unwrap(await client.GET('/things'));
    expect(waits).toEqual([2000, 2500, 2500]);
  });

  it('retries a PUT (idempotent) but never a POST', async () => {
    const put = setup([json(503, {}), json(200, { id: 1 })]);
    expect((await put.client.PUT('/things', { body: { thing: { name: 'a' } } })).response.status).toBe(200);
    expect(put.sent.map((r) => r.body)).toEqual(['{"thing":{"name":"a"}}', '{"thing":{"name":"a"}}']);

    const post = setup([json(503, {}), json(200, { id: 1 })]);
    expect((await post.client.POST('/things', { body: { thing: { name: 'a' } } })).response.status).toBe(503);
    expect([post.sent.length, post.waits]).toEqual([1, []]);
  });

  it('does not retry 501 Not Implemented, nor a 4xx other than 429', async () => {
    for (const status of [501, 400, 404]) {
      const { client, sent } = setup([json(status, {})]);
      expect((await client.GET('/things')).response.status).toBe(status);
      expect(sent).toHaveLength(1);
    }
  });

  it('returns the last 5xx after maxAttempts', async () => {
    const { client, sent } = setup([json(500, {}), json(500, {})], { maxAttempts: 2 });
    expect((await client.GET('/things')).response.status).toBe(500);
    expect(sent).toHaveLength(2);
  });

  it('retries a GET after a network error, and rethrows it for a POST', async () => {
    const get = setup([new TypeError('fetch failed'), ok()]);
    expect(unwrap(await get.client.GET('/things'))).toEqual([{ id: 1 }]);
    expect(get.waits).toEqual([250]);

    const post = setup([new TypeError('fetch failed')]);
    await expect(post.client.POST('/things', { body: { thing: { name: 'a' } } })).rejects.toThrow('fetch failed');
    expect(post.sent).toHaveLength(1);
  });

  it('rethrows the network error once the attempts are used up', async () => {
    const { client, sent } = setup([new TypeError('fetch failed'), new TypeError('fetch failed again')], {
      maxAttempts: 2,
    });
    await expect(client.GET('/things')).rejects.toThrow('fetch failed again');
    expect(sent).toHaveLength(2);
  });

  it('never retries an aborted request', async () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const { client, sent } = setup([abort]);
    await expect(client.GET('/things')).rejects.toThrow('aborted');
    expect(sent).toHaveLength(1);
  });

  it('is off with retry: false', async () => {
    const { client, sent } = setup([json(503, {})], false);
    expect((await client.GET('/things')).response.status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it.each([
    [{ maxAttempts: -1 }, /"retry.maxAttempts" must be a positive integer, got -1/],
    [{ maxAttempts: 0.5 }, /"retry.maxAttempts" must be a positive integer, got 0.5/],
    [{ maxAttempts: 0 }, /"retry.maxAttempts" must be a positive integer, got 0/],
    [{ maxWaitMs: Number.NaN }, /"retry.maxWaitMs" must be a non-negative number of milliseconds, got NaN/],
    [{ maxAttempts: '3' as never }, /"retry.maxAttempts" must be a positive integer, got string/],
    [{ baseDelayMs: null as never }, /"retry.baseDelayMs" must be a non-negative number of milliseconds, got object/],
  ])('refuses bad options: %o', (retry, message) => {
    expect(() => setup([], retry)).toThrow(message);
  });
});

describe('defaultSleep', () => {
  it('resolves after the delay', async () => {
    const controller = new AbortController();
    const started = Date.now();
    await defaultSleep(20, controller.signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("rejects with the signal's reason when aborted during the wait, or before it", async () => {
    const controller = new AbortController();
    const sleeping = defaultSleep(60_000, controller.signal);
    controller.abort(new Error('caller gave up'));
    await expect(sleeping).rejects.toThrow('caller gave up');
    await expect(defaultSleep(60_000, controller.signal)).rejects.toThrow('caller gave up');
  });
});
