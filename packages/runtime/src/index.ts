export { assertPositiveInteger } from './assert-number.js';
export { ApiError, RateLimitError, statusLine, UnauthorizedError, ValidationError } from './api-error.js';
export {
  createProviderClient,
  type ClientBaseOptions,
  type ProviderClient,
  type ProviderQuirks,
  type RetryClientOptions,
  type RetryPolicy,
} from './create-client.js';
export type { DeprecationNotice } from './deprecation.js';
export type {
  BodyEncoder,
  DeprecatedOperation,
  PaginationDescriptor,
  ProviderDescriptor,
  ServerDescriptor,
  ServerVariable,
  TokenParameter,
} from './descriptor.js';
export { errorListSummary } from './error-body.js';
export { formContentType, railsForms } from './form-content-type.js';
export { operationOf } from './operation.js';
export { paginate, PageLimitError, type Page, type PaginateOptions } from './paginate.js';
export { parseRailsForm, type RailsParams, type RailsParamValue } from './rails-form-parse.js';
export {
  railsBodySerializer,
  railsFormEncode,
  railsFormFields,
  type FormField,
  type FormFieldValue,
} from './rails-form.js';
export { retryAfterHeaderMs } from './retry-after.js';
export { defaultSleep, retrying, retryMiddleware, type RetryOptions, type RetryReason } from './retry.js';
export { defaultUrl, matchedServer, serverUrl } from './server-choice.js';
export { RequestTimeoutError } from './timeout.js';
export { tokenParameterValues } from './token-parameters.js';
export { paginateByTimeWindow, TimeWindowError, type TimeWindowOptions, type TimeWindowPage } from './time-window.js';
export { apiErrorFor, createUnwrap, unwrap, type ApiErrorClass, type ApiErrorClasses, type Unwrap } from './unwrap.js';
export { fileFrom, FileTooLargeError, type FileOptions, type FileSource } from './upload.js';
export {
  verifyHmacSignature,
  WebhookSignatureError,
  type HmacSignatureOptions,
  type WebhookSignatureErrorCode,
} from './webhook-signature.js';
