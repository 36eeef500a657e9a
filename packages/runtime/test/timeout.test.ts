// timeoutMs: each attempt of a request waits at most that long for a response to start, retries
// each with their own; the caller's signal still cancels; the error names the operation and the
// timeout, never the credential or the query. Against a loopback server that accepts requests and
// never answers (small timeouts keep it fast).
import { bearerToken } from '@oapi/auth';
import { listen, type LoopbackServer, secretsIn, sendJson } from '@oapi/test-support';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createProviderClient,
  RequestTimeoutError,
  type RetryReason,
  retrying,
  type RetryOptions,
} from '../src/index.js';
import { bearerSecurity, testDescriptor } from './descriptor.js';
import type { paths } from './scripted-fetch.js';

const descriptor = testDescriptor({ security: bearerSecurity });
const secret = 'at-secret-123456';

/** Never answers the first `silentFor` requests; answers the others with `[]`. */
let silentFor = Number.POSITIVE_INFINITY;
let received: string[] = [];
let server: LoopbackServer;
beforeAll(async () => {
  server = await listen((req, res) => {
    received.push(`${req.method} ${req.url}`);
    if (received.length > silentFor) sendJson(res, 200, [{ id: 1 }]);
  });
});
afterAll(() => server.close());

function client(options: { timeoutMs?: number; retry?: RetryOptions | false } = {}) {
  received = [];
  const reasons: RetryReason[] = [];
  const retry = retrying({ sleep: async () => undefined, onRetry: (event) => void reasons.push(event.reason) });
  const api = createProviderClient<paths>(
    descriptor,
    { baseUrl: server.url, auth: bearerToken(secret), timeoutMs: 40, ...options },
    { retry },
  );
  return { api, reasons };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error('it answered'),
    (error: unknown) => error,
  );

describe('timeoutMs', () => {
  it('fails an attempt with no response in time, naming the operation and the timeout only', async () => {
    silentFor = Number.POSITIVE_INFINITY;
    const { api } = client({ retry: false });
    const error = await failure(api.GET('/things', { params: { query: { page: 2 } } }));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ operation: 'GET /things', timeoutMs: 40 });
    expect((error as Error).message).toBe(
      "GET /things: no response within 40 ms (the client's timeoutMs); the server may have acted on it",
    );
    expect(secretsIn(error, [secret, 'page=2'])).toEqual([]);
  });

  it('gives each retry attempt its own timeout: every attempt of an idempotent request is sent', async () => {
    silentFor = Number.POSITIVE_INFINITY;
    const { api, reasons } = client({ retry: { maxAttempts: 3 } });
    expect(await failure(api.GET('/things'))).toBeInstanceOf(RequestTimeoutError);
    expect(received).toEqual(['GET /things', 'GET /things', 'GET /things']);
    expect(reasons).toEqual(['timeout', 'timeout']);
  });

  it('answers when a later attempt gets a response: the timeout is per attempt, not per request', async () => {
    silentFor = 1;
    // Time enough for a loopback answer on a busy machine; the first attempt still times out.
    const { api } = client({ timeoutMs: 500, retry: { maxAttempts: 2 } });
    const { data } = await api.GET('/things');
    expect(data).toEqual([{ id: 1 }]);
    expect(received).toHaveLength(2);
  });

  it('does not send a POST again after it timed out: the server may have acted on it', async () => {
    silentFor = Number.POSITIVE_INFINITY;
    // Long enough for the POST to reach the server on a busy machine: the point is that it is not sent twice.
    const { api } = client({ timeoutMs: 400 });
    const error = await failure(api.POST('/things', { body: { thing: { name: 'a' } } }));
    expect(error).toMatchObject({ name: 'RequestTimeoutError', operation: 'POST /things' });
    expect(received).toEqual(['POST /things']);
  });

  it("gives way to the caller's signal, which is not retried", async () => {
    silentFor = Number.POSITIVE_INFINITY;
    const { api } = client({ timeoutMs: 10_000 });
    const caller = new AbortController();
    const pending = failure(api.GET('/things', { signal: caller.signal }));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    caller.abort();
    const error = await pending;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(received).toHaveLength(1);
  });

  it('waits 60 seconds by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // A fetch that never answers, and gives up only when its signal says so.
      const fetch = (_: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      const api = createProviderClient<paths>(descriptor, { baseUrl: 'https://api.example.com', fetch });
      let settled: unknown;
      void failure(api.GET('/things')).then((error) => {
        settled = error;
      });
      await vi.advanceTimersByTimeAsync(59_999);
      expect(settled).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 60_000 });
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '60000'])(
    'refuses timeoutMs %s, naming it',
    (value) => {
      expect(() => createProviderClient<paths>(descriptor, { timeoutMs: value as number })).toThrow(
        /^"options.timeoutMs" must be a number of milliseconds from 1 to 2147483647$/,
      );
    },
  );
});
