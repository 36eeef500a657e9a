import { type Auth, type AuthOptions, type AuthStrategy, createAuth } from '@oapi/auth';
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { assertClientOptions, assertRequiredTokenParameters, tokenParameterValues } from './client-options.js';
import type { ProviderDescriptor } from './descriptor.js';
import { formContentType } from './form-content-type.js';
import { recordOperation } from './operation.js';
import { railsBodySerializer } from './rails-form.js';
import { retryMiddleware, type RetryOptions } from './retry.js';
import { chooseServers, type OptionValues } from './server-choice.js';

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
   * Retries of 429s and (idempotent requests only) 5xx and network errors, over the provider's
   * defaults; `false` turns them off. Without provider defaults, retrying is off unless given.
   */
  readonly retry?: RetryOptions | false;
}

/** What a provider's client adds to its descriptor: the quirks that are truly its own. */
export interface ProviderQuirks {
  readonly querySerializer?: ClientOptions['querySerializer'];
  /** The provider's own middleware (envelopes), run before the caller's. */
  readonly middleware?: readonly Middleware[];
  /** The provider's retry defaults (e.g. how to read its rate-limit headers); retrying is on when given. */
  readonly retry?: RetryOptions;
}

export type ProviderClient<Paths extends {}> = Client<Paths, `${string}/${string}`> & {
  /** The authentication in use, `undefined` without `auth`. */
  readonly auth: Auth | undefined;
  /** Where API requests go: the spec's server chosen by the options, or `options.baseUrl`. */
  readonly baseUrl: string;
};

const recordOperations: Middleware = {
  onResponse({ request, response, schemaPath }) {
    recordOperation(response, request, schemaPath);
  },
};

/**
 * openapi-fetch for one provider: its servers and token endpoint (`descriptor`, generated from the
 * spec) chosen by the caller's options, the spec's auth, its body encoding, the provider's quirks
 * and the caller's options joined. Every option is checked up front; a TypeError names the bad one.
 */
export function createProviderClient<Paths extends {}>(
  descriptor: ProviderDescriptor,
  options: ClientBaseOptions,
  quirks: ProviderQuirks = {},
): ProviderClient<Paths> {
  assertClientOptions(descriptor, options);
  const values = options as OptionValues;
  const tokenParameters = tokenParameterValues(descriptor, values, options.auth);
  assertRequiredTokenParameters(descriptor, options.auth, tokenParameters);
  const servers = chooseServers(descriptor, values, tokenParameters);
  const fetch = options.fetch ?? globalThis.fetch;
  const baseUrl = servers.baseUrl.replace(/\/+$/, '');
  const auth = options.auth
    ? createAuth({
        security: descriptor.security,
        strategy: options.auth,
        baseUrl,
        fetch,
        tokenParameters,
        ...(servers.tokenBaseUrl === undefined ? {} : { tokenBaseUrl: servers.tokenBaseUrl }),
        ...(options.tokenUrl === undefined ? {} : { tokenUrl: options.tokenUrl }),
        ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
        ...(options.onTokens ? { onTokens: options.onTokens } : {}),
        ...(options.tokenTimeoutMs === undefined ? {} : { tokenTimeoutMs: options.tokenTimeoutMs }),
        ...(options.allowInsecureHttp === undefined ? {} : { allowInsecureHttp: options.allowInsecureHttp }),
      })
    : undefined;
  const railsForms = descriptor.bodyEncoding === 'rails-form';
  const client = createClient<Paths>({
    baseUrl,
    fetch,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(railsForms ? { bodySerializer: railsBodySerializer } : {}),
    ...(quirks.querySerializer ? { querySerializer: quirks.querySerializer } : {}),
  });
  // Response hooks run in reverse: the recorder sees the final response, auth sees the raw one.
  client.use(
    recordOperations,
    ...(railsForms ? [formContentType] : []),
    ...(quirks.middleware ?? []),
    ...(options.middleware ?? []),
  );
  if (auth) client.use(auth.middleware);
  // Last, so closest to the network: a replay carries the Authorization header auth has set.
  const retry =
    options.retry === false
      ? undefined
      : quirks.retry || options.retry
        ? { ...quirks.retry, ...options.retry }
        : undefined;
  if (retry) client.use(retryMiddleware(retry));
  return Object.assign(client, { auth, baseUrl });
}
