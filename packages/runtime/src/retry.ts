import type { Middleware } from 'openapi-fetch';
import type { RetryPolicy } from './create-client.js';
import { recordRetryAfter, retryAfterHeaderMs } from './retry-after.js';
import { RequestTimeoutError } from './timeout.js';

export type RetryReason = 'rate_limited' | 'server_error' | 'network_error' | 'timeout';

export interface RetryOptions {
  /** Attempts per request, the first included. Default 4. */
  readonly maxAttempts?: number;
  /**
   * The longest wait for a rate limit to reset. A 429 whose reset is further away is not waited
   * for: it is returned at once (`unwrap` throws `RateLimitError` with `retryAfterMs`). Default 60 000.
   */
  readonly maxWaitMs?: number;
  /** The first backoff delay after a 5xx or network error; it doubles per attempt, with full jitter. Default 500. */
  readonly baseDelayMs?: number;
  /** The cap of one backoff delay. Default 10 000. */
  readonly maxDelayMs?: number;
  /** Milliseconds until a 429's limit resets, from the provider's headers. Default: the `Retry-After` header. */
  readonly rateLimitResetMs?: (response: Response, now: number) => number | undefined;
  /** Waits `ms` (tests inject one that records the waits instead). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock, in epoch milliseconds. */
  readonly now?: () => number;
  /** A number in [0, 1) for the jitter. */
  readonly random?: () => number;
  /** Called before each wait, e.g. to log it. */
  readonly onRetry?: (event: {
    readonly attempt: number;
    readonly delayMs: number;
    readonly reason: RetryReason;
    readonly request: Request;
  }) => void;
}

/** Safe to send twice (RFC 9110 §9.2.2): only these are retried after a 5xx or a network error. */
const idempotent = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);

export function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

function positiveInteger(value: number | undefined, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`"${path}" must be a positive integer, got ${value}`);
  return value;
}

function nonNegativeMs(value: number | undefined, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0)
    throw new TypeError(`"${path}" must be a non-negative number of milliseconds, got ${value}`);
  return value;
}

/**
 * A provider's retry defaults, for its quirks (`createProviderClient(…, { retry: retrying(…) })`):
 * the client's `retry` option goes over them, `false` turns retrying off. A client whose quirks
 * bring none does not retry, and its bundle carries no retry code.
 */
export function retrying(defaults: RetryOptions = {}): RetryPolicy {
  return (options) => {
    if (options === false) return undefined;
    if (options !== undefined && (typeof options !== 'object' || options === null))
      throw new TypeError('"options.retry" must be retry options or false');
    return retryMiddleware({ ...defaults, ...options });
  };
}

/**
 * Retries what a server refused for now. A 429 is retried for every method (the server did not
 * act on it) after the provider's reset time, if that is at most `maxWaitMs` away; a 5xx (but 501),
 * a network error or a timed-out attempt only for idempotent methods, after an exponential backoff
 * with full jitter.
 * Install it closest to the network (after auth) so that replays carry the credentials; each
 * replay is a clone of the request taken before it was sent, sent with the client's own fetch.
 */
export function retryMiddleware(options: RetryOptions = {}): Middleware {
  const maxAttempts = positiveInteger(options.maxAttempts, 4, 'retry.maxAttempts');
  const maxWaitMs = nonNegativeMs(options.maxWaitMs, 60_000, 'retry.maxWaitMs');
  const baseDelayMs = nonNegativeMs(options.baseDelayMs, 500, 'retry.baseDelayMs');
  const maxDelayMs = nonNegativeMs(options.maxDelayMs, 10_000, 'retry.maxDelayMs');
  const resetMs = options.rateLimitResetMs ?? retryAfterHeaderMs;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const pending = new WeakMap<Request, Request>();

  const backoff = (attempt: number) => Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));

  /** The wait before the next attempt, or undefined to give the outcome back. */
  function plan(
    outcome: Response | Error,
    method: string,
    attempt: number,
  ): { delayMs: number; reason: RetryReason } | undefined {
    if (outcome instanceof Response) {
      if (outcome.status === 429) {
        const reset = resetMs(outcome, now());
        const delayMs = reset === undefined ? backoff(attempt) : Math.max(0, Math.ceil(reset));
        if (reset !== undefined) recordRetryAfter(outcome, delayMs);
        return attempt < maxAttempts && delayMs <= maxWaitMs ? { delayMs, reason: 'rate_limited' } : undefined;
      }
      const serverError = outcome.status >= 500 && outcome.status !== 501;
      return serverError && idempotent.has(method) && attempt < maxAttempts
        ? { delayMs: backoff(attempt), reason: 'server_error' }
        : undefined;
    }
    // An attempt that timed out (the client's timeoutMs) is retried; the caller's abort is not.
    const reason = outcome instanceof RequestTimeoutError ? 'timeout' : 'network_error';
    return !isAbort(outcome) && idempotent.has(method) && attempt < maxAttempts
      ? { delayMs: backoff(attempt), reason }
      : undefined;
  }

  async function settle(
    request: Request,
    first: Response | Error,
    fetch: typeof globalThis.fetch,
  ): Promise<Response | Error> {
    const template = pending.get(request);
    pending.delete(request);
    let outcome = first;
    for (let attempt = 1; template; attempt += 1) {
      const next = plan(outcome, request.method, attempt);
      if (!next) break;
      options.onRetry?.({ attempt, delayMs: next.delayMs, reason: next.reason, request });
      if (outcome instanceof Response) await outcome.body?.cancel();
      await sleep(next.delayMs, request.signal);
      try {
        outcome = await fetch(template.clone());
      } catch (error) {
        outcome = error instanceof Error ? error : new Error(String(error));
      }
    }
    return outcome;
  }

  return {
    onRequest({ request }) {
      pending.set(request, request.clone());
      return undefined;
    },
    async onResponse({ request, response, options: client }) {
      if (!pending.has(request)) return undefined;
      const outcome = await settle(request, response, client.fetch);
      if (outcome instanceof Error) throw outcome;
      return outcome === response ? undefined : outcome;
    },
    async onError({ request, error, options: client }) {
      if (!pending.has(request)) return undefined;
      return settle(request, error instanceof Error ? error : new Error(String(error)), client.fetch);
    },
  };
}
