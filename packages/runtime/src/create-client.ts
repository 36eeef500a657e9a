import { type Auth, type AuthOptions, type AuthStrategy, authenticate } from '@oapi/auth';
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { assertClientOptions } from './client-options.js';
import { type DeprecationNotice, warnDeprecation } from './deprecation.js';
import type { ProviderDescriptor } from './descriptor.js';
import { operationMiddleware } from './operation.js';
import type { RetryOptions } from './retry.js';
import { chooseServers, type OptionValues } from './server-choice.js';
import { fetchWithTimeout } from './timeout.js';

/**
 * What every provider's `create<Provider>Client` accepts, besides the options its spec defines
 * (`SpecOptions`); the token options are `createAuth`'s, passed on.
 */
export interface ClientBaseOptions
  extends Pick<AuthOptions, 'tokenUrl' | 'tokenStore' | 'onTokens' | 'tokenTimeoutMs' | 'allowInsecureHttp'> {
  /** The credential: a grant strategy (`passwordGrant(…)`) or a static one (`apiKey(…)`). Omit for public operations only. */
  readonly auth?: AuthStrategy;
  /**
   * The API's URL, over the spec's servers and their variables: a proxy, a test server
   * (`http://127.0.0.1:4010`). Token requests still go where the spec says unless `tokenUrl` is set.
   */
  readonly baseUrl?: string;
  /** A fetch to send every request with, token requests included (tests, proxies). */
  readonly fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. */
  readonly headers?: ClientOptions['headers'];
  /** Extra openapi-fetch middleware, run before authentication. */
  readonly middleware?: readonly Middleware[];
  /**
   * Milliseconds each attempt of a request may wait for the response to start, retries and the
   * replay after a 401 each with their own; then it fails with `RequestTimeoutError`. A request's
   * own `signal` still cancels it at any time. Default 60 000.
   */
  readonly timeoutMs?: number;
  /**
   * Told once per operation that is deprecated, by the spec or by the server's `Deprecation` /
   * `Sunset` headers. Default: one `console.warn`. A hook that throws fails the call.
   */
  readonly onDeprecation?: (notice: DeprecationNotice) => void;
}

/** The `retry` option, of the clients whose provider retries (its quirks bring a `RetryPolicy`). */
export interface RetryClientOptions {
  /** Retries of 429s and (idempotent requests only) 5xx, network errors and timeouts, over the provider's defaults; `false` turns them off. */
  readonly retry?: RetryOptions | false;
}

/** Retry middleware for the client's `retry` option (`retrying(defaults)`), or none when it is `false`. */
export type RetryPolicy = (options: RetryOptions | false | undefined) => Middleware | undefined;

/** What a provider's client adds to its descriptor: the quirks that are truly its own. */
export interface ProviderQuirks {
  readonly querySerializer?: ClientOptions['querySerializer'];
  /** The provider's own middleware (envelopes), run before the caller's. */
  readonly middleware?: readonly Middleware[];
  /** How the provider retries (`retrying({ rateLimitResetMs })`); without it the client does not retry. */
  readonly retry?: RetryPolicy;
}

export type ProviderClient<Paths extends {}> = Client<Paths, `${string}/${string}`> & {
  /** The authentication in use, `undefined` without `auth`. */
  readonly auth: Auth | undefined;
  /** Where API requests go: the spec's server chosen by the options, or `options.baseUrl`. */
  readonly baseUrl: string;
};

/**
 * openapi-fetch for one provider: its servers and token endpoint (`descriptor`, generated from the
 * spec) chosen by the caller's options, the spec's auth, its body encoding, the provider's quirks
 * and the caller's options joined. Every option is checked up front; a TypeError names the bad one.
 */
export function createProviderClient<Paths extends {}>(
  descriptor: ProviderDescriptor,
  options: ClientBaseOptions & RetryClientOptions,
  quirks: ProviderQuirks = {},
): ProviderClient<Paths> {
  assertClientOptions(descriptor, options, quirks.retry ? ['retry'] : []);
  const values = options as OptionValues;
  // Only the clients of a spec with token parameters (Wootric's account token) carry their reader.
  const tokenParameters = descriptor.tokenParameterReader?.(descriptor, values, options.auth);
  const servers = chooseServers(descriptor, values, tokenParameters);
  const fetch = options.fetch ?? globalThis.fetch;
  const baseUrl = servers.baseUrl.replace(/\/+$/, '');
  // Checked above (auth, allowInsecureHttp) or made here; the token options (tokenUrl, tokenStore,
  // onTokens, tokenTimeoutMs) are passed on as they came, for the grant to check.
  const auth =
    options.auth &&
    authenticate({
      ...options,
      security: descriptor.security,
      strategy: options.auth,
      baseUrl,
      fetch,
      tokenParameters,
      tokenParameterOptions: descriptor.tokenParameters,
      tokenBaseUrl: servers.tokenBaseUrl,
    });
  const encoder = descriptor.bodyEncoder;
  const client = createClient<Paths>({
    baseUrl,
    // Each attempt its own deadline: retries and replays go through the client's fetch too.
    fetch: fetchWithTimeout(fetch, options.timeoutMs ?? 60_000),
    headers: options.headers,
    bodySerializer: encoder?.bodySerializer,
    querySerializer: quirks.querySerializer,
  });
  // Response hooks run in reverse: the first sees the final response, auth sees the raw one; retry
  // last, closest to the network, so that a replay carries the Authorization header auth has set.
  // openapi-fetch's use() skips the `undefined` of a middleware the client goes without.
  const middleware = [
    operationMiddleware(descriptor, options.onDeprecation ?? warnDeprecation),
    encoder?.middleware,
    ...(quirks.middleware ?? []),
    ...(options.middleware ?? []),
    auth?.middleware,
    quirks.retry?.(options.retry),
  ];
  client.use(...(middleware as Middleware[]));
  return Object.assign(client, { auth, baseUrl });
}
