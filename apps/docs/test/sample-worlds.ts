// Each provider as a reader of the docs meets it: the real hosts (from the references, not from the
// samples), the environment variables the reader sets, and an account on the provider's stateful
// fake. Fakes are started fresh for every sample, so one sample's writes never decide another's
// answer.
import { account, oauthClient, routes as cloudcxRoutes, startFakeCloudcx } from '@oapi/fakes/cloudcx';
import { client, routes as klikaRoutes, startFakeDoorkeeper, users } from '@oapi/fakes/klika';
import { startFakeWootric, accountToken as wootricAccount, routes as wootricRoutes } from '@oapi/fakes/wootric';
import { startFakeCxi, accountToken as cxiAccount, routes as cxiRoutes } from '@oapi/fakes/wootric-cxi';
import { owner } from '@oapi/fakes/wootric-oauth';
import { curlRequest, forwardTo, type SampleRouter } from '@oapi/test-support';
import { expect } from 'vitest';
import type { OperationSamples } from '../src/code-samples.js';

export interface World {
  /** Where the API and its token endpoint really are. */
  readonly origins: { readonly api: string; readonly token: string };
  /** What the reader sets: hosts, credentials, account tokens (the fakes' account). */
  readonly env: Readonly<Record<string, string>>;
  /** `METHOD /path/{id}` of the operations the fake answers as the provider would, token endpoint included. */
  readonly modelled: readonly string[];
  /** Starts the fakes: the server behind each origin. */
  start(): Promise<{ readonly fakes: Readonly<Record<string, string>>; close(): Promise<void> }>;
}

const tokenRoute = 'POST /oauth/token';
const klika = 'https://klika.example.test';
// The references: Wootric's REST API and its token endpoint on the account's regional host (US for
// this account); CXI on cxi-api.wootric.com with its tokens from the main host.
const wootric = 'https://api.wootric.com';
const cxi = 'https://cxi-api.wootric.com';
const cloudcx = 'https://cloudcx.example.test';

export const worlds: Readonly<Record<string, World>> = {
  klika: {
    origins: { api: klika, token: klika },
    env: {
      KLIKA_HOST: new URL(klika).host,
      KLIKA_USERNAME: users[0]!.email,
      KLIKA_PASSWORD: users[0]!.password,
      KLIKA_CLIENT_ID: client.id,
      KLIKA_CLIENT_SECRET: client.secret,
    },
    modelled: klikaRoutes,
    start: async () => {
      const fake = await startFakeDoorkeeper();
      return { fakes: { [klika]: fake.url }, close: () => fake.close() };
    },
  },
  wootric: {
    origins: { api: wootric, token: wootric },
    env: { WOOTRIC_ACCOUNT_TOKEN: wootricAccount, WOOTRIC_USERNAME: owner.username, WOOTRIC_PASSWORD: owner.password },
    modelled: wootricRoutes,
    start: async () => {
      const fake = await startFakeWootric({ historicalEditing: true });
      return { fakes: { [wootric]: fake.url }, close: () => fake.close() };
    },
  },
  'wootric-cxi': {
    origins: { api: cxi, token: wootric },
    env: {
      WOOTRIC_CXI_ACCOUNT_TOKEN: cxiAccount,
      WOOTRIC_CXI_USERNAME: owner.username,
      WOOTRIC_CXI_PASSWORD: owner.password,
    },
    modelled: [...cxiRoutes, tokenRoute],
    start: async () => {
      const fake = await startFakeCxi({ responses: 3, tags: 2 });
      fake.onboarded = true;
      return { fakes: { [cxi]: fake.api.url, [wootric]: fake.tokenHost.url }, close: () => fake.close() };
    },
  },
  cloudcx: {
    origins: { api: cloudcx, token: cloudcx },
    env: {
      CLOUDCX_HOST: new URL(cloudcx).host,
      CLOUDCX_USERNAME: account.username,
      CLOUDCX_PASSWORD: account.password,
      CLOUDCX_CLIENT_ID: oauthClient.id,
      CLOUDCX_CLIENT_SECRET: oauthClient.secret,
    },
    modelled: cloudcxRoutes,
    start: async () => {
      const fake = await startFakeCloudcx();
      return { fakes: { [cloudcx]: fake.url }, close: () => fake.close() };
    },
  },
};

/** Runs `body` with the world's fakes routed on `router` and the reader's environment, then stops them. */
export async function inWorld<T>(
  world: World,
  router: SampleRouter,
  body: (env: Record<string, string>) => Promise<T>,
): Promise<T> {
  const started = await world.start();
  for (const [origin, url] of Object.entries(started.fakes)) router.route(origin, forwardTo(url));
  try {
    return await body({ ...world.env });
  } finally {
    router.reset();
    await started.close();
  }
}

/** Runs the token endpoint's curl sample, as the reader would first, and keeps its access token for `s`. */
export async function signIn(
  router: SampleRouter,
  env: Record<string, string>,
  token: OperationSamples,
  s: OperationSamples,
): Promise<void> {
  const credential = s.request.credential;
  if (!credential) return;
  const answer = await router.fetch(curlRequest(token.curl, { env }));
  expect(answer.status, `${token.name}: ${await answer.clone().text()}`).toBe(200);
  env[credential.value.name] = ((await answer.json()) as { access_token: string }).access_token;
  router.requests.length = 0;
}
