import { ApiError, createUnwrap } from '@oapi/runtime';
import type { components } from './generated/openapi.js';

export type ErrorList = components['schemas']['ErrorList'];

/**
 * 423: `end_user[properties]` was sent on a response or decline update, but historical-data
 * editing is off for the account (Wootric support turns it on).
 */
export class LockedError<Body = ErrorList> extends ApiError<Body> {
  override readonly name = 'LockedError';
  constructor(operation: string, response: Response, body: Body) {
    super(
      operation,
      response,
      body,
      ' (historical-data editing is off for this account; Wootric support can turn it on)',
    );
  }
}

/**
 * The data of a result, or a thrown error: `LockedError` (423), `RateLimitError` (429, with
 * `retryAfterMs`), `UnauthorizedError` (401), or `ApiError` with the `error_list` body, its
 * errors listed in the message.
 */
export const unwrap = /* @__PURE__ */ createUnwrap({ 423: LockedError });
