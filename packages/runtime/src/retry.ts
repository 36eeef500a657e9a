import type { Middleware } from 'openapi-fetch';
import { assertNonNegativeMs, assertPositiveInteger } from './assert-number.js';
import type { RetryPolicy } from './create-client.js';
import { retryAfterHeaderMs, rateLimitWaits } from './retry-after.js';
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
const idempotent = /^(GET|HEAD|PUT|DELETE|OPTIONS|TRACE)$/;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    signal.throwIfAborted();
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

const isAbort = (error: Error) => error.name === 'AbortError' || error.name === 'TimeoutError';

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

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
  const {
    maxAttempts = 4,
    maxWaitMs = 60_000,
    baseDelayMs = 500,
    maxDelayMs = 10_000,
    rateLimitResetMs = retryAfterHeaderMs,
    sleep = defaultSleep,
    now = Date.now,
    random = Math.random,
  } = options;
  assertPositiveInteger(maxAttempts, 'retry.maxAttempts');
  for (const [name, value] of Object.entries({ maxWaitMs, baseDelayMs, maxDelayMs }))
    assertNonNegativeMs(value, `retry.${name}`);
  // Each request's clone taken before it was sent, until its outcome is settled.
  const templates = new WeakMap<Request, Request>();

  /** Retries `outcome` (the first attempt's) as long as the rules allow; the last outcome. */
  async function settle(request: Request, outcome: Response | Error, fetch: typeof globalThis.fetch) {
    const template = templates.get(request) as Request;
    templates.delete(request);
    const replayable = idempotent.test(request.method);
    for (let attempt = 1; ; attempt += 1) {
      let delayMs = Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
      let reason: RetryReason | false;
      if (!(outcome instanceof Response)) {
        // An attempt that timed out (the client's timeoutMs) is retried; the caller's abort is not.
        reason =
          replayable && !isAbort(outcome) && (outcome instanceof RequestTimeoutError ? 'timeout' : 'network_error');
      } else if (outcome.status === 429) {
        const reset = rateLimitResetMs(outcome, now());
        if (reset !== undefined) {
          delayMs = Math.max(0, Math.ceil(reset));
          rateLimitWaits.set(outcome, delayMs);
        }
        reason = delayMs <= maxWaitMs && 'rate_limited';
      } else {
        reason = replayable && outcome.status >= 500 && outcome.status !== 501 && 'server_error';
      }
      if (!reason || attempt >= maxAttempts) return outcome;
      options.onRetry?.({ attempt, delayMs, reason, request });
      if (outcome instanceof Response) await outcome.body?.cancel();
      await sleep(delayMs, request.signal);
      outcome = await fetch(template.clone()).catch(asError);
    }
  }

  return {
    onRequest({ request }) {
      templates.set(request, request.clone());
      return undefined;
    },
    // Neither runs for a request whose outcome is settled (onError's response reaches onResponse).
    async onResponse({ request, response, options: client }) {
      const outcome = templates.has(request) ? await settle(request, response, client.fetch) : response;
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    onError({ request, error, options: client }) {
      return templates.has(request) ? settle(request, asError(error), client.fetch) : undefined;
    },
  };
}
