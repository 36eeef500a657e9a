import { AuthError, OAuthError } from './errors.js';
import { redactedExcerpt } from './redact.js';
import { refusalOf, tokenFields } from './token-reply-fields.js';
import type { TokenSet } from './token-set.js';

/** A token endpoint's reply, its body already read (under the token request's timeout). */
export interface TokenReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export interface TokenResponseContext {
  /** When the request was sent: the token's lifetime counts from then. */
  readonly sentAt: number;
  /** The refresh token to keep when a refresh reply brings none (RFC 6749 §6); `undefined` for other grants. */
  readonly previousRefreshToken: string | undefined;
  /** The spec's documented lifetime (`x-token-lifetime`), for replies without `expires_in`. */
  readonly defaultLifetimeSeconds: number | undefined;
  /** Values to redact from any excerpt of the reply: everything the request carried. */
  readonly secrets: readonly (string | undefined)[];
}

const tokenLike = /[\w.~+/=-]{20,}/g;

/**
 * Checks a token endpoint reply (status 200, a JSON object, `access_token` a string, `token_type`
 * bearer in any case, `expires_in` a number) and turns it into a TokenSet. Every failure becomes an
 * AuthError with the status and a redacted excerpt: a refusal with an RFC 6749 error an OAuthError.
 */
export async function processTokenResponse(reply: TokenReply, context: TokenResponseContext): Promise<TokenSet> {
  const { status } = reply;
  const redact = (text: string) => redactedExcerpt(text, context.secrets);
  // A 200 that is refused may still carry a token under a name we do not know (`accessToken`,
  // `token`): in what is quoted of it, every long run of token characters is hidden too.
  const quote = (text: string) => redact(status === 200 ? text.replace(tokenLike, '[redacted]') : text);
  // The reason may quote the reply (its token_type, its challenge's scheme).
  const unusable = (reason: string) =>
    new AuthError(
      'invalid_token_response',
      `The token endpoint's reply (HTTP ${status}) is not a usable token response: ${quote(reason)}.`,
      { status, bodyExcerpt: quote(reply.body) },
    );
  if (status !== 200) {
    const refusal = refusalOf(reply.body, reply.headers);
    if (!refusal) {
      // The scheme alone: a challenge's parameters are the server's, not worth an excerpt.
      const scheme = reply.headers.get('www-authenticate')?.trim().split(/[\s,]/)[0];
      const reason = reply.body.trim() === '' ? 'an empty body' : 'not a token response';
      throw unusable(scheme ? `${reason}, and a "${scheme}" challenge without an OAuth error` : reason);
    }
    const description = refusal.description && redact(refusal.description);
    throw new OAuthError(redact(refusal.error), description, { status, bodyExcerpt: quote(reply.body) });
  }
  const fields = tokenFields(reply.body, unusable);
  const lifetime = fields.expiresIn ?? context.defaultLifetimeSeconds;
  return {
    accessToken: fields.accessToken,
    tokenType: 'bearer',
    expiresAt: lifetime === undefined ? undefined : context.sentAt + lifetime * 1000,
    refreshToken: fields.refreshToken ?? context.previousRefreshToken,
    scope: fields.scope,
    receivedAt: context.sentAt,
  };
}
