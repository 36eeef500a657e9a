import type { Middleware } from 'openapi-fetch';
import {
  assertHttpUrl,
  assertOptionalBoolean,
  assertSecureUrl,
  assertStrategy,
  assertString,
  assertStringRecord,
} from './assert.js';
import type { GrantAuthContext } from './grant-auth.js';
import { defaultSchemes, type SecurityConfig, type SecurityOutline } from './security-config.js';
import type { AuthStrategy } from './strategies.js';
import type { TokenManager, TokenStore } from './token-manager.js';
import type { TokenSet } from './token-set.js';

export interface AuthOptions {
  /**
   * The provider's generated security config (a client package's `security` export), or its
   * client's descriptor's outline (`provider.security`) with a grant of that package, which carries the rest.
   */
  readonly security: SecurityConfig | SecurityOutline;
  readonly strategy: AuthStrategy;
  /** The API's base URL. */
  readonly baseUrl: string;
  /** The token endpoint's server, where the spec gives it one apart from the API's; relative token URLs resolve against it. Default `baseUrl`. */
  readonly tokenBaseUrl?: string;
  /** The token (and refresh) endpoint, over the spec's: a proxy, a test server, a deployment that serves tokens elsewhere. */
  readonly tokenUrl?: string;
  /** Token-request parameters the client was configured with (Wootric's `account_token`); each grant sends those its `x-token-request` shape names. */
  readonly tokenParameters?: Readonly<Record<string, string>>;
  /** The client option that sets each token parameter (`account_token` → `accountToken`), to name it in errors. */
  readonly tokenParameterOptions?: Readonly<Record<string, string>>;
  /** The fetch that token requests go through; the client's own, so tests and proxies see them. */
  readonly fetch?: typeof globalThis.fetch;
  readonly tokenStore?: TokenStore;
  readonly onTokens?: (tokens: TokenSet) => void | Promise<void>;
  /** Milliseconds before a token request is abandoned. Default 30 000. */
  readonly tokenTimeoutMs?: number;
  /**
   * Allow plain http to hosts other than loopback. Tokens and credentials then travel in clear
   * text: only for a trusted network.
   */
  readonly allowInsecureHttp?: boolean;
  /** The clock, in epoch milliseconds (tests). */
  readonly now?: () => number;
}

export interface Auth {
  /** The openapi-fetch middleware that authenticates each request (with a grant, replaying it once after a 401). */
  readonly middleware: Middleware;
  /** The `Authorization` header value for the next request. */
  authorization(signal?: AbortSignal): Promise<string>;
  /** The token set in use, for grant strategies (`undefined` for a static credential). */
  readonly tokens: TokenManager | undefined;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

function assertOptions(options: AuthOptions): void {
  if (!isObject(options)) throw new TypeError('"options" must be an object');
  if (!isObject(options.security?.schemes))
    throw new TypeError('"options.security" must be a generated security config (a client package\'s `security`)');
  assertStrategy(options.strategy, 'options.strategy');
  assertString(options.baseUrl, 'options.baseUrl');
  // Any scheme parses: one that is not https is refused as insecure_url, below.
  if (!URL.canParse(options.baseUrl)) throw new TypeError('"options.baseUrl" must be an absolute URL');
  assertOptionalBoolean(options.allowInsecureHttp, 'options.allowInsecureHttp');
  if (options.tokenBaseUrl !== undefined) assertHttpUrl(options.tokenBaseUrl, 'options.tokenBaseUrl');
  assertStringRecord(options.tokenParameters, 'options.tokenParameters');
  // The options only a grant uses are checked by its authenticator (grant-options.ts).
}

export function createAuth(options: AuthOptions): Auth {
  assertOptions(options);
  // A client's descriptor has them written out by codegen; a `SecurityConfig` has not.
  const security = { ...options.security, defaultSchemes: defaultSchemes(options.security) };
  return authenticate({ ...options, security });
}

/**
 * `createAuth` for a caller that made or checked these options itself (`createProviderClient`: the
 * security of a generated descriptor, a base URL it built, `strategy` and `allowInsecureHttp`
 * checked under its own option names with `assertStrategy` and `assertOptionalBoolean`).
 */
export function authenticate(options: AuthOptions & { readonly security: SecurityOutline }): Auth {
  const checkUrl = (url: URL, what: string) => assertSecureUrl(url, what, options.allowInsecureHttp);
  const base = new URL(options.baseUrl);
  checkUrl(base, 'API base URL');
  // Requests to the checked base URL's origin skip parsing: the check runs on every request.
  const checkedOrigin = `${base.origin}/`;
  const checkRequestUrl = (url: string) => {
    if (!url.startsWith(checkedOrigin)) checkUrl(new URL(url), 'API request');
  };
  const { strategy, security } = options;
  // Each strategy brings the code that runs it, so a bundle carries only the kind it uses.
  const run = strategy.authenticator as (strategy: AuthStrategy, context: GrantAuthContext) => Auth;
  return run(strategy, { security, checkRequestUrl, options, checkUrl });
}
