// 429 and 5xx against the fake: the waits the client chooses (recorded by an injected sleep that
// moves the fake clock instead of waiting), and what it will not replay.
import { secretsIn } from '@oapi/test-support';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWootricClient, passwordGrant, RateLimitError, unwrap, type RetryOptions } from '../src/index.js';
import { owner } from '@oapi/fakes/wootric-oauth';
import { accountToken, startFakeWootric, type FakeWootric } from '@oapi/fakes/wootric';

let fake: FakeWootric;
let waits: number[];

beforeAll(async () => {
  fake = await startFakeWootric();
});
afterAll(() => fake.close());
beforeEach(() => {
  waits = [];
  fake.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:20Z') });
});
afterEach(() => vi.useRealTimers());

function client(retry: RetryOptions = {}) {
  const sleep = async (ms: number) => {
    waits.push(ms);
    vi.setSystemTime(Date.now() + ms);
  };
  return createWootricClient({
    baseUrl: fake.url,
    accountToken,
    auth: passwordGrant(owner),
    retry: { sleep, random: () => 0.5, ...retry },
  });
}

const calls = (path: string) => fake.requests.filter((r) => r.path === path).length;

describe('rate limits (429)', () => {
  it('waits until X-Rate-Limit-Reset (UNIX seconds: the next minute), then succeeds', async () => {
    fake.limitRate('/v1/segments', 2);
    const wootric = client();
    for (let i = 0; i < 3; i += 1) unwrap(await wootric.GET('/v1/segments'));
    expect(waits).toEqual([40_000]); // 10:00:20 → 10:01:00
    expect(calls('/v1/segments')).toBe(4);
  });

  it('throws RateLimitError with retryAfterMs when the reset is further than maxWaitMs', async () => {
    fake.limitRate('/v1/segments', 1);
    const wootric = client({ maxWaitMs: 30_000 });
    unwrap(await wootric.GET('/v1/segments'));
    const error = await wootric
      .GET('/v1/segments')
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 40_000 });
    expect((error as Error).message).toBe(
      'GET /v1/segments answered 429 Too Many Requests: too_many_requests: Rate limit exceeded',
    );
    expect(waits).toEqual([]);
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });
});

describe('server errors (5xx)', () => {
  it('retries a GET with exponential backoff and jitter', async () => {
    fake.failNext(503, 2);
    expect(unwrap(await client().GET('/v1/segments'))).toHaveLength(1);
    expect(waits).toEqual([250, 500]);
    expect(calls('/v1/segments')).toBe(3);
  });

  it('never retries a POST', async () => {
    const wootric = client();
    unwrap(await wootric.GET('/v1/segments'));
    fake.failNext(500, 1);
    const error = await wootric
      .POST('/v1/email_survey', { body: { emails: ['ann@example.com'] } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ApiError', status: 500 });
    expect((error as Error).message).toBe(
      'POST /v1/email_survey answered 500 Internal Server Error: internal_server_error: Something went wrong, please retry later',
    );
    expect(calls('/v1/email_survey')).toBe(1);
    expect(waits).toEqual([]);
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    fake.failNext(502, 3);
    const error = await client({ maxAttempts: 3 })
      .GET('/v1/segments')
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
    expect(waits).toEqual([250, 500]);
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });
});
