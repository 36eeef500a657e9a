// The template's token errors depend on its Doorkeeper: the documented build (4.4.3) answers 401 for
// every error, the template's HEAD (5.3.3) 400 for invalid_grant/invalid_request and 401 for
// invalid_client. The client reads the `error` code, so it behaves the same against both.
import { secretsIn } from '@oapi/test-support';
import {
  client,
  clientCredentials,
  passwordCredentials,
  users,
  type DoorkeeperVersion,
  type FakeDoorkeeper,
  startFakeDoorkeeper,
} from '@oapi/fakes/klika';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKlikaClient, passwordGrant, refreshTokenGrant, unwrap } from '../src/index.js';

const amina = users[0]!;
const credentials = passwordCredentials;

describe.each<[DoorkeeperVersion, number]>([
  ['4.4.3', 401],
  ['5.3.3', 400],
])('klika against Doorkeeper %s', (doorkeeper, grantErrorStatus) => {
  let server: FakeDoorkeeper;
  beforeAll(async () => {
    server = await startFakeDoorkeeper({ doorkeeper });
  });
  afterAll(() => server.close());

  const klika = (auth: ReturnType<typeof passwordGrant>) => createKlikaClient({ baseUrl: server.url, auth });

  it(`refuses a wrong password with invalid_grant and ${grantErrorStatus}, without the password`, async () => {
    const error = await klika(passwordGrant({ ...credentials, password: 'wrong-password-xyz' }))
      .GET('/api/v1/countries')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OAuthError', error: 'invalid_grant', status: grantErrorStatus });
    expect(secretsIn(error, ['wrong-password-xyz', client.secret])).toEqual([]);
  });

  it('refuses a wrong client secret with invalid_client and 401', async () => {
    const error = await klika(passwordGrant({ ...credentials, clientSecret: 'wrong-secret-abc' }))
      .GET('/api/v1/countries')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OAuthError', error: 'invalid_client', status: 401 });
    expect(secretsIn(error, ['wrong-secret-abc', amina.password])).toEqual([]);
  });

  it('asks for a new sign-in when a held refresh token is refused, whatever the status', async () => {
    const error = await klika(refreshTokenGrant({ refreshToken: 'f'.repeat(64), ...clientCredentials }))
      .GET('/api/v1/countries')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthError', code: 'reauthorization_required', status: grantErrorStatus });
  });

  it('falls back to the password grant when its refresh token is refused', async () => {
    let refreshToken = '';
    const first = createKlikaClient({
      baseUrl: server.url,
      auth: passwordGrant(credentials),
      onTokens: (tokens) => {
        refreshToken = tokens.refreshToken!;
      },
    });
    unwrap(await first.GET('/api/v1/countries'));
    // Another holder of the same refresh token refreshes and uses the new access token: it is revoked.
    unwrap(await klika(refreshTokenGrant({ refreshToken, ...clientCredentials })).GET('/api/v1/countries'));

    server.expireAccessTokens();
    const before = server.tokenRequests.length;
    unwrap(await first.GET('/api/v1/countries'));
    expect(server.tokenRequests.slice(before).map((r) => r.query.get('grant_type'))).toEqual([
      'refresh_token',
      'password',
    ]);
  });
});
