export { createKlikaClient, type KlikaClient, type KlikaClientOptions } from './client.js';
export type { components, operations, paths } from './generated/openapi.js';
export { security } from './generated/security.js';
export { apiVersion, operations as operationList, servers } from './generated/spec-meta.js';
export {
  AuthError,
  OAuthError,
  authorizationCodeGrant,
  bearerToken,
  createAuthorizationRequest,
  passwordGrant,
  readAuthorizationCallback,
  refreshTokenGrant,
  type AuthorizationRequest,
  type TokenSet,
  type TokenStore,
} from '@oapi/auth';
export { ApiError, UnauthorizedError, ValidationError, unwrap } from '@oapi/runtime';

import type { components } from './generated/openapi.js';
export type User = components['schemas']['User'];
export type Country = components['schemas']['Country'];
export type TokenResponse = components['schemas']['TokenResponse'];
export type KlikaOAuthError = components['schemas']['OAuthError'];
