export { createKlikaClient, type KlikaClient, type KlikaClientOptions } from './client.js';
export type { components, operations, paths } from './generated/openapi.js';
export { provider, type SpecOptions } from './generated/provider.js';
// The strategy factories the spec's security schemes allow, as codegen lists them, the grants bound to its `security`.
export * from './generated/strategies.js';
export {
  AuthError,
  OAuthError,
  type AuthorizationRequest,
  type TokenSet,
  type TokenStore,
} from '@oapi/auth';
export {
  ApiError,
  RequestTimeoutError,
  UnauthorizedError,
  ValidationError,
  unwrap,
  type DeprecationNotice,
} from '@oapi/runtime';

import type { components } from './generated/openapi.js';
export type User = components['schemas']['User'];
export type Country = components['schemas']['Country'];
export type TokenResponse = components['schemas']['TokenResponse'];
export type KlikaOAuthError = components['schemas']['OAuthError'];
