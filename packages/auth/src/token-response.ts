import * as oauth from 'oauth4webapi';
import { AuthError, OAuthError } from './errors.js';
import { redactedExcerpt } from './redact.js';
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

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The RFC 6749 §5.2 error of a refusal: from the JSON body whatever its content type (Rails and
 * Spring do not always say `application/json`), else from a `WWW-Authenticate` challenge's `error`
 * (Doorkeeper answers `invalid_client` that way), which oauth4webapi reports instead of the body.
 */
function oauthErrorOf(
  reply: TokenReply,
  error: unknown,
): { error: string; description: string | undefined } | undefined {
  const body = jsonObject(reply.body);
  if (typeof body?.error === 'string' && body.error !== '') {
    return {
      error: body.error,
      description: typeof body.error_description === 'string' ? body.error_description : undefined,
    };
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const challenge = error.cause.find((c) => typeof c.parameters.error === 'string');
    if (challenge) return { error: challenge.parameters.error!, description: challenge.parameters.error_description };
  }
  return undefined;
}

/** oauth4webapi's reply checks, on a copy without `id_token`: no OpenID Connect here, no issuer to check it against. */
function withoutIdToken(reply: TokenReply): Response {
  const body = jsonObject(reply.body);
  const text = body && 'id_token' in body ? JSON.stringify({ ...body, id_token: undefined }) : reply.body;
  return new Response(reply.status === 204 ? null : text, { status: reply.status, headers: reply.headers });
}

/**
 * Checks a token endpoint reply with oauth4webapi (status 200, a JSON object, `access_token` a
 * string, `token_type` bearer in any case, `expires_in` a number) and turns it into a TokenSet. Every
 * failure becomes an AuthError with the status and a redacted excerpt; oauth4webapi's own errors are
 * not passed on because they carry the reply's body, tokens included.
 */
export async function processTokenResponse(reply: TokenReply, context: TokenResponseContext): Promise<TokenSet> {
  const { status } = reply;
  const redact = (text: string) => redactedExcerpt(text, context.secrets);
  // A 200 that is refused may still carry a token under a name we do not know (`accessToken`,
  // `token`): in its excerpt, every long run of token characters is hidden too.
  const excerpt = () => redact(status === 200 ? reply.body.replace(tokenLike, '[redacted]') : reply.body);
  let json: oauth.TokenEndpointResponse;
  try {
    // oauth4webapi's checks need an authorization server and a client; only the token endpoint's
    // reply is examined, so placeholders are enough.
    json = await oauth.processGenericTokenEndpointResponse(
      { issuer: 'urn:oapi:token-endpoint' },
      { client_id: 'oapi' },
      withoutIdToken(reply),
    );
  } catch (error) {
    const refusal = status === 200 ? undefined : oauthErrorOf(reply, error);
    if (refusal) {
      const description = refusal.description === undefined ? undefined : redact(refusal.description);
      throw new OAuthError(redact(refusal.error), description, { status, bodyExcerpt: excerpt() });
    }
    const reason =
      reply.body.trim() === ''
        ? 'an empty body'
        : status !== 200
          ? 'not a token response'
          : error instanceof Error
            ? error.message.replace(/"response" /g, '')
            : 'unreadable reply';
    throw new AuthError(
      'invalid_token_response',
      `The token endpoint's reply (HTTP ${status}) is not a usable token response: ${reason}.`,
      {
        status,
        bodyExcerpt: excerpt(),
      },
    );
  }
  if (json.token_type !== 'bearer') {
    throw new AuthError(
      'invalid_token_response',
      `The token endpoint issued a "${redact(json.token_type).slice(0, 40)}" token; only bearer tokens are supported.`,
      {
        status,
        bodyExcerpt: excerpt(),
      },
    );
  }
  const lifetime = json.expires_in ?? context.defaultLifetimeSeconds;
  return {
    accessToken: json.access_token,
    tokenType: 'bearer',
    expiresAt: lifetime === undefined ? undefined : context.sentAt + lifetime * 1000,
    refreshToken: json.refresh_token ?? context.previousRefreshToken,
    scope: json.scope,
    receivedAt: context.sentAt,
  };
}
