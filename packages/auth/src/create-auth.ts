import type { Middleware } from 'openapi-fetch';
import { isLoopback } from './assert.js';
import { AuthError } from './errors.js';
import type { OAuth2SchemeConfig, SecurityConfig, SecuritySchemeConfig } from './security-config.js';
import type { AuthStrategy, StaticStrategy } from './strategies.js';
import { createTokenManager, type TokenManager, type TokenStore } from './token-manager.js';
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
  /** The openapi-fetch middleware that authenticates each request and replays it once after a 401. */
  readonly middleware: Middleware;
  /** The `Authorization` header value for the next request. */
  authorization(signal?: AbortSignal): Promise<string>;
  /** The token set in use, for grant strategies (`undefined` for a static credential). */
  readonly tokens: TokenManager | undefined;
}

function chooseStaticScheme(security: SecurityConfig, strategy: StaticStrategy): [string, SecuritySchemeConfig] {
  const entries = Object.entries(security.schemes);
  if (strategy.scheme !== undefined) {
    const scheme = security.schemes[strategy.scheme];
    if (!scheme) throw new TypeError(`"auth.scheme": the ${security.provider} spec has no security scheme "${strategy.scheme}"`);
    return [strategy.scheme, scheme];
  }
  const wanted = strategy.prefers === 'apiKey' ? (s: SecuritySchemeConfig) => s.type !== 'oauth2' : (s: SecuritySchemeConfig) => s.type !== 'apiKey';
  const found = entries.find(([, s]) => wanted(s)) ?? entries[0];
  if (!found) throw new TypeError(`"auth": the ${security.provider} spec declares no security scheme`);
  return found;
}

function headerFor(scheme: SecuritySchemeConfig, credential: string): [string, string] {
  if (scheme.type === 'apiKey') {
    if (scheme.in !== 'header') throw new TypeError(`"auth": API keys are only sent in headers, never in a ${scheme.in}`);
    return [scheme.name, credential];
  }
  return ['authorization', `Bearer ${credential}`];
}

export function createAuth(options: AuthOptions): Auth {
  const fetch = options.fetch ?? globalThis.fetch;
  const checkUrl = (url: URL, what: string) => {
    if (url.protocol === 'https:' || options.allowInsecureHttp === true) return;
    if (url.protocol === 'http:' && isLoopback(url)) return;
    throw new AuthError('insecure_url', `Refusing to send credentials to ${url.origin} (${what}): use https, or set allowInsecureHttp for a trusted network.`);
  };
  checkUrl(new URL(options.baseUrl), 'API base URL');

  let tokens: TokenManager | undefined;
  let header: (signal?: AbortSignal) => Promise<[string, string]>;
  if (options.strategy.kind === 'static') {
    const [, scheme] = chooseStaticScheme(options.security, options.strategy);
    const fixed = headerFor(scheme, options.strategy.credential);
    header = async () => fixed;
  } else {
    const strategy = options.strategy;
    const oauth2 = Object.values(options.security.schemes).find((s): s is OAuth2SchemeConfig => s.type === 'oauth2');
    if (!oauth2) throw new TypeError(`"auth": the ${options.security.provider} spec has no oauth2 scheme for the ${strategy.grantType} grant`);
    const manager = createTokenManager({
      scheme: oauth2,
      strategy,
      baseUrl: options.baseUrl,
      fetch,
      store: options.tokenStore,
      onTokens: options.onTokens,
      timeoutMs: options.tokenTimeoutMs ?? 30_000,
      now: options.now ?? Date.now,
      checkUrl,
    });
    tokens = manager;
    header = async (signal) => ['authorization', `Bearer ${(await manager.getToken(signal)).accessToken}`];
  }

  // The request as it was before openapi-fetch sent it, to replay after a 401: its body can be read
  // only once, so the clone is taken in onRequest.
  const sent = new WeakMap<Request, { clone: Request; authorization: string }>();

  const middleware: Middleware = {
    async onRequest({ request }) {
      checkUrl(new URL(request.url), 'API request');
      const [name, value] = await header(request.signal);
      request.headers.set(name, value);
      if (tokens) sent.set(request, { clone: request.clone(), authorization: value });
      return request;
    },
    async onResponse({ request, response, options: clientOptions }) {
      const original = sent.get(request);
      if (response.status !== 401 || !tokens || !original) return undefined;
      sent.delete(request);
      tokens.invalidate(original.authorization.slice('Bearer '.length));
      const [name, value] = await header(request.signal);
      const replay = original.clone;
      replay.headers.set(name, value);
      await response.body?.cancel();
      return clientOptions.fetch(replay);
    },
  };

  return { middleware, tokens, authorization: async (signal) => (await header(signal))[1] };
}
