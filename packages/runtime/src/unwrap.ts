import { ApiError, UnauthorizedError, ValidationError } from './api-error.js';
import { operationOf } from './operation.js';

interface FetchResult<Data, Error> {
  data?: Data;
  error?: Error;
  response: Response;
}

/** The ApiError subclass for a reply's status. */
export function apiErrorFor<Body>(response: Response, body: Body): ApiError<Body> {
  const operation = operationOf(response);
  if (response.status === 401) return new UnauthorizedError(operation, response, body);
  if (response.status === 422) return new ValidationError(operation, response, body);
  return new ApiError(operation, response, body);
}

/**
 * The data of an openapi-fetch result, or a thrown ApiError carrying the typed error body:
 * `const user = unwrap(await client.GET('/api/v1/users/{id}', …))`.
 */
export function unwrap<Data, Error>(result: FetchResult<Data, Error>): Data {
  if (result.error !== undefined || !result.response.ok) throw apiErrorFor(result.response, result.error as Error);
  return result.data as Data;
}
