import type { Middleware } from 'openapi-fetch';
import { assertSecureUrl, assertString } from './assert.js';
import type { OAuth2SchemeConfig, SecurityConfig, SecuritySchemeConfig } from './security-config.js';
import type { AuthStrategy, StaticStrategy } from './strategies.js';
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
    if (!scheme)
      throw new TypeError(`"auth.scheme": the ${security.provider} spec has no security scheme "${strategy.scheme}"`);
    return [strategy.scheme, scheme];
  }
  if (strategy.prefers === 'apiKey') {
    const found = entries.find(([, s]) => s.type !== 'oauth2');
    if (!found)
      throw new TypeError(
        `"auth": the ${security.provider} spec declares no API-key scheme; for an access token obtained elsewhere use bearerToken()`,
      );
    return found;
  }
  const found = entries.find(([, s]) => s.type !== 'apiKey') ?? entries[0];
  if (!found) throw new TypeError(`"auth": the ${security.provider} spec declares no security scheme`);
  return found;
}

function headerFor(scheme: SecuritySchemeConfig, credential: string): [string, string] {
  if (scheme.type === 'apiKey') {
    if (scheme.in !== 'header')
      throw new TypeError(`"auth": API keys are only sent in headers, never in a ${scheme.in}`);
    return [scheme.name, credential];
  }
  return ['authorization', `Bearer ${credential}`];
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
  const strategy = options.strategy as { kind?: unknown; createTokenManager?: unknown } | undefined;
  const kind = strategy?.kind;
  if (!(kind === 'static' || (kind === 'grant' && typeof strategy?.createTokenManager === 'function')))
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
  const fetch = options.fetch ?? globalThis.fetch;
  const checkUrl = (url: URL, what: string) => assertSecureUrl(url, what, options.allowInsecureHttp);
  const base = new URL(options.baseUrl);
  checkUrl(base, 'API base URL');
  // Requests to the checked base URL's origin skip parsing: the check runs on every request.
  const checkedOrigin = `${base.origin}/`;

  let tokens: TokenManager | undefined;
  let header: (signal?: AbortSignal) => Promise<[string, string]>;
  if (options.strategy.kind === 'static') {
    const [, scheme] = chooseStaticScheme(options.security, options.strategy);
    const fixed = headerFor(scheme, options.strategy.credential);
    header = async () => fixed;
  } else {
    const strategy = options.strategy;
    const oauth2 = Object.values(options.security.schemes).find((s): s is OAuth2SchemeConfig => s.type === 'oauth2');
    if (!oauth2)
      throw new TypeError(
        `"auth": the ${options.security.provider} spec has no oauth2 scheme for the ${strategy.grantType} grant`,
      );
    const manager = strategy.createTokenManager({
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

  // The request as it was before openapi-fetch sent it, to replay after a 401: a body can be read
  // only once, so a request with one is cloned in onRequest; one without can be sent again as is.
  interface Sent {
    readonly replay: Request;
    readonly authorization: string;
  }
  const sent = new WeakMap<Request, Sent>();

  const middleware: Middleware = {
    async onRequest({ request }) {
      if (!request.url.startsWith(checkedOrigin)) checkUrl(new URL(request.url), 'API request');
      const [name, value] = await header(request.signal);
      request.headers.set(name, value);
      if (tokens)
        sent.set(request, { replay: request.body === null ? request : request.clone(), authorization: value });
      return request;
    },
    onResponse({ request, response, options: clientOptions }) {
      const original = sent.get(request);
      if (!original) return undefined;
      sent.delete(request);
      // Synchronous when there is nothing to do: this hook runs on every response.
      return response.status === 401 ? replay(request, response, original, clientOptions.fetch) : undefined;
    },
  };

  async function replay(
    request: Request,
    response: Response,
    original: Sent,
    fetch: typeof globalThis.fetch,
  ): Promise<Response> {
    await response.body?.cancel();
    tokens?.invalidate(original.authorization.slice('Bearer '.length));
    const [name, value] = await header(request.signal);
    original.replay.headers.set(name, value);
    // The client's own fetch, not the global one: tests, proxies and instrumentation see the replay.
    return fetch(original.replay);
  }

  return { middleware, tokens, authorization: async (signal) => (await header(signal))[1] };
}
