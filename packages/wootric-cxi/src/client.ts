import {
  type ClientBaseOptions,
  createProviderClient,
  type ProviderClient,
  type RetryClientOptions,
  retrying,
} from '@oapi/runtime';
import type { paths } from './generated/openapi.js';
import { provider, type SpecOptions } from './generated/provider.js';

/**
 * `accountToken` (the CXI account's `NPS-…`, required with the password grant) and the options
 * every client takes; `tokenUrl` replaces the main Wootric token endpoint the spec names.
 */
export interface WootricCxiClientOptions extends ClientBaseOptions, RetryClientOptions, SpecOptions {}

export type WootricCxiClient = ProviderClient<paths>;

/**
 * A typed client for the Wootric CXI API. The spec gives it everything: tokens from the main Wootric
 * token endpoint with `account_token` naming the CXI account on the password grant, Rails bracket
 * form bodies, the page limits; retries of 429s and idempotent 5xx are on.
 *
 * ```ts
 * const cxi = createWootricCxiClient({ accountToken: 'NPS-1a2b3c4d', auth: passwordGrant({ username, password }) });
 * const onboarding = unwrap(await cxi.GET('/v1/onboarding'));
 * ```
 */
export function createWootricCxiClient(options: WootricCxiClientOptions = {}): WootricCxiClient {
  return createProviderClient<paths>(provider, options, { retry: retrying() });
}
