import type { Middleware } from 'openapi-fetch';
import { type DeprecationNotice, deprecationNotice } from './deprecation.js';
import type { ProviderDescriptor } from './descriptor.js';
import { RequestTimeoutError } from './timeout.js';

/** Which operation each response answered, recorded by the client's middleware for error messages. */
const operations = new WeakMap<Response, string>();

/** `GET /api/v1/users/{id}`, or the response's path when it did not come through a client. */
export function operationOf(response: Response): string {
  return operations.get(response) ?? (response.url ? new URL(response.url).pathname : 'request');
}

/**
 * What a client notes per operation (`GET /v1/things/{id}`): which one each response answered, a
 * deprecation (the spec's or the server's) told once, and a timeout named after it. First of the
 * client's middleware, so that it sees the final response, after any retry or replay.
 */
export function operationMiddleware(
  descriptor: ProviderDescriptor,
  onDeprecation: (notice: DeprecationNotice) => void,
): Middleware {
  const told = new Set<string>();
  return {
    onResponse({ request, response, schemaPath }) {
      const operation = `${request.method} ${schemaPath}`;
      operations.set(response, operation);
      if (told.has(operation)) return;
      const notice = deprecationNotice(
        descriptor.id,
        operation,
        descriptor.deprecatedOperations.includes(operation),
        response.headers,
      );
      if (!notice) return;
      told.add(operation);
      // A hook that throws fails the call: a test suite may forbid deprecated operations that way.
      onDeprecation(notice);
    },
    onError({ request, error, schemaPath }) {
      if (error instanceof RequestTimeoutError)
        return new RequestTimeoutError(`${request.method} ${schemaPath}`, error.timeoutMs);
    },
  };
}
