import * as oauth from 'oauth4webapi';
import { AuthError, OAuthError } from './errors.js';
import { redactedExcerpt } from './redact.js';
import type { TokenSet } from './token-set.js';

export interface TokenResponseContext {
  readonly now: number;
  /** The tokens this reply replaces: their refresh token is kept if the reply brings none. */
  readonly previous: TokenSet | undefined;
  /** The spec's documented lifetime (`x-token-lifetime`), for replies without `expires_in`. */
  readonly defaultLifetimeSeconds: number | undefined;
  /** Values to redact from any excerpt of the reply. */
  readonly secrets: readonly (string | undefined)[];
}

/**
 * Checks a token endpoint reply with oauth4webapi (status 200, JSON, `access_token` a string,
 * `token_type` bearer in any case, `expires_in` a number) and turns it into a TokenSet. Every failure
 * becomes an AuthError with the status and a redacted excerpt; oauth4webapi's own errors are not
 * passed on because they carry the reply's body, tokens included.
 */
export async function processTokenResponse(response: Response, context: TokenResponseContext): Promise<TokenSet> {
  const text = await response.text();
  const status = response.status;
  const excerpt = () => redactedExcerpt(text, context.secrets);
  const copy = new Response(text, { status, headers: response.headers });
  let json: oauth.TokenEndpointResponse;
  try {
    // oauth4webapi's checks need an authorization server and client object; only the token
    // endpoint's reply is examined, so placeholders are enough.
    json = await oauth.processGenericTokenEndpointResponse({ issuer: 'urn:oapi:token-endpoint' }, { client_id: 'oapi' }, copy);
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      throw new OAuthError(error.error, error.error_description, { status, bodyExcerpt: excerpt() });
    }
    const reason = error instanceof Error ? error.message.replace(/"response" /g, '') : 'unreadable reply';
    const empty = text.trim() === '' ? 'an empty body' : undefined;
    throw new AuthError('invalid_token_response', `The token endpoint's reply (HTTP ${status}) is not a usable token response: ${empty ?? reason}.`, {
      status,
      bodyExcerpt: excerpt(),
    });
  }
  if (json.token_type !== 'bearer') {
    throw new AuthError('invalid_token_response', `The token endpoint issued a "${json.token_type}" token; only bearer tokens are supported.`, {
      status,
      bodyExcerpt: excerpt(),
    });
  }
  const lifetime = json.expires_in ?? context.defaultLifetimeSeconds;
  return {
    accessToken: json.access_token,
    tokenType: 'bearer',
    expiresAt: lifetime === undefined ? undefined : context.now + lifetime * 1000,
    refreshToken: json.refresh_token ?? context.previous?.refreshToken,
    scope: json.scope,
    receivedAt: context.now,
  };
}
