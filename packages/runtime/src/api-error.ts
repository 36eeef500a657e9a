import { redactedExcerpt } from '@oapi/auth';
import { errorListSummary } from './error-body.js';

/** `404 Not Found`, or `404` when the reply carries no reason phrase (HTTP/2 never does). */
export const statusLine = (response: Response) =>
  `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;

/**
 * A reply outside 2xx. `body` is the provider's error body, typed by the operation's spec;
 * `message` names the operation, the status and the body's errors when it lists them
 * (`{ errors: [{ message }] }`), else a redacted excerpt of the body.
 */
export class ApiError<Body = unknown> extends Error {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly body: Body;
  /** `GET /api/v1/users/{id}`: the spec's path, never the URL with its query string. */
  readonly operation: string;
  readonly headers: Headers;

  constructor(operation: string, response: Response, body: Body, hint = '') {
    const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    const summary = errorListSummary(body);
    const excerpt = summary
      ? `: ${redactedExcerpt(summary, [], 500)}`
      : text
        ? `: ${redactedExcerpt(text)}`
        : ' (empty body)';
    super(`${operation} answered ${statusLine(response)}${excerpt}${hint}`);
    this.status = response.status;
    this.body = body;
    this.operation = operation;
    this.headers = response.headers;
  }

  /** The `WWW-Authenticate` challenge (a 401's, or a 403's for a missing scope), which often says why. */
  get challenge(): string | undefined {
    return this.headers.get('www-authenticate') ?? undefined;
  }
}

/** 401: the credential is missing, wrong or expired (after one refresh and replay). */
export class UnauthorizedError<Body = unknown> extends ApiError<Body> {
  override readonly name = 'UnauthorizedError';
}

/** 422 (or 400 where a provider uses it so): the request's content did not validate. */
export class ValidationError<Body = unknown> extends ApiError<Body> {
  override readonly name = 'ValidationError';
}

/** 429: too many requests; `retryAfterMs` says when the provider allows the next one. */
export class RateLimitError<Body = unknown> extends ApiError<Body> {
  override readonly name = 'RateLimitError';
  constructor(
    operation: string,
    response: Response,
    body: Body,
    readonly retryAfterMs: number | undefined,
  ) {
    super(operation, response, body);
  }
}
