import { assertHttpUrl } from './assert.js';
import { AuthError, OAuthError } from './errors.js';
import type { GrantType } from './grants.js';
import type { GrantAuthContext } from './grant-auth.js';
import type { OAuth2SchemeConfig, TokenRequestShape } from './security-config.js';
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
const publicParameters = new Set(['scope', 'redirect_uri']);

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The token lifecycle of one grant strategy: `createAuth`'s options as they came (tokenUrl,
 * tokenStore, onTokens, tokenTimeoutMs, …), checked by grant-options.ts.
 */
export function createTokenManager(
  scheme: OAuth2SchemeConfig,
  strategy: GrantStrategy,
  { options, fetch, checkUrl }: GrantAuthContext,
): TokenManager {
  const timeoutMs = options.tokenTimeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const store = options.tokenStore;
  const tokenBaseUrl = options.tokenBaseUrl ?? options.baseUrl;
  const flow = strategy.flow
    ? scheme.flows[strategy.flow]
    : Object.values(scheme.flows).find((f) => f && 'tokenUrl' in f);
  if (!flow || !('tokenUrl' in flow)) {
    throw new TypeError(
      `"auth": the spec's oauth2 scheme has no ${strategy.flow ?? 'token'} flow for the ${strategy.grantType} grant`,
    );
  }
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

  async function requestToken(
    url: URL,
    grantType: GrantType,
    grantParameters: Record<string, string>,
  ): Promise<TokenSet> {
    const shape = shapeFor(scheme.tokenRequest, grantType);
    const parameters = { ...clientParameters(shape), ...grantParameters };
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
        `The token request to ${url.origin}${url.pathname} failed: ${redactedExcerpt(reason, secretsOf(parameters)).replace(/\.$/, '')}.`,
      );
    }
    return processTokenResponse(reply, {
      sentAt,
      previousRefreshToken: grantType === 'refresh_token' ? parameters.refresh_token : undefined,
      defaultLifetimeSeconds: scheme.tokenLifetime,
      secrets: secretsOf(parameters),
    });
  }

  /** The client's token parameters that the grant's shape names. */
  function clientParameters(shape: TokenRequestShape): Record<string, string> {
    const named = new Set([...shape.queryParameters, ...shape.requiredParameters]);
    return Object.fromEntries(Object.entries(options.tokenParameters ?? {}).filter(([name]) => named.has(name)));
  }

  /** Everything a token request carries, to keep out of any error: a server may echo it back. */
  function secretsOf(parameters: Record<string, string>): string[] {
    const all = { ...strategy.credentials, ...parameters };
    const values = Object.entries(all).flatMap(([name, value]) => (publicParameters.has(name) ? [] : [value]));
    if (strategy.client?.clientSecret !== undefined) values.push(strategy.client.clientSecret);
    for (const token of [refreshToken, strategy.refreshToken]) if (token !== undefined) values.push(token);
    return values;
  }

  async function refresh(refreshToken: string): Promise<TokenSet> {
    return requestToken(refreshUrl, 'refresh_token', { refresh_token: refreshToken });
  }

  async function primaryGrant(): Promise<TokenSet> {
    const tokens = await requestToken(tokenUrl, strategy.grantType, {
      ...strategy.credentials,
      ...strategy.parameters,
    });
    primaryUsed = true;
    return tokens;
  }

  /** Tokens another instance sharing the store wrote after `rejected` was read, if any. */
  async function storedByAnother(rejected: string): Promise<TokenSet | undefined> {
    const stored = (await store?.get()) ?? undefined;
    return stored?.refreshToken !== undefined && stored.refreshToken !== rejected ? stored : undefined;
  }

  async function keep(next: TokenSet): Promise<TokenSet> {
    current = next;
    refreshToken = next.refreshToken;
    await store?.set(next);
    await options.onTokens?.(next);
    return next;
  }

  async function obtain(): Promise<TokenSet> {
    if (!loaded) {
      const stored = (await store?.get()) ?? undefined;
      loaded = true;
      if (stored) {
        current = stored;
        refreshToken = stored.refreshToken ?? refreshToken;
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
        return await keep(await refresh(used));
      } catch (error) {
        if (!(error instanceof OAuthError && error.error === 'invalid_grant')) throw error;
        refused = error;
        refreshToken = undefined;
        // With refresh-token rotation, another instance sharing the store may have spent it first.
        const shared = await storedByAnother(used);
        if (!shared) break;
        current = shared;
        refreshToken = shared.refreshToken;
        if (isUsable(shared, now())) return shared;
      }
    }
    if (strategy.grantType !== 'refresh_token' && (strategy.repeatable || !primaryUsed)) {
      return keep(await primaryGrant());
    }
    if (refused) {
      throw new AuthError(
        'reauthorization_required',
        'The refresh token was rejected (invalid_grant) and there are no other credentials to get a new one: the user must authorize again.',
        refused,
      );
    }
    throw new AuthError(
      'reauthorization_required',
      'The access token expired and there is no refresh token or other credential to get a new one.',
    );
  }

  return {
    getToken(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (loaded && isUsable(current, now())) return Promise.resolve(current);
      if (!inflight) {
        inflight = obtain().finally(() => {
          inflight = undefined;
        });
        // Each waiter gets the outcome through raceAbort; when all of them gave up, nobody is left to tell.
        inflight.catch(() => undefined);
      }
      return raceAbort(inflight, signal);
    },
    invalidate(accessToken) {
      if (current?.accessToken === accessToken) current = { ...current, accessToken: '' };
    },
  };
}
