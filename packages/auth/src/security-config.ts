// A provider's security configuration: what the generator (packages/codegen) reads out of a spec's
// `components.securitySchemes` and its `x-` extensions (spec/EXTENSIONS.md), exported by each client
// package as `security` (`src/generated/strategies.ts`; its descriptor has the outline). packages/auth
// is configured from it and knows no provider by name.
import type { GrantType } from './grants.js';

export type ClientAuthentication = 'client_secret_post' | 'client_secret_basic' | 'none';
export type TokenRequestContentType = 'application/x-www-form-urlencoded' | 'application/json';

/** How a provider's token endpoint wants its requests (`x-token-request`). */
export interface TokenRequestShape {
  /** What the client sends. */
  readonly contentType: TokenRequestContentType;
  /** Where `grant_type` travels. RFC 6749 says the body; Klika's docs put it in the query. */
  readonly grantTypeIn: 'body' | 'query';
  readonly clientAuthentication: ClientAuthentication;
  /** Extra token-request parameters that travel in the query string (Wootric's `account_token`). */
  readonly queryParameters: readonly string[];
  /** Extra parameters the grant cannot do without (Wootric CXI's `account_token` for the password grant). */
  readonly requiredParameters: readonly string[];
}

/** `x-token-request`, resolved: the scheme-wide shape and per-grant overrides, keyed by `grant_type`. */
export interface TokenRequestConfig extends TokenRequestShape {
  readonly grants: Readonly<Partial<Record<GrantType, Partial<TokenRequestShape>>>>;
}

export interface OAuthFlowConfig {
  /** As written in the spec: absolute, or relative to the API's base URL. */
  readonly tokenUrl: string;
  readonly refreshUrl?: string;
  /** The scopes and what each grants; absent from a client's shipped descriptor, which carries no prose. */
  readonly scopes?: Readonly<Record<string, string>>;
}

export interface AuthorizationCodeFlowConfig extends OAuthFlowConfig {
  readonly authorizationUrl: string;
  /**
   * `false` when the server does not support PKCE (`x-pkce: false`): the authorization request then
   * sends no code challenge, and so the code exchange no verifier. `true` otherwise (S256).
   */
  readonly pkce: boolean;
}

export interface OAuth2SchemeConfig {
  readonly type: 'oauth2';
  readonly description?: string;
  readonly flows: {
    readonly password?: OAuthFlowConfig;
    readonly clientCredentials?: OAuthFlowConfig;
    readonly authorizationCode?: AuthorizationCodeFlowConfig;
    readonly implicit?: Omit<AuthorizationCodeFlowConfig, 'tokenUrl' | 'pkce'>;
  };
  readonly tokenRequest: TokenRequestConfig;
  /** `x-token-lifetime`: the documented access-token lifetime in seconds. */
  readonly tokenLifetime?: number;
  /**
   * `x-refresh-token-rotation`: `true` when each refresh returns a new refresh token and the old one
   * stops working; `'deferred'` when the old one works until the new access token is first used
   * (Doorkeeper's `previous_refresh_token`). Either way the client keeps the newest.
   */
  readonly refreshTokenRotation: boolean | 'deferred';
}

export interface HttpBearerSchemeConfig {
  readonly type: 'http';
  readonly scheme: 'bearer';
  readonly bearerFormat?: string;
  readonly description?: string;
}

export interface ApiKeySchemeConfig {
  readonly type: 'apiKey';
  readonly in: 'header' | 'query' | 'cookie';
  readonly name: string;
  readonly description?: string;
}

export type SecuritySchemeConfig = OAuth2SchemeConfig | HttpBearerSchemeConfig | ApiKeySchemeConfig;

/** One provider's security configuration, generated from its spec. */
export interface SecurityConfig {
  /** The provider id (`spec/<id>/`). */
  readonly provider: string;
  readonly schemes: Readonly<Record<string, SecuritySchemeConfig>>;
}

/** The scheme `bearerToken()` and `apiKey()` use when they name none, by name (`defaultSchemes`). */
export interface DefaultSchemes {
  readonly bearer?: string;
  readonly apiKey?: string;
}

/** An oauth2 scheme by its type alone: what a bearer token needs of it. */
export interface OAuth2SchemeOutline {
  readonly type: 'oauth2';
}

/**
 * The `security` of a client's descriptor: an oauth2 scheme there is its type alone, since the grant
 * factories of the client package attach the provider's `SecurityConfig` to their strategies, and a
 * static credential's bundle then carries no token endpoint. Its static strategies' default schemes
 * come written out by codegen; `createAuth` works them out of a `SecurityConfig`.
 */
export interface SecurityOutline {
  /** The provider id (`spec/<id>/`). */
  readonly provider: string;
  readonly schemes: Readonly<Record<string, SecuritySchemeConfig | OAuth2SchemeOutline>>;
  readonly defaultSchemes: DefaultSchemes;
}

/**
 * The scheme each static strategy uses when it names none: an API key goes by any scheme but
 * oauth2's; a bearer token by any but an API key's, else by the first.
 */
export function defaultSchemes({ schemes }: Pick<SecurityOutline, 'schemes'>): DefaultSchemes {
  const names = Object.keys(schemes);
  const firstNot = (type: string) => names.find((name) => schemes[name]!.type !== type);
  return { bearer: firstNot('apiKey') ?? names[0], apiKey: firstNot('oauth2') };
}
