import { retryAfterHeaderMs } from '@oapi/runtime';

/**
 * Milliseconds until a Wootric rate limit resets. `X-Rate-Limit-Reset` is documented as a UNIX
 * time in seconds (the docs' example is `1537971859`); a value too small to be one (below 10^9,
 * i.e. before 2001) can only be a delay in seconds and is read as such. Without the header, the
 * standard `Retry-After`.
 */
export function wootricRateLimitResetMs(response: Response, now: number): number | undefined {
  const raw = response.headers.get('x-rate-limit-reset')?.trim();
  if (!raw || !/^\d+$/.test(raw)) return retryAfterHeaderMs(response, now);
  const value = Number(raw);
  return value >= 1e9 ? Math.max(0, value * 1000 - now) : value * 1000;
}
