/**
 * Stable codes of every error this package throws. Tests and callers branch on `code`, not on
 * the message.
 */
export type AuthErrorCode =
  /** The token endpoint answered with an OAuth error body (`invalid_grant`, `invalid_client`, …). */
  | 'oauth_error'
  /** The token endpoint's reply is not a usable token response (HTML, empty, malformed JSON, no access_token, …). */
  | 'invalid_token_response'
  /** The token request did not complete: network failure or timeout. */
  | 'token_request_failed'
  /** A refresh was rejected and there are no other credentials to fall back on. */
  | 'reauthorization_required'
  /** A token or API URL is not https and not on loopback. */
  | 'insecure_url'
  /** The authorization callback is unusable: wrong state, an `error` from the server, no code. */
  | 'invalid_callback'
  /** No authorization callback reached the loopback redirect in time. */
  | 'callback_timeout';

/**
 * Every failure of authentication. Messages and properties never contain a secret: credentials and
 * tokens are redacted from `bodyExcerpt`, and no raw response or request is attached.
 */
export class AuthError extends Error {
  override readonly name: string = 'AuthError';
  // `declare`: set by the constructor, so no field initialisers in the bundle.
  declare readonly code: AuthErrorCode;
  /** The HTTP status of the reply that caused it, if any. */
  declare readonly status: number | undefined;
  /** The start of that reply's body, secrets redacted. */
  declare readonly bodyExcerpt: string | undefined;

  constructor(code: AuthErrorCode, message: string, details: { status?: number; bodyExcerpt?: string } = {}) {
    super(message);
    this.code = code;
    this.status = details.status;
    this.bodyExcerpt = details.bodyExcerpt;
  }
}

/** The token endpoint refused the request with an RFC 6749 §5.2 error body. */
export class OAuthError extends AuthError {
  override readonly name = 'OAuthError';
  /** The RFC 6749 error code, e.g. `invalid_grant`. */
  declare readonly error: string;
  declare readonly errorDescription: string | undefined;

  constructor(error: string, errorDescription: string | undefined, details: { status: number; bodyExcerpt?: string }) {
    const description = errorDescription ? `: ${errorDescription}` : '';
    super('oauth_error', `The token endpoint answered ${details.status} ${error}${description}`, details);
    this.error = error;
    this.errorDescription = errorDescription;
  }
}
