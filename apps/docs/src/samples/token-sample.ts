// The token endpoint's samples are not built from the body examples: they send what `x-token-request`
// says the provider wants for the grant a reader starts with, exactly where it says (grant_type in
// the query or the body, token parameters such as `account_token` in the query, the client's
// credentials in the body or as HTTP Basic), in its content type.
import { type GrantType, grants, type OAuth2SchemeConfig, shapeFor } from '@oapi/auth';
import type { Provider } from '../providers.js';
import { readerValue, EnvRef, envName } from './placeholders.js';
import type { SampleRequest } from './sample-request.js';

/** What each grant sends besides `grant_type` and the client's credentials (RFC 6749 §4.1.3, §4.3.2, §6). */
const grantParameters: Readonly<Record<GrantType, readonly string[]>> = {
  password: ['username', 'password'],
  client_credentials: [],
  authorization_code: ['code', 'redirect_uri'],
  refresh_token: ['refresh_token'],
};

/** The grant a token sample shows: the first of these the spec has a flow for. */
const samplePreference: readonly GrantType[] = ['password', 'client_credentials', 'authorization_code'];

function oauthScheme(provider: Provider): OAuth2SchemeConfig | undefined {
  return Object.values(provider.security.schemes).find((s): s is OAuth2SchemeConfig => s.type === 'oauth2');
}

const pathOf = (url: string) => new URL(url, 'https://host.invalid').pathname;

/** The paths of the provider's token and refresh URLs. */
export function tokenEndpointPaths(provider: Provider): Set<string> {
  const flows = Object.values(oauthScheme(provider)?.flows ?? {});
  return new Set(
    flows.flatMap((flow) =>
      flow && 'tokenUrl' in flow ? [pathOf(flow.tokenUrl), ...(flow.refreshUrl ? [pathOf(flow.refreshUrl)] : [])] : [],
    ),
  );
}

/** The grant the token sample requests. */
export function sampleGrant(provider: Provider): GrantType | undefined {
  const scheme = oauthScheme(provider);
  return samplePreference.find((grant) => {
    const flow = grants[grant].flow;
    return flow !== undefined && scheme?.flows[flow] !== undefined;
  });
}

export function tokenRequestParts(provider: Provider): Pick<SampleRequest, 'query' | 'body' | 'basicAuth'> | undefined {
  const scheme = oauthScheme(provider);
  const grant = sampleGrant(provider);
  if (!scheme || !grant) return undefined;
  const shape = shapeFor(scheme.tokenRequest, grant);
  const reader = (name: string) => readerValue(provider, name) ?? new EnvRef(envName(provider, name));
  const query: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  (shape.grantTypeIn === 'query' ? query : body).grant_type = grant;
  for (const name of grantParameters[grant]) body[name] = reader(name);
  for (const name of new Set([...shape.queryParameters, ...shape.requiredParameters]))
    (shape.queryParameters.includes(name) ? query : body)[name] = reader(name);
  const basic = shape.clientAuthentication === 'client_secret_basic';
  if (shape.clientAuthentication === 'client_secret_post') {
    body.client_id = reader('client_id');
    body.client_secret = reader('client_secret');
  }
  const json = shape.contentType === 'application/json';
  return {
    query,
    body: { mediaType: shape.contentType, encoding: json ? 'json' : 'form', rails: false, value: body },
    ...(basic ? { basicAuth: { user: reader('client_id'), password: reader('client_secret') } } : {}),
  };
}
