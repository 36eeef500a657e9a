// `POST /oauth/token` of Klika's template, written from what its code does (reference
// klika-rails-api.md §8 and its initializer) rather than from what our client sends: Rails merges
// query and body parameters (the query wins); Doorkeeper takes the client from HTTP Basic, else the
// parameters; the template's password grant looks the application up from the parameters alone;
// the grants table has no PKCE columns; the error status depends on the Doorkeeper version.
import { createHash } from 'node:crypto';
import type { AccessTokenRecord, DoorkeeperTokens } from './klika-tokens.js';

/** 4.4.3 is the build the published reference documents (c71804e); 5.3.3 is the template's HEAD. */
export type DoorkeeperVersion = '4.4.3' | '5.3.3';

export interface DoorkeeperApplication {
  readonly uid: string;
  readonly secret: string;
}

export interface DoorkeeperUser {
  readonly id: number;
  readonly email: string;
  readonly password: string;
}

export interface AuthorizationGrant {
  readonly userId: number;
  readonly applicationUid: string;
  readonly redirectUri: string;
  /** Kept only where the grants table has the PKCE columns. */
  readonly challenge: { readonly value: string; readonly method: string } | undefined;
}

export interface TokenEndpointState {
  readonly version: DoorkeeperVersion;
  /** The deployment added `code_challenge`/`code_challenge_method` to `oauth_access_grants` (5.x only). */
  readonly pkceColumns: boolean;
  readonly applications: readonly DoorkeeperApplication[];
  readonly users: readonly DoorkeeperUser[];
  readonly grants: Map<string, AuthorizationGrant>;
  readonly tokens: DoorkeeperTokens;
}

export interface TokenEndpointRequest {
  /** Query and body parameters merged as Rails merges them. */
  readonly params: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
}

export type TokenEndpointReply =
  | { readonly status: 200; readonly record: AccessTokenRecord }
  | { readonly status: 400 | 401; readonly error: string; readonly description: string };

/** `config/locales/doorkeeper.en.yml`. */
const descriptions: Readonly<Record<string, string>> = {
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  not_support_pkce: 'Invalid code_verifier parameter. Server does not support pkce.',
};

function refuse(state: TokenEndpointState, error: string, description = descriptions[error]!): TokenEndpointReply {
  // Doorkeeper 4.x answers every error 401; 5.x 401 for client errors only (`ErrorResponse#status`).
  const status = state.version === '4.4.3' || error === 'invalid_client' ? 401 : 400;
  return { status, error, description };
}

const missing = (state: TokenEndpointState, name: string) =>
  refuse(state, 'invalid_request', `Missing required parameter: ${name}.`);

/** `client_credentials :from_basic, :from_params` (Doorkeeper's default order). */
function clientCredentials(request: TokenEndpointRequest): DoorkeeperApplication | undefined {
  const basic = /^Basic (.+)$/i.exec(request.authorization ?? '')?.[1];
  if (basic) {
    const [uid = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':', 2);
    return { uid: decodeURIComponent(uid), secret: decodeURIComponent(secret) };
  }
  const { client_id: uid, client_secret: secret } = request.params;
  return uid ? { uid, secret: secret ?? '' } : undefined;
}

const findApplication = (state: TokenEndpointState, credentials: DoorkeeperApplication | undefined) =>
  state.applications.find((a) => a.uid === credentials?.uid && a.secret === credentials?.secret);

/** Doorkeeper's `grant_type` dispatch, then the grant's own validations in Doorkeeper's order. */
export function tokenEndpoint(state: TokenEndpointState, request: TokenEndpointRequest): TokenEndpointReply {
  const { params } = request;
  const credentials = clientCredentials(request);
  const application = findApplication(state, credentials);
  switch (params.grant_type) {
    case 'password': {
      if (credentials && !application) return refuse(state, 'invalid_client');
      // The template's resource_owner_from_credentials: Application.by_uid_and_secret(params…).
      const fromParams = findApplication(state, { uid: params.client_id ?? '', secret: params.client_secret ?? '' });
      const user = state.users.find((u) => u.email === params.username && u.password === params.password);
      if (!fromParams || !user) return refuse(state, 'invalid_grant');
      return { status: 200, record: state.tokens.issue(user.id, fromParams.uid) };
    }
    case 'refresh_token': {
      if (!params.refresh_token) return missing(state, 'refresh_token');
      const old = state.tokens.byRefreshToken(params.refresh_token);
      if (!old || old.revoked) return refuse(state, 'invalid_grant');
      if (credentials && !application) return refuse(state, 'invalid_client');
      if (application?.uid !== old.applicationUid) return refuse(state, 'invalid_grant');
      // `refresh_token_revoked_on_use?`: the old refresh token stays valid until the new access token is used.
      return { status: 200, record: state.tokens.issue(old.userId, old.applicationUid, old.refreshToken) };
    }
    case 'authorization_code':
      return codeExchange(state, params, application);
    case undefined:
    case '':
      return missing(state, 'grant_type');
    default:
      return refuse(state, 'unsupported_grant_type');
  }
}

function codeExchange(
  state: TokenEndpointState,
  params: Readonly<Record<string, string>>,
  application: DoorkeeperApplication | undefined,
): TokenEndpointReply {
  const grant = state.grants.get(params.code ?? '');
  const pkce = state.version !== '4.4.3' && state.pkceColumns;
  // 4.4.3 predates PKCE and ignores the parameter; 5.x refuses it when the table lacks the columns.
  if (state.version !== '4.4.3' && !pkce && grant && params.code_verifier)
    return refuse(state, 'invalid_request', descriptions.not_support_pkce);
  if (!params.code) return missing(state, 'code');
  if (!params.redirect_uri) return missing(state, 'redirect_uri');
  if (!application) return refuse(state, 'invalid_client');
  if (!grant || grant.applicationUid !== application.uid || grant.redirectUri !== params.redirect_uri)
    return refuse(state, 'invalid_grant');
  if (pkce && grant.challenge && !params.code_verifier) return missing(state, 'code_verifier');
  if (pkce && !verifies(grant.challenge, params.code_verifier)) return refuse(state, 'invalid_grant');
  // A grant is spent only by a successful exchange: a refused one can be tried again.
  state.grants.delete(params.code!);
  return { status: 200, record: state.tokens.issue(grant.userId, grant.applicationUid) };
}

function verifies(challenge: AuthorizationGrant['challenge'], verifier: string | undefined): boolean {
  if (!challenge) return verifier === undefined;
  if (verifier === undefined) return false;
  const derived = challenge.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge.value;
}
