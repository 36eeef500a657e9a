// Each provider's stateful fake (@oapi/fakes, written from the references) as the wiring test drives
// it: where its API and its token endpoint are, a call that needs a token, the token requests it
// received, and what a user gets from it first (a refresh token, an authorization code).
import { account, oauthClient, startFakeCloudcx, validApiKey } from '@oapi/fakes/cloudcx';
import { client as klikaClient, users as klikaUsers, startFakeDoorkeeper } from '@oapi/fakes/klika';
import { accountToken as wootricAccount, startFakeWootric } from '@oapi/fakes/wootric';
import { accountToken as cxiAccount, startFakeCxi } from '@oapi/fakes/wootric-cxi';
import { apiClient, owner, type TokenRequestRecord } from '@oapi/fakes/wootric-oauth';

export { account, apiClient, cxiAccount, klikaClient, klikaUsers, oauthClient, owner, validApiKey, wootricAccount };

/** Every credential the fakes know: none may appear in a URL. */
export const secrets = [owner.password, apiClient.secret, account.password, oauthClient.secret, klikaClient.secret];

export interface ProviderWorld {
  /** The API's base URL, and the token endpoint's (CXI's tokens come from the main Wootric host). */
  readonly api: string;
  readonly token: string;
  /** A GET on the API that needs an access token. */
  readonly apiPath: string;
  readonly tokenRequests: () => readonly TokenRequestRecord[];
  /** A refresh token, from a password grant sent as the provider's reference shows it. */
  refreshToken(): Promise<string>;
  close(): Promise<void>;
}

async function refreshTokenOf(response: Promise<Response>): Promise<string> {
  const answer = await response;
  if (!answer.ok) throw new Error(`the fake refused the password grant: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { refresh_token: string }).refresh_token;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

const wootricRefresh = (token: string, accountToken: string) => () =>
  refreshTokenOf(
    fetch(
      `${token}/oauth/token?account_token=${accountToken}`,
      form({ grant_type: 'password', username: owner.username, password: owner.password }),
    ),
  );

export const worlds: Readonly<Record<string, () => Promise<ProviderWorld>>> = {
  klika: async () => {
    const fake = await startFakeDoorkeeper();
    return {
      api: fake.url,
      token: fake.url,
      apiPath: '/api/v1/countries',
      tokenRequests: () => fake.tokenRequests,
      refreshToken: () =>
        refreshTokenOf(
          fetch(`${fake.url}/oauth/token?grant_type=password`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              username: klikaUsers[0]!.email,
              password: klikaUsers[0]!.password,
              client_id: klikaClient.id,
              client_secret: klikaClient.secret,
            }),
          }),
        ),
      close: () => fake.close(),
    };
  },
  wootric: async () => {
    const fake = await startFakeWootric();
    return {
      api: fake.url,
      token: fake.url,
      apiPath: '/v1/segments',
      tokenRequests: () => fake.oauth.tokenRequests,
      refreshToken: wootricRefresh(fake.url, wootricAccount),
      close: () => fake.close(),
    };
  },
  'wootric-cxi': async () => {
    const fake = await startFakeCxi();
    fake.onboarded = true;
    return {
      api: fake.api.url,
      token: fake.tokenHost.url,
      apiPath: '/v1/tags',
      tokenRequests: () => fake.oauth.tokenRequests,
      refreshToken: wootricRefresh(fake.tokenHost.url, cxiAccount),
      close: () => fake.close(),
    };
  },
  cloudcx: async () => {
    const fake = await startFakeCloudcx({ issueRefreshTokens: true });
    return {
      api: fake.url,
      token: fake.url,
      apiPath: '/openapi/v2/user/page',
      tokenRequests: () => fake.tokenRequests.map((r) => ({ ...r, query: new URLSearchParams(r.query), body: r.body })),
      refreshToken: () =>
        refreshTokenOf(
          fetch(
            `${fake.url}/oauth/token`,
            form({
              grant_type: 'password',
              username: account.username,
              password: account.password,
              client_id: oauthClient.id,
              client_secret: oauthClient.secret,
            }),
          ),
        ),
      close: () => fake.close(),
    };
  },
};

/** Klika: an authorization code, as the signed-in user's approval redirects with it. */
export async function klikaCode(world: ProviderWorld, redirectUri: string): Promise<string> {
  const authorize = new URL('/oauth/authorize', world.api);
  authorize.search = new URLSearchParams({
    client_id: klikaClient.id,
    response_type: 'code',
    redirect_uri: redirectUri,
  }).toString();
  const answer = await fetch(authorize, { redirect: 'manual' });
  return new URL(answer.headers.get('location')!).searchParams.get('code')!;
}
