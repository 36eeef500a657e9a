import type { SecurityConfig } from '@oapi/auth';
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
import { servers } from './generated/spec-meta.js';

export interface WootricCxiClientOptions extends ClientBaseOptions {
  /** The CXI account's token (`NPS-…`): with the password grant, it names the account (`?account_token=`). */
  readonly accountToken?: string;
  /** The CXI API's URL. Default `https://cxi-api.wootric.com`. */
  readonly baseUrl?: string;
  /**
   * The token endpoint. Default the spec's `https://api.wootric.com/oauth/token`: CXI tokens come
   * from the main Wootric host, not from `baseUrl`. Set it for a proxy or a test server.
   */
  readonly tokenUrl?: string;
}

export type WootricCxiClient = ProviderClient<paths>;

const httpUrl = /^https?:\/\/[^/]/;

function assertUrl(value: unknown, path: string, example: string): asserts value is string | undefined {
  if (value !== undefined && (typeof value !== 'string' || !httpUrl.test(value)))
    throw new TypeError(`"${path}" must be an http(s) URL, e.g. "${example}"`);
}

/** The security config with every OAuth flow's token and refresh URL pointed at `tokenUrl`. */
export function withTokenUrl(config: SecurityConfig, tokenUrl: string): SecurityConfig {
  const schemes = Object.fromEntries(
    Object.entries(config.schemes).map(([name, scheme]) => {
      if (scheme.type !== 'oauth2') return [name, scheme];
      const flows = Object.fromEntries(
        Object.entries(scheme.flows).map(([flow, settings]) => [
          flow,
          settings && 'tokenUrl' in settings
            ? { ...settings, tokenUrl, ...(settings.refreshUrl ? { refreshUrl: tokenUrl } : {}) }
            : settings,
        ]),
      );
      return [name, { ...scheme, flows }];
    }),
  );
  return { ...config, schemes };
}

/**
 * A typed client for the Wootric CXI API. Tokens come from the main Wootric token endpoint
 * (`tokenUrl`), with `account_token` naming the CXI account on the password grant; bodies are
 * Rails bracket forms, CSVs multipart uploads.
 *
 * ```ts
 * const cxi = createWootricCxiClient({ accountToken: 'NPS-1a2b3c4d', auth: passwordGrant({ username, password }) });
 * const onboarding = unwrap(await cxi.GET('/v1/onboarding'));
 * ```
 */
export function createWootricCxiClient(options: WootricCxiClientOptions = {}): WootricCxiClient {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  if (options.accountToken !== undefined && (typeof options.accountToken !== 'string' || options.accountToken === '')) {
    throw new TypeError('"options.accountToken" must be a non-empty string');
  }
  assertUrl(options.baseUrl, 'options.baseUrl', 'https://cxi-api.wootric.com');
  assertUrl(options.tokenUrl, 'options.tokenUrl', 'https://api.wootric.com/oauth/token');
  const auth = withTokenParameters(
    options.auth,
    { account_token: options.accountToken },
    { grants: ['password'], option: 'options.accountToken' },
  );
  return createProviderClient<paths>(
    {
      security: options.tokenUrl ? withTokenUrl(security, options.tokenUrl) : security,
      baseUrl: options.baseUrl ?? servers[0].url,
      bodySerializer: railsBodySerializer,
      middleware: [formContentType],
      retry: {},
    },
    { ...options, auth },
  );
}
