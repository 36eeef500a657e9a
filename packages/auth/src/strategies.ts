import { assertOptionalString, assertString, assertStringRecord } from './assert.js';
import { grantAuth } from './grant-auth.js';
import {
  authorizationCodeRow,
  clientCredentialsRow,
  type GrantFlow,
  type GrantType,
  type grants,
  passwordRow,
  refreshTokenRow,
} from './grants.js';
import type { SecurityConfig } from './security-config.js';
import { staticAuth } from './static-auth.js';

export interface ClientCredentials {
  readonly clientId: string;
  /** Omit for a public client. */
  readonly clientSecret?: string | undefined;
}

/** Gets tokens from the provider's token endpoint, and refreshes them. */
export interface GrantStrategy {
  readonly kind: 'grant';
  /** The grant that gets the first token, and again whenever refreshing is impossible. */
  readonly grantType: GrantType;
  /** Which flow of the spec's oauth2 scheme this grant belongs to (its tokenUrl, its refreshUrl). */
  readonly flow: GrantFlow | undefined;
  readonly client: ClientCredentials | undefined;
  /** What the grant itself sends (`username`, `password`, `code`, …), secrets included: only ever in the body. */
  readonly credentials: Readonly<Record<string, string>>;
  /** The caller's extra token-request parameters (the `parameters` option); the spec decides which travel in the query. */
  readonly parameters: Readonly<Record<string, string>>;
  /** A refresh token to start from, before any grant. */
  readonly refreshToken: string | undefined;
  /** `false` when the grant's credentials work once (an authorization code) or there are none. */
  readonly repeatable: boolean;
  /**
   * How requests are authenticated with this strategy (the token lifecycle): carried by the strategy
   * rather than imported by `createAuth`, so that a client with a static credential bundles none of it.
   */
  readonly authenticator: typeof grantAuth;
  /**
   * The provider's security config, attached by its client package's factories (`withSecurity`):
   * its token endpoint travels with the grant, not in the client's descriptor.
   */
  readonly security?: SecurityConfig;
}

/** A credential used as it is: an API key or an access token obtained elsewhere. */
export interface StaticStrategy {
  readonly kind: 'static';
  readonly credential: string;
  /** `apiKey` prefers the spec's non-OAuth scheme (an API key); `bearer` its oauth2 scheme. */
  readonly prefers: 'apiKey' | 'bearer';
  /** A security scheme name of the spec, to choose one explicitly. */
  readonly scheme: string | undefined;
  /** The same header on every request; carried like a grant's, so a grant's bundle has none of it. */
  readonly authenticator: typeof staticAuth;
}

export type AuthStrategy = GrantStrategy | StaticStrategy;

interface CommonGrantOptions {
  /** Space-separated scopes. */
  readonly scope?: string;
  /** Extra token-request parameters, such as Wootric's `account_token`. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** The checks and the strategy every grant shares: client credentials, scope, extra parameters. */
function grant<Type extends GrantType>(
  grantType: Type,
  flow: (typeof grants)[Type]['flow'],
  options: CommonGrantOptions & { clientId?: string; clientSecret?: string },
  credentials: Record<string, string>,
  rest: Partial<Pick<GrantStrategy, 'refreshToken' | 'repeatable'>> = {},
): GrantStrategy {
  const { clientId, clientSecret, scope } = options;
  assertOptionalString(clientId, 'auth.clientId');
  assertOptionalString(clientSecret, 'auth.clientSecret');
  if (clientId === undefined && clientSecret !== undefined)
    throw new TypeError('"auth.clientSecret" needs "auth.clientId"');
  assertOptionalString(scope, 'auth.scope');
  assertStringRecord(options.parameters, 'auth.parameters');
  return {
    kind: 'grant',
    grantType,
    flow,
    client: clientId === undefined ? undefined : { clientId, clientSecret },
    credentials: scope === undefined ? credentials : { ...credentials, scope },
    parameters: { ...options.parameters },
    refreshToken: undefined,
    repeatable: true,
    ...rest,
    authenticator: grantAuth,
  };
}

export interface PasswordGrantOptions extends CommonGrantOptions {
  readonly username: string;
  readonly password: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
}

/** The resource owner password grant (RFC 6749 §4.3), for first-party clients. */
export function passwordGrant(options: PasswordGrantOptions): GrantStrategy {
  assertString(options?.username, 'auth.username');
  assertString(options.password, 'auth.password');
  return grant('password', passwordRow.flow, options, { username: options.username, password: options.password });
}

export interface ClientCredentialsGrantOptions extends CommonGrantOptions {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The client credentials grant (RFC 6749 §4.4): the application acts for itself. */
export function clientCredentialsGrant(options: ClientCredentialsGrantOptions): GrantStrategy {
  assertString(options?.clientId, 'auth.clientId');
  assertString(options.clientSecret, 'auth.clientSecret');
  return grant('client_credentials', clientCredentialsRow.flow, options, {});
}

export interface RefreshTokenGrantOptions extends CommonGrantOptions {
  readonly refreshToken: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
}

/** Starts from a refresh token the user already holds; fails once that token is rejected. */
export function refreshTokenGrant(options: RefreshTokenGrantOptions): GrantStrategy {
  assertString(options?.refreshToken, 'auth.refreshToken');
  return grant(
    'refresh_token',
    refreshTokenRow.flow,
    options,
    {},
    {
      refreshToken: options.refreshToken,
      repeatable: false,
    },
  );
}

export interface AuthorizationCodeGrantOptions extends CommonGrantOptions {
  /** The `code` of the authorization callback (see `readAuthorizationCallback`). */
  readonly code: string;
  readonly redirectUri: string;
  /** The PKCE verifier made with the authorization request. */
  readonly codeVerifier?: string;
  readonly clientId: string;
  readonly clientSecret?: string;
}

/** Exchanges an authorization code (RFC 6749 §4.1.3, PKCE RFC 7636); later tokens come by refresh. */
export function authorizationCodeGrant(options: AuthorizationCodeGrantOptions): GrantStrategy {
  assertString(options?.code, 'auth.code');
  assertString(options.redirectUri, 'auth.redirectUri');
  assertOptionalString(options.codeVerifier, 'auth.codeVerifier');
  assertString(options.clientId, 'auth.clientId');
  const credentials: Record<string, string> = { code: options.code, redirect_uri: options.redirectUri };
  if (options.codeVerifier !== undefined) credentials.code_verifier = options.codeVerifier;
  return grant('authorization_code', authorizationCodeRow.flow, options, credentials, { repeatable: false });
}

/**
 * `factory` for one provider: each strategy it makes carries `security`, the provider's token
 * endpoint. A client package exports its grant factories so bound (`passwordGrant` of `@oapi/klika`).
 */
export function withSecurity<Options>(
  factory: (options: Options) => GrantStrategy,
  security: SecurityConfig,
): (options: Options) => GrantStrategy {
  return (options) => ({ ...factory(options), security });
}

/** An access token obtained elsewhere, sent as `Authorization: Bearer`. It is never refreshed. */
export function bearerToken(token: string, options: { scheme?: string } = {}): StaticStrategy {
  assertString(token, 'auth.token');
  return { kind: 'static', credential: token, prefers: 'bearer', scheme: options.scheme, authenticator: staticAuth };
}

/** An API key, sent the way the spec's API-key scheme says (CloudCX: `Authorization: Bearer <key>`). */
export function apiKey(key: string, options: { scheme?: string } = {}): StaticStrategy {
  assertString(key, 'auth.apiKey');
  return { kind: 'static', credential: key, prefers: 'apiKey', scheme: options.scheme, authenticator: staticAuth };
}
