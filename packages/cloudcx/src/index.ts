export { createCloudcxClient, type CloudcxClient, type CloudcxClientOptions } from './client.js';
export { CloudcxApiError, isEnvelope, successCode, type Envelope, type ErrorEnvelope } from './api-error.js';
export { unwrap, unwrapEnvelope, type EnvelopeData, type Unwrapped } from './envelope.js';
export { PaginationError, itemsOf, pagesByIndex, type IndexedPage, type PageIndexOptions } from './paginate.js';
export {
  defaultPageSize,
  type ListUsersQuery,
  type User,
  type UserIterationOptions,
  type UserMethods,
  type UserPage,
} from './users.js';
export {
  isLegacyContact,
  webhookEventNames,
  type Contact,
  type LegacyContact,
  type WebhookContact,
  type WebhookEvent,
  type WebhookEventName,
  type WebhookEventOf,
} from './webhook-events.js';
export {
  CloudcxWebhookError,
  parseCloudcxWebhook,
  type CloudcxWebhookErrorCode,
  type WebhookBody,
} from './parse-webhook.js';
export { createWebhookHandler, type WebhookHandler, type WebhookHandlers } from './webhook-handler.js';
export type { components, operations, paths, webhooks } from './generated/openapi.js';
export { provider, type SpecOptions } from './generated/provider.js';
// The strategy factories the spec's security schemes allow, as codegen lists them, the grants bound to its `security`.
export * from './generated/strategies.js';
export { AuthError, OAuthError, type TokenSet, type TokenStore } from '@oapi/auth';
export { ApiError, RequestTimeoutError, type DeprecationNotice } from '@oapi/runtime';

import type { components } from './generated/openapi.js';
export type TokenResponse = components['schemas']['TokenResponse'];
export type CloudcxOAuthError = components['schemas']['OAuthError'];
