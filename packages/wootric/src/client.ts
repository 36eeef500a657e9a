import {
  createProviderClient,
  formContentType,
  railsBodySerializer,
  withTokenParameters,
  type ClientBaseOptions,
  type ProviderClient,
} from '@oapi/runtime';
import type { paths } from './generated/openapi.js';
import { security } from './generated/security.js';
import { wootricRateLimitResetMs } from './rate-limit.js';
import { regionBaseUrl, regionOf, type WootricRegion } from './region.js';

export interface WootricClientOptions extends ClientBaseOptions {
  /**
   * The account token (`NPS-…`). It picks the region (`NPS-EU…`, `NPS-AU…`) and, with the password
   * grant, names the account to log in to (`?account_token=` on the token request).
   */
  readonly accountToken?: string;
  /** `us`, `eu` or `au`. Default: from the account token, else `us`. */
  readonly region?: WootricRegion;
  /** The API's URL, over `region` (a proxy, a test server). Token requests go to `<baseUrl>/oauth/token`. */
  readonly baseUrl?: string;
}

export type WootricClient = ProviderClient<paths>;

function assertOptionalString(value: unknown, path: string): void {
  if (value !== undefined && (typeof value !== 'string' || value === ''))
    throw new TypeError(`"${path}" must be a non-empty string`);
}

function chooseBaseUrl(options: WootricClientOptions, accountToken: string | undefined): string {
  if (options.baseUrl !== undefined) {
    if (typeof options.baseUrl !== 'string' || !/^https?:\/\/[^/]/.test(options.baseUrl)) {
      throw new TypeError('"options.baseUrl" must be an http(s) URL, e.g. "https://api.wootric.com"');
    }
    return options.baseUrl;
  }
  return regionBaseUrl(options.region ?? (accountToken ? regionOf(accountToken) : 'us'));
}

/**
 * A typed client for the Wootric REST API: form bodies in Rails bracket notation, the regional
 * host of the account, 429s retried after `X-Rate-Limit-Reset` and idempotent 5xx with backoff.
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
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  assertOptionalString(options.accountToken, 'options.accountToken');
  const auth = withTokenParameters(
    options.auth,
    { account_token: options.accountToken },
    { grants: ['password'], option: 'options.accountToken' },
  );
  const grantAccountToken = auth?.kind === 'grant' ? auth.extraParameters.account_token : undefined;
  const baseUrl = chooseBaseUrl(options, options.accountToken ?? grantAccountToken);
  return createProviderClient<paths>(
    {
      security,
      baseUrl,
      bodySerializer: railsBodySerializer,
      middleware: [formContentType],
      retry: { rateLimitResetMs: wootricRateLimitResetMs },
    },
    { ...options, auth },
  );
}
