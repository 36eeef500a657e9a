/** How long each 429 said to wait, as the retry middleware read it, for `RateLimitError.retryAfterMs`. */
const waits = new WeakMap<Response, number>();

export function recordRetryAfter(response: Response, ms: number): void {
  waits.set(response, ms);
}

export function recordedRetryAfter(response: Response): number | undefined {
  return waits.get(response);
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function retryAfterHeaderMs(response: Response, now: number): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
