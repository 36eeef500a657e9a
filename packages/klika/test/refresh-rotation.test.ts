// Deferred refresh-token rotation, as the template's Doorkeeper does it (`previous_refresh_token`):
// a refresh answers a new pair without revoking the old refresh token; the first use of the new
// access token revokes it. The client keeps the newest refresh token either way, and a refresh whose
// reply was lost can be sent again with the one it still holds.
import { clientCredentials, passwordCredentials, type FakeDoorkeeper, startFakeDoorkeeper } from '@oapi/fakes/klika';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKlikaClient, passwordGrant, refreshTokenGrant, security, unwrap } from '../src/index.js';

let server: FakeDoorkeeper;
beforeAll(async () => {
  server = await startFakeDoorkeeper();
});
afterAll(() => server.close());

/** A refresh token as an app would hold it: from a password-grant sign-in, its access token used. */
async function heldRefreshToken(): Promise<string> {
  let refreshToken: string | undefined;
  const klika = createKlikaClient({
    baseUrl: server.url,
    auth: passwordGrant(passwordCredentials),
    onTokens: (tokens) => {
      refreshToken = tokens.refreshToken;
    },
  });
  unwrap(await klika.GET('/api/v1/countries'));
  return refreshToken!;
}

const refreshing = (refreshToken: string) =>
  createKlikaClient({ baseUrl: server.url, auth: refreshTokenGrant({ refreshToken, ...clientCredentials }) });

describe('klika refresh-token rotation (deferred)', () => {
  it('is what the spec says', () => {
    expect(security.schemes.oauth2).toMatchObject({ refreshTokenRotation: 'deferred' });
  });

  it('retries a refresh whose reply was lost with the same refresh token, and it works', async () => {
    const held = await heldRefreshToken();
    const klika = refreshing(held);
    server.loseNextTokenReply();
    const lost = await klika.GET('/api/v1/countries').catch((e: unknown) => e);
    expect(lost).toMatchObject({ name: 'AuthError', code: 'token_request_failed' });

    unwrap(await klika.GET('/api/v1/countries'));
    expect(server.tokenRequests.slice(-2).map((r) => r.body.refresh_token)).toEqual([held, held]);
  });

  it('revokes the old refresh token when the new access token is first used, not before', async () => {
    const held = await heldRefreshToken();
    const seen: string[] = [];
    const klika = createKlikaClient({
      baseUrl: server.url,
      auth: refreshTokenGrant({ refreshToken: held, ...clientCredentials }),
      onTokens: (tokens) => void seen.push(tokens.refreshToken!),
    });
    await klika.auth!.tokens!.getToken(); // refreshed; the new access token not used yet
    await refreshing(held).auth!.tokens!.getToken(); // so the old refresh token still works

    unwrap(await klika.GET('/api/v1/countries'));
    const stale = await refreshing(held)
      .auth!.tokens!.getToken()
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({ name: 'AuthError', code: 'reauthorization_required', status: 400 });

    server.expireAccessTokens();
    unwrap(await klika.GET('/api/v1/countries'));
    expect(server.tokenRequests.at(-1)!.body.refresh_token).toBe(seen[0]);
  });
});
