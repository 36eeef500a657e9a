// Which client authentication each grant of the template accepts: the password grant reads the
// application from the parameters (the template's resource_owner_from_credentials), the refresh and
// authorization-code grants also take HTTP Basic. The spec's choice, client_secret_post, is the one
// every grant accepts; the same client told to use Basic fails the password grant only.
import {
  client,
  clientCredentials,
  passwordCredentials,
  type FakeDoorkeeper,
  startFakeDoorkeeper,
} from '@oapi/fakes/klika';
import type { ClientAuthentication } from '@oapi/auth';
import { createProviderClient, type ProviderDescriptor } from '@oapi/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizationCodeGrant,
  createAuthorizationRequest,
  passwordGrant,
  provider,
  readAuthorizationCallback,
  refreshTokenGrant,
  security,
  type paths,
  unwrap,
} from '../src/index.js';

let server: FakeDoorkeeper;
beforeAll(async () => {
  server = await startFakeDoorkeeper();
});
afterAll(() => server.close());

/** Klika's descriptor with its whole security config, another client authentication for every grant. */
function withClientAuthentication(clientAuthentication: ClientAuthentication): ProviderDescriptor {
  const scheme = security.schemes.oauth2;
  return {
    ...provider,
    security: {
      ...provider.security,
      schemes: { oauth2: { ...scheme, tokenRequest: { ...scheme.tokenRequest, clientAuthentication } } },
    },
  };
}

async function freshCode(): Promise<{ code: string; redirectUri: string }> {
  const redirectUri = 'https://app.example.com/oauth/callback';
  const request = await createAuthorizationRequest({
    security,
    baseUrl: server.url,
    clientId: client.id,
    redirectUri,
  });
  const location = (await fetch(request.url, { redirect: 'manual' })).headers.get('location')!;
  return { code: readAuthorizationCallback(location, request).code, redirectUri };
}

async function refreshToken(): Promise<string> {
  const client = createProviderClient<paths>(provider, {
    baseUrl: server.url,
    auth: passwordGrant(passwordCredentials),
  });
  return (await client.auth!.tokens!.getToken()).refreshToken!;
}

const strategies = {
  password: async () => passwordGrant(passwordCredentials),
  refresh_token: async () => refreshTokenGrant({ refreshToken: await refreshToken(), ...clientCredentials }),
  authorization_code: async () => authorizationCodeGrant({ ...(await freshCode()), ...clientCredentials }),
};

describe.each(Object.entries(strategies))('klika %s grant', (_grant, strategy) => {
  it('authenticates the client with the parameters, as the spec says', async () => {
    const klika = createProviderClient<paths>(provider, { baseUrl: server.url, auth: await strategy() });
    unwrap(await klika.GET('/api/v1/countries'));
    const request = server.tokenRequests.at(-1)!;
    expect(request.body).toMatchObject({ client_id: client.id, client_secret: client.secret });
    expect(request.authorization).toBeUndefined();
  });
});

describe('klika with HTTP Basic client authentication instead', () => {
  const basic = withClientAuthentication('client_secret_basic');

  it.each(['refresh_token', 'authorization_code'] as const)('works for the %s grant', async (grant) => {
    const klika = createProviderClient<paths>(basic, { baseUrl: server.url, auth: await strategies[grant]() });
    unwrap(await klika.GET('/api/v1/countries'));
    const request = server.tokenRequests.at(-1)!;
    expect(request.authorization).toMatch(/^Basic /);
    expect(request.body.client_secret).toBeUndefined();
  });

  it('fails the password grant with invalid_grant: the template reads the application from the parameters', async () => {
    const klika = createProviderClient<paths>(basic, { baseUrl: server.url, auth: await strategies.password() });
    const error = await klika.GET('/api/v1/countries').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OAuthError', error: 'invalid_grant', status: 400 });
  });
});
