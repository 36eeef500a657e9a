// The token request is built here rather than by oauth4webapi's request helpers because the
// providers depart from RFC 6749 in ways those helpers cannot express: Klika takes JSON bodies and
// documents `grant_type` in the query string, Wootric wants `account_token` in the query. What each
// provider wants is read from its spec (`x-token-request`); replies are checked in
// token-response.ts.
import type { ClientCredentials } from './strategies.js';
import type { GrantType } from './grants.js';
import type { TokenRequestConfig, TokenRequestShape } from './security-config.js';

/** Names that must never travel in a URL, whatever a spec says (redact.ts hides the same in excerpts). */
export const neverInUrl =
  /^(?:access_token|refresh_token|client_secret|password|code|code_verifier|assertion|username)$/;

/** How one grant's token request is sent: the scheme-wide shape with the grant's overrides. */
export function shapeFor(config: TokenRequestConfig, grantType: GrantType): TokenRequestShape {
  const { grants, ...shape } = config;
  return { ...shape, ...grants[grantType] };
}

export interface TokenRequestInput {
  readonly tokenUrl: URL;
  readonly shape: TokenRequestShape;
  readonly grantType: GrantType;
  /** The grant's parameters; the client's are added per `shape.clientAuthentication`. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly client: ClientCredentials | undefined;
}

/** The application/x-www-form-urlencoded serialisation of one value, as RFC 6749 §2.3.1 asks. */
const formEncode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);

export function buildTokenRequest({ tokenUrl, shape, grantType, parameters, client }: TokenRequestInput): Request {
  const url = new URL(tokenUrl);
  const body: Record<string, string> = {};
  const headers = new Headers({ accept: 'application/json', 'content-type': shape.contentType });

  if (shape.grantTypeIn === 'query') url.searchParams.set('grant_type', grantType);
  else body.grant_type = grantType;

  for (const [name, value] of Object.entries(parameters)) {
    if (shape.queryParameters.includes(name)) {
      if (neverInUrl.test(name))
        throw new TypeError(`Refusing to send "${name}" in the token URL: credentials travel in the body.`);
      url.searchParams.set(name, value);
    } else {
      body[name] = value;
    }
  }

  if (client && shape.clientAuthentication === 'client_secret_basic' && client.clientSecret !== undefined) {
    // RFC 6749 §2.3.1: both halves form-encoded before base64.
    const basic = btoa(`${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`);
    headers.set('authorization', `Basic ${basic}`);
  } else if (client && shape.clientAuthentication !== 'none') {
    body.client_id = client.clientId;
    if (client.clientSecret !== undefined) body.client_secret = client.clientSecret;
  }

  const encoded =
    shape.contentType === 'application/json' ? JSON.stringify(body) : new URLSearchParams(body).toString();
  // A redirect would resend the credentials to wherever it points (307/308 keep the body): not followed.
  return new Request(url, { method: 'POST', headers, body: encoded, redirect: 'manual' });
}
