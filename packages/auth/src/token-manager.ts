import { assertHttpUrl } from './assert.js';
import { AuthError, OAuthError } from './errors.js';
import type { GrantType } from './grants.js';
import type { GrantAuthContext } from './grant-auth.js';
import type { OAuth2SchemeConfig, OAuthFlowConfig } from './security-config.js';
import type { GrantStrategy } from './strategies.js';
import { buildTokenRequest, shapeFor } from './token-request.js';
import { redactedExcerpt } from './redact.js';
import { processTokenResponse, type TokenReply } from './token-response.js';
import { isUsable, type TokenSet } from './token-set.js';

/**
 * Where an app keeps tokens across restarts, or shares them between instances and processes. Both
 * methods may be async. `get` must return the last set any instance wrote (it is read again when a
 * refresh token is refused, to pick up another instance's rotation); `set` replaces the whole set
 * at once. See the README, "Sharing tokens between processes".
 */
export interface TokenStore {
  get(): TokenSet | undefined | Promise<TokenSet | undefined>;
  set(tokens: TokenSet): void | Promise<void>;
}

export interface TokenManager {
  /** A usable access token: the cached one, or a new one. Concurrent callers share one token request. */
  getToken(signal?: AbortSignal): Promise<TokenSet>;
  /** Forget `accessToken` (the API refused it) so that the next getToken fetches a new one. */
  invalidate(accessToken: string): void;
}

/** Token-request parameters that are no secret, and too common as words to redact from excerpts. */
const publicParameters = ['scope', 'redirect_uri'];

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The token lifecycle of one grant strategy, with tokens from `flow` of the spec's oauth2 `scheme`:
 * `createAuth`'s options as they came (tokenUrl, tokenStore, onTokens, tokenTimeoutMs, …), checked
 * by grant-options.ts.
 */
export function createTokenManager(
  scheme: OAuth2SchemeConfig,
  flow: OAuthFlowConfig,
  strategy: GrantStrategy,
  { options, checkUrl }: GrantAuthContext,
): TokenManager {
  const fetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.tokenTimeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const store = options.tokenStore;
  const tokenBaseUrl = options.tokenBaseUrl ?? options.baseUrl;
  if (options.tokenUrl !== undefined)
    assertHttpUrl(options.tokenUrl, 'options.tokenUrl', new URL(flow.tokenUrl, tokenBaseUrl).href);
  const tokenUrl = new URL(options.tokenUrl ?? flow.tokenUrl, tokenBaseUrl);
  const refreshUrl = new URL(options.tokenUrl ?? flow.refreshUrl ?? flow.tokenUrl, tokenBaseUrl);
  checkUrl(tokenUrl, 'token URL');
  checkUrl(refreshUrl, 'refresh URL');

  let current: TokenSet | undefined;
  let loaded = false;
  let inflight: Promise<TokenSet> | undefined;
  let primaryUsed = false;
  /** The newest refresh token: each reply's replaces the last (rotation); a rejected one is dropped. */
  let refreshToken = strategy.refreshToken;

  /** One token request, its reply checked, and the tokens kept (in the store, told to onTokens). */
  async function requestTokens(grantType: GrantType, grantParameters: Record<string, string>): Promise<TokenSet> {
    const refreshing = grantType === 'refresh_token';
    const url = refreshing ? refreshUrl : tokenUrl;
    const shape = shapeFor(scheme.tokenRequest, grantType);
    // The client's token parameters that the grant's shape names, then the grant's own.
    const named = [...shape.queryParameters, ...shape.requiredParameters];
    const parameters = {
      ...Object.fromEntries(Object.entries(options.tokenParameters ?? {}).filter(([name]) => named.includes(name))),
      ...grantParameters,
    };
    // Everything the request carries, to keep out of any error: a server may echo it back.
    const secrets = [
      ...Object.entries({ ...strategy.credentials, ...parameters })
        .filter(([name]) => !publicParameters.includes(name))
        .map(([, value]) => value),
      strategy.client?.clientSecret,
      refreshToken,
      strategy.refreshToken,
    ];
    const request = buildTokenRequest({ tokenUrl: url, shape, grantType, parameters, client: strategy.client });
    const sentAt = now();
    let reply: TokenReply;
    try {
      // Called unbound: a browser's fetch throws "Illegal invocation" when `this` is not the window.
      const response = await fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
      reply = { status: response.status, headers: response.headers, body: await response.text() };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      const reason = timedOut
        ? `no answer within ${timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : 'network error';
      throw new AuthError(
        'token_request_failed',
        `The token request to ${url.origin}${url.pathname} failed: ${redactedExcerpt(reason, secrets).replace(/\.$/, '')}.`,
      );
    }
    const tokens = await processTokenResponse(reply, {
      sentAt,
      previousRefreshToken: refreshing ? parameters.refresh_token : undefined,
      defaultLifetimeSeconds: scheme.tokenLifetime,
      secrets,
    });
    if (!refreshing) primaryUsed = true;
    current = tokens;
    refreshToken = tokens.refreshToken;
    await store?.set(tokens);
    await options.onTokens?.(tokens);
    return tokens;
  }

  async function obtain(): Promise<TokenSet> {
    if (!loaded) {
      const tokens = await store?.get();
      loaded = true;
      if (tokens) {
        current = tokens;
        refreshToken = tokens.refreshToken ?? refreshToken;
        // Tokens were issued before: a one-time grant (an authorization code) has been spent.
        primaryUsed = true;
      }
      if (isUsable(current, now())) return current;
    }
    let refused: OAuthError | undefined;
    // A second round only with tokens another instance stored: its refresh token, or its access token.
    for (let round = 0; round < 2 && refreshToken !== undefined; round += 1) {
      const used = refreshToken;
      try {
        return await requestTokens('refresh_token', { refresh_token: used });
      } catch (error) {
        if (!(error instanceof OAuthError && error.error === 'invalid_grant')) throw error;
        refused = error;
        refreshToken = undefined;
        // With refresh-token rotation, another instance sharing the store may have spent it first.
        const shared = await store?.get();
        if (shared?.refreshToken === undefined || shared.refreshToken === used) break;
        current = shared;
        refreshToken = shared.refreshToken;
        if (isUsable(shared, now())) return shared;
      }
    }
    if (strategy.grantType !== 'refresh_token' && (strategy.repeatable || !primaryUsed))
      return requestTokens(strategy.grantType, { ...strategy.credentials, ...strategy.parameters });
    throw new AuthError(
      'reauthorization_required',
      `${refused ? 'The refresh token was rejected (invalid_grant)' : 'The access token expired and there is no refresh token'}, and no other credentials to get a new one: the user must authorize again.`,
      refused,
    );
  }

  return {
    async getToken(signal) {
      signal?.throwIfAborted();
      if (loaded && isUsable(current, now())) return current;
      // Concurrent callers share one; each waits for it through raceAbort, which also handles its failure.
      inflight ??= obtain().finally(() => {
        inflight = undefined;
      });
      return raceAbort(inflight, signal);
    },
    invalidate(accessToken) {
      if (current?.accessToken === accessToken) current = { ...current, accessToken: '' };
    },
  };
}
