export { createWootricClient, type WootricClient, type WootricClientOptions } from './client.js';
export { parseWootricDateTime, wootricEpochSeconds } from './date-time.js';
export { sendEmailSurveyCsv, type EmailSurveyCsvOptions } from './email-survey-csv.js';
export { LockedError, unwrap, type ErrorList } from './errors.js';
export type { components, operations, paths, webhooks } from './generated/openapi.js';
export { provider, type SpecOptions } from './generated/provider.js';
// The strategy factories the spec's security schemes allow, as codegen lists them, the grants bound to its `security`.
export * from './generated/strategies.js';
export { listAll, type ListAllParams, type ListItem, type WindowedListPath } from './list-all.js';
export { wootricRateLimitResetMs } from './rate-limit.js';
export {
  verifyWootricWebhook,
  WebhookPayloadError,
  type DeclineWebhookPayload,
  type ResponseWebhookPayload,
  type WootricWebhookEvent,
} from './webhooks.js';
export { AuthError, OAuthError, type TokenSet, type TokenStore } from '@oapi/auth';
export {
  ApiError,
  FileTooLargeError,
  PageLimitError,
  RateLimitError,
  RequestTimeoutError,
  TimeWindowError,
  UnauthorizedError,
  ValidationError,
  WebhookSignatureError,
  type DeprecationNotice,
  type FileSource,
  type RetryOptions,
} from '@oapi/runtime';

import type { components } from './generated/openapi.js';
export type EndUser = components['schemas']['EndUser'];
export type SurveyResponse = components['schemas']['SurveyResponse'];
export type Decline = components['schemas']['Decline'];
export type EndUserSettings = components['schemas']['EndUserSettings'];
export type TokenResponse = components['schemas']['TokenResponse'];
