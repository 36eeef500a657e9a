import type { Middleware } from 'openapi-fetch';
import { assertSecureUrl, assertString } from './assert.js';
import type { SecurityConfig } from './security-config.js';
import { staticAuth } from './static-auth.js';
import type { AuthStrategy } from './strategies.js';
import type { TokenManager, TokenStore } from './token-manager.js';
import type { TokenSet } from './token-set.js';

export interface AuthOptions {
  /** The provider's generated security config (`src/generated/security.ts`). */
  readonly security: SecurityConfig;
  readonly strategy: AuthStrategy;
  /** The API's base URL; relative token URLs of the spec resolve against it. */
  readonly baseUrl: string;
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

function assertOptions(options: AuthOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  if (
    typeof options.security !== 'object' ||
    options.security === null ||
    typeof options.security.schemes !== 'object'
  ) {
    throw new TypeError('"options.security" must be a generated security config (src/generated/security.ts)');
  }
  const strategy = options.strategy as { kind?: unknown; authenticator?: unknown } | undefined;
  const kind = strategy?.kind;
  if (!(kind === 'static' || (kind === 'grant' && typeof strategy?.authenticator === 'function')))
    throw new TypeError('"options.strategy" must come from a strategy factory such as passwordGrant() or apiKey()');
  assertString(options.baseUrl, 'options.baseUrl');
  if (!URL.canParse(options.baseUrl)) throw new TypeError('"options.baseUrl" must be an absolute URL');
  const timeout = options.tokenTimeoutMs;
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && Number.isFinite(timeout))) {
    throw new TypeError('"options.tokenTimeoutMs" must be a positive number of milliseconds');
  }
}

export function createAuth(options: AuthOptions): Auth {
  assertOptions(options);
  const checkUrl = (url: URL, what: string) => assertSecureUrl(url, what, options.allowInsecureHttp);
  const base = new URL(options.baseUrl);
  checkUrl(base, 'API base URL');
  // Requests to the checked base URL's origin skip parsing: the check runs on every request.
  const checkedOrigin = `${base.origin}/`;
  const checkRequestUrl = (url: string) => {
    if (!url.startsWith(checkedOrigin)) checkUrl(new URL(url), 'API request');
  };
  const { strategy, security } = options;
  if (strategy.kind === 'static') return staticAuth(strategy, { security, checkRequestUrl });
  const fetch = options.fetch ?? globalThis.fetch;
  return strategy.authenticator(strategy, { security, checkRequestUrl, options, fetch, checkUrl });
}
