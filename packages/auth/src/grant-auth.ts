import type { Middleware } from 'openapi-fetch';
import type { Auth, AuthOptions } from './create-auth.js';
import { assertGrantOptions } from './grant-options.js';
import type { OAuth2SchemeConfig, SecurityConfig, SecurityOutline } from './security-config.js';
import type { AuthContext } from './static-auth.js';
import type { GrantStrategy } from './strategies.js';
import { createTokenManager } from './token-manager.js';

export interface GrantAuthContext extends AuthContext {
  readonly options: AuthOptions;
  readonly checkUrl: (url: URL, what: string) => void;
}

/**
 * `createAuth`'s security; where that is a client descriptor's outline (an oauth2 scheme without
 * flows), the whole config that the client package's grant factory attached to the strategy.
 */
function securityOf(strategy: GrantStrategy, security: SecurityOutline): SecurityConfig | SecurityOutline {
  const { provider, schemes } = security;
  if (!Object.values(schemes).some((s) => s.type === 'oauth2' && !('flows' in s))) return security;
  if (strategy.security?.provider !== provider)
    throw new TypeError(
      `"auth": the ${strategy.grantType} grant lacks the ${provider} token endpoint: make it with @oapi/${provider}'s factory, not @oapi/auth's`,
    );
  return strategy.security;
}

/**
 * Tokens from the spec's oauth2 scheme, fetched, cached and refreshed by a token manager; a request
 * the API refuses with 401 is replayed once with a new token.
 */
export function grantAuth(strategy: GrantStrategy, context: GrantAuthContext): Auth {
  const { options } = context;
  const security = securityOf(strategy, context.security);
  const oauth2 = Object.values(security.schemes).find(
    (s): s is OAuth2SchemeConfig => s.type === 'oauth2' && 'flows' in s,
  );
  // The grant's own flow; the refresh-token grant, which has none, refreshes tokens of the first with a token URL.
  const flows = oauth2?.flows ?? {};
  const flow = strategy.flow ? flows[strategy.flow] : Object.values(flows).find((f) => f && 'tokenUrl' in f);
  if (!oauth2 || !flow || !('tokenUrl' in flow))
    throw new TypeError(
      `"auth": the ${security.provider} spec has no oauth2 ${strategy.flow ?? 'token'} flow for the ${strategy.grantType} grant`,
    );
  assertGrantOptions(options, oauth2, strategy);
  const tokens = createTokenManager(oauth2, flow, strategy, context);
  const authorization = async (signal?: AbortSignal) => `Bearer ${(await tokens.getToken(signal)).accessToken}`;

  // The request as it was before openapi-fetch sent it, to replay after a 401: a body can be read
  // only once, so a request with one is cloned in onRequest; one without can be sent again as is.
  interface Sent {
    readonly replay: Request;
    readonly authorization: string;
  }
  const sent = new WeakMap<Request, Sent>();

  const middleware: Middleware = {
    async onRequest({ request }) {
      context.checkRequestUrl(request.url);
      const value = await authorization(request.signal);
      request.headers.set('authorization', value);
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
    tokens.invalidate(original.authorization.slice('Bearer '.length));
    original.replay.headers.set('authorization', await authorization(request.signal));
    // The client's own fetch, not the global one: tests, proxies and instrumentation see the replay.
    return fetch(original.replay);
  }

  return { middleware, tokens, authorization };
}
