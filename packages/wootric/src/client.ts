import {
  type ClientBaseOptions,
  createProviderClient,
  type ProviderClient,
  type RetryClientOptions,
  retrying,
} from '@oapi/runtime';
import type { paths } from './generated/openapi.js';
import { provider, type SpecOptions } from './generated/provider.js';
import { wootricRateLimitResetMs } from './rate-limit.js';

/**
 * `accountToken` (`NPS-…`: it picks the region's server and, with the password grant, the account
 * to log in to), `server` (`us`, `eu`, `au`) and the options every client takes.
 */
export interface WootricClientOptions extends ClientBaseOptions, RetryClientOptions, SpecOptions {}

export type WootricClient = ProviderClient<paths>;

/**
 * A typed client for the Wootric REST API. The spec gives it the regional servers and the rule that
 * picks one from the account token, Rails bracket form bodies and the token requests; this adds
 * Wootric's rate-limit header: 429s are retried after `X-Rate-Limit-Reset`, idempotent 5xx with backoff.
 *
 * ```ts
 * const wootric = createWootricClient({
 *   accountToken: 'NPS-EU-1a2b3c4d',
 *   auth: passwordGrant({ username, password }),
 * });
 * const users = unwrap(await wootric.GET('/v1/end_users', { params: { query: { per_page: 50 } } }));
 * ```
 */
export function createWootricClient(options: WootricClientOptions = {}): WootricClient {
  return createProviderClient<paths>(provider, options, {
    retry: retrying({ rateLimitResetMs: wootricRateLimitResetMs }),
  });
}
