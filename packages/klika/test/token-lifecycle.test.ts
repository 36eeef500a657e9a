// Against a stateful fake Doorkeeper: the 60-second token expires and is refreshed, the newest
// refresh token is kept, the access token travels in the header, an access token the API refuses is
// replaced once, and errors are typed and secret-free.
import { secretsIn } from '@oapi/test-support';
import { client, passwordCredentials, users, startFakeDoorkeeper, type FakeDoorkeeper } from '@oapi/fakes/klika';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bearerToken,
  createKlikaClient,
  passwordGrant,
  UnauthorizedError,
  unwrap,
  ValidationError,
} from '../src/index.js';

let server: FakeDoorkeeper;
const amina = users[0]!;
const credentials = passwordCredentials;

beforeAll(async () => {
  server = await startFakeDoorkeeper();
});
afterAll(() => server.close());
beforeEach(() => {
  server.tokenRequests.length = 0;
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:00Z') });
});
afterEach(() => vi.useRealTimers());

describe('klika token lifecycle', () => {
  it('sends the password grant as the reference does: grant_type in the query, credentials in a JSON body', async () => {
    const klika = createKlikaClient({ baseUrl: server.url, auth: passwordGrant(credentials) });
    unwrap(await klika.GET('/api/v1/countries'));
    const [request] = server.tokenRequests;
    expect(request?.query.get('grant_type')).toBe('password');
    expect([...request!.query.keys()]).toEqual(['grant_type']);
    expect(request?.contentType).toBe('application/json');
    expect(request?.body).toEqual({
      username: amina.email,
      password: amina.password,
      client_id: client.id,
      client_secret: client.secret,
    });
  });

  it('reuses the token while it is fresh and refreshes it before its 60 seconds are up', async () => {
    const seen: string[] = [];
    const klika = createKlikaClient({
      baseUrl: server.url,
      auth: passwordGrant(credentials),
      onTokens: (t) => void seen.push(t.refreshToken!),
    });
    unwrap(await klika.GET('/api/v1/countries'));
    vi.setSystemTime(Date.now() + 30_000);
    unwrap(await klika.GET('/api/v1/countries'));
    expect(server.tokenRequests).toHaveLength(1);

    vi.setSystemTime(Date.now() + 25_000); // 55 s: inside the 6 s margin
    unwrap(await klika.GET('/api/v1/countries'));
    expect(server.tokenRequests.map((r) => r.query.get('grant_type'))).toEqual(['password', 'refresh_token']);
    expect(server.tokenRequests[1]?.body.refresh_token).toBe(seen[0]);

    vi.setSystemTime(Date.now() + 61_000);
    unwrap(await klika.GET('/api/v1/countries'));
    // Rotation: each refresh uses the newest refresh token, never an old one.
    expect(server.tokenRequests[2]?.body.refresh_token).toBe(seen[1]);
    expect(new Set(seen).size).toBe(3);
  });

  it('sends the access token in the header, never as the access_token parameter Doorkeeper also reads', async () => {
    let accessToken = '';
    const klika = createKlikaClient({
      baseUrl: server.url,
      auth: passwordGrant(credentials),
      onTokens: (tokens) => {
        accessToken = tokens.accessToken;
      },
    });
    unwrap(await klika.GET('/api/v1/countries'));
    expect(server.apiRequests.at(-1)).toEqual({ path: '/api/v1/countries', tokenFrom: 'header' });
    // The template would have taken it from the URL too: the client must not rely on that.
    const inUrl = await fetch(`${server.url}/api/v1/countries?access_token=${accessToken}`);
    expect(inUrl.status).toBe(200);
    expect(server.apiRequests.at(-1)?.tokenFrom).toBe('access_token');
  });

  it('returns the token owner from /api/v1/users/{id}, whatever the id', async () => {
    const klika = createKlikaClient({ baseUrl: server.url, auth: passwordGrant(credentials) });
    const user = unwrap(await klika.GET('/api/v1/users/{id}', { params: { path: { id: 999 } } }));
    expect(user).toMatchObject({ id: amina.id, email: amina.email });
  });

  it('gets a new token and replays the request once when the API refuses the token', async () => {
    const klika = createKlikaClient({ baseUrl: server.url, auth: passwordGrant(credentials) });
    unwrap(await klika.GET('/api/v1/countries'));
    server.expireAccessTokens();
    const { data, response } = await klika.GET('/api/v1/countries');
    expect(response.status).toBe(200);
    expect(data?.countries).toHaveLength(2);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('throws a typed UnauthorizedError for a token nobody can refresh, with the challenge', async () => {
    const klika = createKlikaClient({ baseUrl: server.url, auth: bearerToken('not-a-valid-token-123') });
    const error = await klika
      .GET('/api/v1/countries')
      .then(unwrap, (e: unknown) => e)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).status).toBe(401);
    expect((error as UnauthorizedError).challenge).toMatch(/invalid_token/);
    expect((error as Error).message).toMatch(/^GET \/api\/v1\/countries answered 401/);
    expect(secretsIn(error, ['not-a-valid-token-123'])).toEqual([]);
  });

  it('throws a typed ValidationError with the 422 body on sign-up', async () => {
    const klika = createKlikaClient({ baseUrl: server.url });
    const error = await klika
      .POST('/api/v1/users', { body: { user: { email: amina.email, password: 'whatever-123' } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).body).toEqual({ email: ['has already been taken'] });
    expect(secretsIn(error, ['whatever-123'])).toEqual([]);
  });
});
