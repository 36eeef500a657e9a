// The one table of the OAuth 2 grants this package runs. The `GrantType` union, which flow of a
// spec's oauth2 scheme each grant belongs to, which strategy function makes it, the grant keys a
// spec's `x-token-request` may use (codegen) and the grant table of the docs all derive from it.

// A row per grant, the table below joining them: each strategy factory reads its own row, so a
// client's bundle carries the rows of the strategies it uses, not the whole table.
export const passwordRow = { flow: 'password', strategy: 'passwordGrant', title: 'Password grant' } as const;
export const clientCredentialsRow = {
  flow: 'clientCredentials',
  strategy: 'clientCredentialsGrant',
  title: 'Client credentials grant',
} as const;
export const authorizationCodeRow = {
  flow: 'authorizationCode',
  strategy: 'authorizationCodeGrant',
  title: 'Authorization code grant',
} as const;
// No flow of its own: it refreshes tokens of the flow that has a `refreshUrl`.
export const refreshTokenRow = {
  flow: undefined,
  strategy: 'refreshTokenGrant',
  title: 'A refresh token you already hold',
} as const;

export const grants = {
  password: passwordRow,
  client_credentials: clientCredentialsRow,
  authorization_code: authorizationCodeRow,
  refresh_token: refreshTokenRow,
} as const;

/** An RFC 6749 `grant_type` this package can request. */
export type GrantType = keyof typeof grants;

// Pure: a bundle that uses no grant (a static credential) drops the table.
export const grantTypes = /* @__PURE__ */ Object.keys(grants) as readonly GrantType[];

/** The flows of an OpenAPI oauth2 scheme that a grant of the table runs. */
export type GrantFlow = NonNullable<(typeof grants)[GrantType]['flow']>;

/** The credentials used as they are, with no token endpoint. */
export const staticStrategies = {
  bearerToken: { title: 'An access token obtained elsewhere' },
  apiKey: { title: 'API key' },
} as const;

/** The name of a strategy factory exported by this package (and re-exported by each client). */
export type StrategyName = (typeof grants)[GrantType]['strategy'] | keyof typeof staticStrategies;

/** The grant that runs an OpenAPI flow (`clientCredentials` → `client_credentials`). */
export function grantOfFlow(flow: string): GrantType | undefined {
  return grantTypes.find((grant) => grants[grant].flow === flow);
}
