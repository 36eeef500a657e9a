/**
 * An attempt of a request got no response within the client's `timeoutMs`. It names the
 * operation (the spec's path, never the URL with its query) and the timeout; the server may still
 * have acted on the request.
 */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  // `declare`, set in the constructor: a parameter property would also define each field, in every bundle.
  /** `GET /v1/things/{id}` */
  declare readonly operation: string;
  declare readonly timeoutMs: number;
  constructor(operation: string, timeoutMs: number) {
    super(`${operation}: no response within ${timeoutMs} ms (the client's timeoutMs); the server may have acted on it`);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/** The longest delay `setTimeout` keeps (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
export const maxTimeoutMs = 2_147_483_647;

/**
 * `fetch` with a deadline per call, so that each attempt (a retry, a replay after a 401) gets its
 * own `timeoutMs` until the response starts; the request's own signal, the caller's, still aborts
 * it. The body is not under the deadline: a long download is not cut. Calls carry Requests (openapi-fetch's,
 * the middleware's replays).
 */
export function fetchWithTimeout(fetch: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  return (input, init) => {
    const request = input as Request;
    const caller = request.signal;
    const deadline = new AbortController();
    // By hand rather than AbortSignal.any, which costs more on every request.
    const cancel = () => deadline.abort(caller.reason);
    if (caller.aborted) cancel();
    else caller.addEventListener('abort', cancel);
    const timer = setTimeout(() => {
      deadline.abort(new RequestTimeoutError(`${request.method} ${new URL(request.url).pathname}`, timeoutMs));
    }, timeoutMs);
    return fetch(request, { ...init, signal: deadline.signal }).finally(() => {
      clearTimeout(timer);
      caller.removeEventListener('abort', cancel);
    });
  };
}
