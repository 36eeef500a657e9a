export { ApiError, RateLimitError, UnauthorizedError, ValidationError } from './api-error.js';
export { createProviderClient, type ClientBaseOptions, type ProviderClient, type ProviderClientConfig } from './create-client.js';
export { operationOf } from './operation.js';
export { serverUrl, type ServerMeta } from './server-url.js';
export { apiErrorFor, unwrap } from './unwrap.js';
