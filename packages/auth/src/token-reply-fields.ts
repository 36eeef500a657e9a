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
  readonly expiresIn: number | undefined;
  readonly refreshToken: string | undefined;
  readonly scope: string | undefined;
}

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

/** The string fields of §5.1: `required` ones must be there and not empty; `nonEmpty` ones may be absent. */
const stringFields = {
  access_token: 'required',
  token_type: 'required',
  refresh_token: 'nonEmpty',
  scope: 'anyString',
} as const;

/** `expires_in` in seconds; a numeric string counts (some servers quote it). */
function expiresIn(value: unknown, unusable: Unusable): number | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds === 'number' && seconds >= 0 && Number.isFinite(seconds)) return seconds;
  throw unusable('"expires_in" must be a non-negative number');
}

/** The error to throw for a reply that is no usable token response, given why. */
export type Unusable = (reason: string) => Error;

/** RFC 6749 §5.1: the fields of a 200 reply's body, or what `unusable` makes of the reason they are not usable. */
export function tokenFields(text: string, unusable: Unusable): TokenFields {
  const body = jsonObject(text);
  if (!body) throw unusable(text.trim() === '' ? 'an empty body' : 'the body is not a JSON object');
  const strings: Record<string, string | undefined> = {};
  for (const [name, rule] of Object.entries(stringFields)) {
    const value = body[name] ?? undefined;
    const wrong =
      value === undefined ? rule === 'required' : typeof value !== 'string' || (value === '' && rule !== 'anyString');
    if (wrong) throw unusable(`"${name}" must be a ${rule === 'anyString' ? '' : 'non-empty '}string`);
    strings[name] = value as string | undefined;
  }
  const tokenType = (strings.token_type as string).toLowerCase();
  if (tokenType !== 'bearer') throw unusable(`"token_type" is "${tokenType}"; only bearer tokens are supported`);
  return {
    accessToken: strings.access_token as string,
    expiresIn: expiresIn(body.expires_in, unusable),
    refreshToken: strings.refresh_token,
    scope: strings.scope,
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
  const challenge = headers.get('www-authenticate') ?? '';
  const error = challengeParameter(challenge, 'error');
  return error ? { error, description: challengeParameter(challenge, 'error_description') } : undefined;
}
