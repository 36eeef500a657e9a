export { createWootricCxiClient, type WootricCxiClient, type WootricCxiClientOptions } from './client.js';
export { OnboardingRequiredError, unwrap, type ErrorList, type OnboardingRequiredBody } from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
export { provider, type SpecOptions } from './generated/provider.js';
// The strategy factories the spec's security schemes allow, as codegen lists them, the grants bound to its `security`.
export * from './generated/strategies.js';
export { listAll, type CxiListItem, type PagedListPath } from './list-all.js';
export { maxCsvBytes, uploadImport, uploadResponseProperties, type CsvUploadOptions } from './uploads.js';
export { AuthError, OAuthError, type TokenSet, type TokenStore } from '@oapi/auth';
export {
  ApiError,
  FileTooLargeError,
  PageLimitError,
  RateLimitError,
  RequestTimeoutError,
  UnauthorizedError,
  ValidationError,
  type DeprecationNotice,
  type FileSource,
  type RetryOptions,
} from '@oapi/runtime';

import type { components } from './generated/openapi.js';
export type Onboarding = components['schemas']['Onboarding'];
export type Project = components['schemas']['Project'];
export type Tag = components['schemas']['Tag'];
export type Import = components['schemas']['Import'];
export type ImportDetail = components['schemas']['ImportDetail'];
export type CxiResponse = components['schemas']['CxiResponse'];
