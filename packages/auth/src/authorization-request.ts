import * as oauth from 'oauth4webapi';
import {
  assertOptionalBoolean,
  assertOptionalString,
  assertSecureUrl,
  assertString,
  assertStringRecord,
} from './assert.js';
import type { AuthorizationCodeFlowConfig, SecurityConfig } from './security-config.js';
import { neverInUrl } from './token-request.js';

export interface AuthorizationRequestOptions {
  /** The provider's generated security config: its authorizationCode flow gives the authorize URL. */
  readonly security: SecurityConfig;
  /** The API's base URL; a relative `authorizationUrl` resolves against it. */
  readonly baseUrl: string;
  readonly clientId: string;
  /** Registered with the provider; for a CLI, `startLoopbackRedirect()`'s `redirectUri`. */
  readonly redirectUri: string;
  /** Space-separated scopes. */
  readonly scope?: string;
  /** Extra query parameters for the authorize endpoint (`prompt`, `login_hint`, …); never secrets. */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * Send PKCE (S256) or not, over the spec's flow (`x-pkce`): `true` for a deployment that added
   * PKCE to a server its spec says has none. Default: what the spec says.
   */
  readonly pkce?: boolean;
  /** Allow plain http to hosts other than loopback. */
  readonly allowInsecureHttp?: boolean;
}

/** Where to send the user, and what to keep until the callback (in the session, for a server app). */
export interface AuthorizationRequest {
  /** The authorize URL with `response_type=code`, PKCE (S256, where the spec's flow allows it) and `state`. */
  readonly url: URL;
  /** Compared with the callback's `state` (CSRF). */
  readonly state: string;
  /** The PKCE secret: never sent until the code exchange, never logged. `undefined` without PKCE. */
  readonly codeVerifier: string | undefined;
  readonly redirectUri: string;
}

function authorizationCodeFlow(security: SecurityConfig): AuthorizationCodeFlowConfig {
  const oauth2 = Object.values(security.schemes).filter((scheme) => scheme.type === 'oauth2');
  for (const scheme of oauth2) {
    if (scheme.flows?.authorizationCode) return scheme.flows.authorizationCode;
  }
  // A JavaScript caller may pass a descriptor's outline, which types refuse.
  throw new TypeError(
    oauth2.some((scheme) => !scheme.flows)
      ? '"options.security" has no flows (a client\'s `provider.security`): pass the `security` its package exports'
      : `"options.security": the ${security.provider} spec declares no authorizationCode flow`,
  );
}

/** The first half of the authorization-code grant (RFC 6749 §4.1.1; PKCE RFC 7636 with S256 unless the server has none). */
export async function createAuthorizationRequest(options: AuthorizationRequestOptions): Promise<AuthorizationRequest> {
  assertString(options?.baseUrl, 'options.baseUrl');
  assertString(options.clientId, 'options.clientId');
  assertString(options.redirectUri, 'options.redirectUri');
  assertOptionalString(options.scope, 'options.scope');
  assertStringRecord(options.parameters, 'options.parameters');
  assertOptionalBoolean(options.pkce, 'options.pkce');
  if (!URL.canParse(options.redirectUri)) throw new TypeError('"options.redirectUri" must be an absolute URL');
  const flow = authorizationCodeFlow(options.security);
  const url = new URL(flow.authorizationUrl, options.baseUrl);
  assertSecureUrl(url, 'authorization URL', options.allowInsecureHttp);
  const redirect = new URL(options.redirectUri);
  // The code arrives at the redirect URI: plain http only on loopback (RFC 9700 §2.1, RFC 8252 §7.3).
  if (redirect.protocol === 'http:') assertSecureUrl(redirect, 'redirect URI', options.allowInsecureHttp);

  const state = oauth.generateRandomState();
  const codeVerifier = (options.pkce ?? flow.pkce) ? oauth.generateRandomCodeVerifier() : undefined;
  for (const [name, value] of Object.entries(options.parameters ?? {})) {
    if (neverInUrl.test(name))
      throw new TypeError(`"options.parameters.${name}" is a credential: it never travels in a URL`);
    url.searchParams.set(name, value);
  }
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  if (options.scope !== undefined) url.searchParams.set('scope', options.scope);
  url.searchParams.set('state', state);
  if (codeVerifier !== undefined) {
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return { url, state, codeVerifier, redirectUri: options.redirectUri };
}
