// oauth2-mock-server (a real OAuth 2.0 server, on loopback) as the authorization server, and the
// fake provider's `/echo` as the API, accepting exactly the access tokens the mock issued.
import { OAuth2Server } from 'oauth2-mock-server';
import type { SecurityConfig, TokenRequestConfig } from '../src/index.js';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';
import { oauth2Scheme, securityWith } from './helpers.js';

export interface MockAuthorizationServer {
  readonly server: OAuth2Server;
  /** The mock's origin, `http://localhost:<port>`. */
  readonly issuer: string;
  readonly api: FakeProvider;
  /** Every token request the mock answered: its grant_type, body fields and Authorization header. */
  readonly tokenRequests: Array<{
    grantType: string;
    fields: Record<string, string>;
    authorization: string | undefined;
  }>;
  security(tokenRequest?: Partial<TokenRequestConfig>): SecurityConfig;
  close(): Promise<void>;
}

export async function startMockAuthorizationServer(): Promise<MockAuthorizationServer> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url!;
  const api = await startFakeProvider();
  const tokenRequests: MockAuthorizationServer['tokenRequests'] = [];
  server.service.on(
    'beforeResponse',
    (
      response: { body: Record<string, unknown>; statusCode: number },
      req: { body: Record<string, string>; headers: Record<string, string | undefined> },
    ) => {
      tokenRequests.push({
        grantType: req.body.grant_type ?? '',
        fields: { ...req.body },
        authorization: req.headers.authorization,
      });
      if (typeof response.body.access_token === 'string') api.validTokens.add(response.body.access_token);
    },
  );
  return {
    server,
    issuer,
    api,
    tokenRequests,
    security: (tokenRequest = {}) =>
      securityWith(
        oauth2Scheme({
          flows: {
            password: { tokenUrl: `${issuer}/token`, refreshUrl: `${issuer}/token`, scopes: {} },
            clientCredentials: { tokenUrl: `${issuer}/token`, scopes: {} },
            authorizationCode: {
              authorizationUrl: `${issuer}/authorize`,
              tokenUrl: `${issuer}/token`,
              refreshUrl: `${issuer}/token`,
              scopes: {},
              pkce: true,
            },
          },
          tokenRequest,
        }),
      ),
    close: async () => {
      await server.stop();
      await api.close();
    },
  };
}

/** The claims of a JWT, unverified (the mock signed it; the test only reads what it says). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** What a browser does with the authorize URL: follow the mock's redirect to the redirect URI. */
export async function browse(authorizeUrl: URL): Promise<Response> {
  const redirect = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = redirect.headers.get('location');
  if (redirect.status !== 302 || !location) throw new Error(`the authorize endpoint answered ${redirect.status}`);
  return fetch(location);
}
