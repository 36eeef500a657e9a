import {
  createAuth,
  type Auth,
  type AuthStrategy,
  type SecurityConfig,
  type TokenSet,
  type TokenStore,
} from '@oapi/auth';
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { recordOperation } from './operation.js';
import { retryMiddleware, type RetryOptions } from './retry.js';

/** What every provider's `create<Provider>Client` accepts. */
export interface ClientBaseOptions {
  /** The credential: a grant strategy (`passwordGrant(…)`) or a static one (`apiKey(…)`). Omit for public operations only. */
  readonly auth?: AuthStrategy;
  /** A fetch to send every request with, token requests included (tests, proxies). */
  readonly fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. */
  readonly headers?: ClientOptions['headers'];
  /** Persists tokens across restarts. */
  readonly tokenStore?: TokenStore;
  /** Called with every new token set. */
  readonly onTokens?: (tokens: TokenSet) => void | Promise<void>;
  /** Milliseconds before a token request is abandoned. Default 30 000. */
  readonly tokenTimeoutMs?: number;
  /** Allow plain http to hosts other than loopback (credentials travel in clear text). */
  readonly allowInsecureHttp?: boolean;
  /** Extra openapi-fetch middleware, run before authentication. */
  readonly middleware?: readonly Middleware[];
  /**
   * Retries of 429s and (idempotent requests only) 5xx and network errors, over the provider's
   * defaults; `false` turns them off. Without provider defaults, retrying is off unless given.
   */
  readonly retry?: RetryOptions | false;
}

export interface ProviderClientConfig {
  readonly security: SecurityConfig;
  readonly baseUrl: string;
  readonly bodySerializer?: ClientOptions['bodySerializer'];
  readonly querySerializer?: ClientOptions['querySerializer'];
  /** The provider's own middleware (envelopes, content types), run before the caller's. */
  readonly middleware?: readonly Middleware[];
  /** The provider's retry defaults (e.g. how to read its rate-limit headers); retrying is on when given. */
  readonly retry?: RetryOptions;
}

export type ProviderClient<Paths extends {}> = Client<Paths, `${string}/${string}`> & {
  /** The authentication in use, `undefined` without `auth`. */
  readonly auth: Auth | undefined;
};

const recordOperations: Middleware = {
  onResponse({ request, response, schemaPath }) {
    recordOperation(response, request, schemaPath);
  },
};

/** openapi-fetch with the spec's auth, the provider's middleware and the caller's options joined. */
export function createProviderClient<Paths extends {}>(
  config: ProviderClientConfig,
  options: ClientBaseOptions,
): ProviderClient<Paths> {
  const fetch = options.fetch ?? globalThis.fetch;
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const auth = options.auth
    ? createAuth({
        security: config.security,
        strategy: options.auth,
        baseUrl,
        fetch,
        ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
        ...(options.onTokens ? { onTokens: options.onTokens } : {}),
        ...(options.tokenTimeoutMs === undefined ? {} : { tokenTimeoutMs: options.tokenTimeoutMs }),
        ...(options.allowInsecureHttp === undefined ? {} : { allowInsecureHttp: options.allowInsecureHttp }),
      })
    : undefined;
  const client = createClient<Paths>({
    baseUrl,
    fetch,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(config.bodySerializer ? { bodySerializer: config.bodySerializer } : {}),
    ...(config.querySerializer ? { querySerializer: config.querySerializer } : {}),
  });
  // Response hooks run in reverse: the recorder sees the final response, auth sees the raw one.
  client.use(recordOperations, ...(config.middleware ?? []), ...(options.middleware ?? []));
  if (auth) client.use(auth.middleware);
  // Last, so closest to the network: a replay carries the Authorization header auth has set.
  const retry =
    options.retry === false
      ? undefined
      : config.retry || options.retry
        ? { ...config.retry, ...options.retry }
        : undefined;
  if (retry) client.use(retryMiddleware(retry));
  return Object.assign(client, { auth });
}
