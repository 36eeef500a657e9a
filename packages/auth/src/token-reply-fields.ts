// The checks of a token endpoint's reply (RFC 6749 §5.1 success, §5.2 error, RFC 6750 §3 challenge).
//
// Why not oauth4webapi's processGenericTokenEndpointResponse, as the project prefers for protocol
// work: it also validates OpenID Connect id_tokens (JWT parsing, claims), which no client here uses,
// and that made up a third of a password-grant client's browser bundle (4.2 KB of 12.4 KB gzipped).
// oauth4webapi still does PKCE, `state` and the authorization callback (authorization-*.ts).
//
// The same checks as oauth4webapi 3.8 for a plain OAuth 2 reply: HTTP 200 only; a JSON object,
// whatever the content type; `access_token` and `token_type` non-empty strings, `token_type`
// compared in lower case; `expires_in` a finite number >= 0, a numeric string accepted;
// `refresh_token` a non-empty string; `scope` a string. Where this deviates, on purpose:
// - an RFC 6749 §5.2 error body is read for any non-200 status and any content type (oauth4webapi:
//   4xx labelled application/json only), since Rails and Spring label them text/html;
// - that body comes before a `WWW-Authenticate` challenge, and a challenge counts as a refusal only
//   when it carries `error` (Doorkeeper's invalid_client); oauth4webapi throws on any challenge;
// - a field that is `null` counts as absent (oauth4webapi refuses it): servers serialize unset
//   fields so;
// - `expires_in` as a string must be all number (`Number`, not `parseFloat`: "3600s" is refused);
// - only bearer tokens (oauth4webapi also takes DPoP, which no provider here issues);
// - an `id_token` is ignored, not validated: these clients do no OpenID Connect.

/** The fields of a successful token reply this library uses, checked. */
export interface TokenFields {
  readonly accessToken: string;
  /** Lower-cased. */
  readonly tokenType: string;
  readonly expiresIn: number | undefined;
  readonly refreshToken: string | undefined;
  readonly scope: string | undefined;
}

/** Why a 200 reply is no usable token response. */
export class UnusableReply extends Error {}

export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new UnusableReply(`"${name}" is not a string`);
  return value;
}

function requiredString(body: Record<string, unknown>, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value === '') throw new UnusableReply(`"${name}" is missing or empty`);
  return value;
}

/** A string that may be absent, but not empty (a refresh token). */
function optionalNonEmptyString(body: Record<string, unknown>, name: string): string | undefined {
  const value = optionalString(body, name);
  if (value === '') throw new UnusableReply(`"${name}" is empty`);
  return value;
}

/** `expires_in` in seconds; a numeric string counts (some servers quote it). */
function expiresIn(body: Record<string, unknown>): number | undefined {
  const value = body.expires_in;
  if (value === undefined || value === null) return undefined;
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw new UnusableReply('"expires_in" is not a number');
  if (seconds < 0) throw new UnusableReply('"expires_in" must be a non-negative number');
  return seconds;
}

/** RFC 6749 §5.1: the fields of a 200 reply's body; throws UnusableReply with the reason. */
export function tokenFields(text: string): TokenFields {
  if (text.trim() === '') throw new UnusableReply('an empty body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UnusableReply('the body is not JSON');
  }
  const body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  if (!body) throw new UnusableReply('the body is not a JSON object');
  const fields = body as Record<string, unknown>;
  return {
    accessToken: requiredString(fields, 'access_token'),
    tokenType: requiredString(fields, 'token_type').toLowerCase(),
    expiresIn: expiresIn(fields),
    refreshToken: optionalNonEmptyString(fields, 'refresh_token'),
    scope: optionalString(fields, 'scope'),
  };
}

/** One auth-param of a `WWW-Authenticate` value (RFC 9110 §11.6.1), quoted or not. */
function challengeParameter(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s,])${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s,"]+))`, 'i').exec(header);
  if (!match) return undefined;
  return match[1] === undefined ? match[2] : match[1].replace(/\\(.)/g, '$1');
}

/**
 * The RFC 6749 §5.2 error of a refusal: from the JSON body whatever its content type (Rails and
 * Spring do not always say `application/json`), else from a `WWW-Authenticate` challenge's `error`
 * (Doorkeeper answers `invalid_client` that way).
 */
export function refusalOf(
  body: string,
  headers: Headers,
): { readonly error: string; readonly description: string | undefined } | undefined {
  const json = jsonObject(body);
  if (typeof json?.error === 'string' && json.error !== '') {
    const description = typeof json.error_description === 'string' ? json.error_description : undefined;
    return { error: json.error, description };
  }
  const challenge = headers.get('www-authenticate');
  const error = challenge ? challengeParameter(challenge, 'error') : undefined;
  if (!challenge || !error) return undefined;
  return { error, description: challengeParameter(challenge, 'error_description') };
}
