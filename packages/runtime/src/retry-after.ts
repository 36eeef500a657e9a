/**
 * How long each 429 said to wait, as the retry middleware read it (the provider's own header, e.g.
 * Wootric's `X-Rate-Limit-Reset`), for `RateLimitError.retryAfterMs`.
 */
export const rateLimitWaits = new WeakMap<Response, number>();

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function retryAfterHeaderMs(response: Response, now: number): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
