import { ApiError, RateLimitError, UnauthorizedError, ValidationError } from './api-error.js';
import { operationOf } from './operation.js';
import { retryAfterHeaderMs, rateLimitWaits } from './retry-after.js';

interface FetchResult<Data, Error> {
  data?: Data;
  error?: Error;
  response: Response;
}

/** An ApiError subclass a provider throws for one status (Wootric's 423, CXI's 424). */
export type ApiErrorClass = new (operation: string, response: Response, body: never) => ApiError<unknown>;

/** Provider error classes by HTTP status; they win over the shared ones. */
export type ApiErrorClasses = Readonly<Partial<Record<number, ApiErrorClass>>>;

/** The ApiError subclass for a reply's status. */
export function apiErrorFor<Body>(response: Response, body: Body, classes: ApiErrorClasses = {}): ApiError<Body> {
  const operation = operationOf(response);
  const Custom = classes[response.status];
  if (Custom) return new Custom(operation, response, body as never) as ApiError<Body>;
  if (response.status === 401) return new UnauthorizedError(operation, response, body);
  if (response.status === 422) return new ValidationError(operation, response, body);
  if (response.status === 429) {
    const retryAfterMs = rateLimitWaits.get(response) ?? retryAfterHeaderMs(response, Date.now());
    return new RateLimitError(operation, response, body, retryAfterMs);
  }
  return new ApiError(operation, response, body);
}

export type Unwrap = <Data, Error>(result: FetchResult<Data, Error>) => Data;

/** An `unwrap` that throws the provider's own error classes for the given statuses. */
export function createUnwrap(classes: ApiErrorClasses): Unwrap {
  return (result) => {
    if (result.error !== undefined || !result.response.ok) throw apiErrorFor(result.response, result.error, classes);
    return result.data as never;
  };
}

/**
 * The data of an openapi-fetch result, or a thrown ApiError carrying the typed error body:
 * `const user = unwrap(await client.GET('/api/v1/users/{id}', …))`.
 */
// Pure: a bundle that never calls unwrap drops it, and the error classes with it.
export const unwrap: Unwrap = /* @__PURE__ */ createUnwrap({});
