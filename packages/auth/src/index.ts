export { readAuthorizationCallback, type ExpectedCallback } from './authorization-callback.js';
export {
  createAuthorizationRequest,
  type AuthorizationRequest,
  type AuthorizationRequestOptions,
} from './authorization-request.js';
export { assertHttpUrl, assertOptionalBoolean, assertStrategy } from './assert.js';
export { authenticate, createAuth, type Auth, type AuthOptions } from './create-auth.js';
export { AuthError, OAuthError, type AuthErrorCode } from './errors.js';
export {
  grantOfFlow,
  grants,
  grantTypes,
  staticStrategies,
  type GrantFlow,
  type GrantType,
  type StrategyName,
} from './grants.js';
export { redactedExcerpt } from './redact.js';
export {
  apiKey,
  authorizationCodeGrant,
  bearerToken,
  clientCredentialsGrant,
  passwordGrant,
  refreshTokenGrant,
  type AuthStrategy,
  type AuthorizationCodeGrantOptions,
  type ClientCredentials,
  type ClientCredentialsGrantOptions,
  type GrantStrategy,
  type PasswordGrantOptions,
  type RefreshTokenGrantOptions,
  type StaticStrategy,
  withSecurity,
} from './strategies.js';
export type { TokenManager, TokenStore } from './token-manager.js';
export { shapeFor } from './token-request.js';
export type { TokenSet } from './token-set.js';
export { defaultSchemes } from './security-config.js';
export type {
  ApiKeySchemeConfig,
  DefaultSchemes,
  AuthorizationCodeFlowConfig,
  ClientAuthentication,
  HttpBearerSchemeConfig,
  OAuth2SchemeConfig,
  OAuth2SchemeOutline,
  OAuthFlowConfig,
  SecurityConfig,
  SecurityOutline,
  SecuritySchemeConfig,
  TokenRequestConfig,
  TokenRequestContentType,
  TokenRequestShape,
} from './security-config.js';
