// One call per client, as a user of the installed package writes it, against that provider's
// stateful fake; and the error classes a failed call throws, checked with `instanceof` against the
// classes the same module exports. The code is JavaScript run in the consumer's runtime (Node ESM,
// Node CommonJS, a browser bundle) with `m`, the client module, and `hosts`, where the fake answers.
// The clients are the APIs of redocly.yaml: a provider without a fake of its own here gets the
// scenario its spec implies (spec-scenario.ts), so a new provider is tested as installed at once.
import { listApis, readBundledSpec } from '@oapi/api-list';
import { account, oauthClient, startFakeCloudcx, validApiKey } from '@oapi/fakes/cloudcx';
import { client as klikaClient, startFakeDoorkeeper, users } from '@oapi/fakes/klika';
import { accountToken as wootricAccount, startFakeWootric } from '@oapi/fakes/wootric';
import { accountToken as cxiAccount, startFakeCxi } from '@oapi/fakes/wootric-cxi';
import { owner } from '@oapi/fakes/wootric-oauth';
import { repoRoot } from '../support/workspace.js';
import { specScenario } from './spec-scenario.js';

export interface Hosts {
  /** The API's base URL. */
  readonly api: string;
  /** The base URL of the token endpoint's host (CXI tokens come from the main Wootric host). */
  readonly token: string;
}

export interface RunningFake {
  readonly hosts: Hosts;
  close(): Promise<void>;
}

export interface Scenario {
  /** The client package: `@oapi/klika`. */
  readonly name: string;
  start(): Promise<RunningFake>;
  /** An async function body: an authenticated call, returning what it read. */
  readonly call: string;
  readonly expected: unknown;
  /** An async function body: failed calls, returning `instanceof` checks of what they threw. */
  readonly errors: string;
  readonly expectedErrors: unknown;
}

const js = (value: unknown) => JSON.stringify(value);

/** Tries `call` (an expression), returning what it threw. */
const thrown = (call: string) => `await (async () => { try { await ${call}; } catch (e) { return e; } })()`;

const oneHost = (server: { url: string; close(): Promise<void> }): RunningFake => ({
  hosts: { api: server.url, token: server.url },
  close: () => server.close(),
});

/** The scenarios with a provider's own stateful fake, by API id. */
const providerScenarios: Readonly<Record<string, Scenario>> = {
  klika: {
    name: '@oapi/klika',
    start: async () => oneHost(await startFakeDoorkeeper()),
    call: `
      const credentials = ${js({ username: users[0]!.email, password: users[0]!.password, clientId: klikaClient.id, clientSecret: klikaClient.secret })};
      const klika = m.createKlikaClient({ baseUrl: hosts.api, auth: m.passwordGrant(credentials) });
      const { countries } = m.unwrap(await klika.GET('/api/v1/countries'));
      return countries.map((country) => country.code);`,
    expected: ['AF', 'BA'],
    errors: `
      const credentials = ${js({ username: users[0]!.email, password: 'not-the-password', clientId: klikaClient.id, clientSecret: klikaClient.secret })};
      const refused = ${thrown('m.createKlikaClient({ baseUrl: hosts.api, auth: m.passwordGrant(credentials) }).GET("/api/v1/countries")')};
      const unauthorized = ${thrown('m.createKlikaClient({ baseUrl: hosts.api, auth: m.bearerToken("not-a-token") }).GET("/api/v1/countries").then(m.unwrap)')};
      return [refused instanceof m.OAuthError, refused instanceof m.AuthError, refused.error,
        unauthorized instanceof m.UnauthorizedError, unauthorized instanceof m.ApiError, unauthorized.status];`,
    expectedErrors: [true, true, 'invalid_grant', true, true, 401],
  },
  wootric: {
    name: '@oapi/wootric',
    start: async () => oneHost(await startFakeWootric()),
    call: `
      const wootric = m.createWootricClient({ baseUrl: hosts.api, accountToken: ${js(wootricAccount)}, auth: m.passwordGrant(${js(owner)}) });
      return m.unwrap(await wootric.GET('/v1/segments')).map((segment) => segment.name);`,
    expected: ['plan'],
    errors: `
      const client = (auth) => m.createWootricClient({ baseUrl: hosts.api, accountToken: ${js(wootricAccount)}, auth, retry: false });
      const refused = ${thrown(`client(m.passwordGrant(${js({ ...owner, password: 'not-the-password' })})).GET("/v1/segments")`)};
      const missing = ${thrown(`client(m.passwordGrant(${js(owner)})).GET("/v1/end_users/{id}", { params: { path: { id: 404 } } }).then(m.unwrap)`)};
      return [refused instanceof m.OAuthError, refused instanceof m.AuthError, missing instanceof m.ApiError, missing.status];`,
    expectedErrors: [true, true, true, 404],
  },
  'wootric-cxi': {
    name: '@oapi/wootric-cxi',
    start: async () => {
      const fake = await startFakeCxi();
      return { hosts: { api: fake.api.url, token: fake.tokenHost.url }, close: () => fake.close() };
    },
    call: `
      const cxi = m.createWootricCxiClient({ baseUrl: hosts.api, tokenUrl: hosts.token + '/oauth/token', accountToken: ${js(cxiAccount)}, auth: m.passwordGrant(${js(owner)}) });
      return m.unwrap(await cxi.GET('/v1/onboarding'));`,
    expected: { onboarded: false, mode: 'full' },
    errors: `
      const cxi = m.createWootricCxiClient({ baseUrl: hosts.api, tokenUrl: hosts.token + '/oauth/token', accountToken: ${js(cxiAccount)}, auth: m.passwordGrant(${js(owner)}) });
      const gated = ${thrown('cxi.GET("/v1/tags").then(m.unwrap)')};
      return [gated instanceof m.OnboardingRequiredError, gated instanceof m.ApiError, gated.status];`,
    expectedErrors: [true, true, 424],
  },
  cloudcx: {
    name: '@oapi/cloudcx',
    start: async () => oneHost(await startFakeCloudcx()),
    call: `
      const cloudcx = m.createCloudcxClient({ baseUrl: hosts.api, auth: m.apiKey(${js(validApiKey)}) });
      const page = m.unwrap(await cloudcx.GET('/openapi/v2/user/page', { params: { query: { pageIndex: 1, pageSize: 2 } } }));
      return page.content.map((user) => user.loginCode);`,
    expected: ['agent00000', 'agent00001'],
    errors: `
      const credentials = ${js({ ...account, password: 'not-the-password', clientId: oauthClient.id, clientSecret: oauthClient.secret })};
      const refused = ${thrown('m.createCloudcxClient({ baseUrl: hosts.api, auth: m.passwordGrant(credentials) }).GET("/openapi/v2/user/page")')};
      const unauthorized = ${thrown('m.createCloudcxClient({ baseUrl: hosts.api, auth: m.apiKey("not-a-key") }).GET("/openapi/v2/user/page").then(m.unwrap)')};
      return [refused instanceof m.OAuthError, refused instanceof m.AuthError,
        unauthorized instanceof m.CloudcxApiError, unauthorized instanceof m.ApiError, unauthorized.status];`,
    expectedErrors: [true, true, true, true, 401],
  },
};

/** One scenario per API of the repository's redocly.yaml (`root`: a scratch clone's, in a test of one). */
export async function clientScenarios(root: string = repoRoot): Promise<Scenario[]> {
  const apis = await listApis(root);
  return Promise.all(
    apis.map(async (api) => providerScenarios[api.id] ?? specScenario(api, await readBundledSpec(root, api))),
  );
}

/** What a scenario's module reports: the call's result and the error checks'. */
export const expectedReport = (scenario: Scenario) => ({ call: scenario.expected, errors: scenario.expectedErrors });

/**
 * A module that runs a scenario in `format`: `hosts` is an expression saying where the fake is, and
 * `report` a statement that hands on `report`, a promise of `{ call, errors }`.
 */
export function scenarioModule(scenario: Scenario, format: 'esm' | 'cjs', hosts: string, report: string): string {
  const load = format === 'esm' ? `import * as m from '${scenario.name}';` : `const m = require('${scenario.name}');`;
  return `${load}
const hosts = ${hosts};
const report = (async () => ({
  call: await (async () => {${scenario.call}\n  })(),
  errors: await (async () => {${scenario.errors}\n  })(),
}))();
${report}
`;
}
