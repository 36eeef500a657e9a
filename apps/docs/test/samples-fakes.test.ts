// Every curl and TypeScript sample of the reference, run as a reader would run it (curl through a
// runner that sends what curl would; TypeScript as a module in a fresh node with the built client)
// against the provider's stateful fake, which knows the provider's rules (grant_type required, the
// token host, Rails form fields). Each run must reach the host and path the references name, send
// the query and body the sample promises, and get a success the spec documents. Operations a fake
// does not model run against Prism in samples-prism.test.ts; webhooks in samples-webhooks.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@oapi/api-list';
import { curlRequest, runTypeScriptSample, forwardTo } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { type OperationSamples, operationSamples } from '../src/code-samples.js';
import { loadProviders } from '../src/providers.js';
import { referenceOperations } from '../src/reference-operations.js';
import { expectSent, filesOf, findRequest, sampleHarness, successStatuses } from './sample-checks.js';
import { type World, worlds } from './sample-worlds.js';

const providers = (await loadProviders(findRepoRoot(import.meta.dirname))).filter((p) => worlds[p.id]);
const harness = sampleHarness(providers);

const routeOf = (s: OperationSamples) =>
  `${s.request.method.toUpperCase()} ${s.request.path.replace(/\{[^}]+\}/g, '{id}')}`;

/** Runs `body` with the world's fakes routed and the reader's environment, then stops them. */
async function inWorld<T>(world: World, body: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const started = await world.start();
  for (const [origin, url] of Object.entries(started.fakes)) harness.router.route(origin, forwardTo(url));
  try {
    return await body({ ...world.env });
  } finally {
    harness.router.reset();
    await started.close();
  }
}

describe.each(providers.map((p) => [p.id, p] as const))('%s', (id, provider) => {
  const world = worlds[id]!;
  const all = operationSamples(provider).filter((s) => s.kind === 'operation');
  const modelled = all.filter((s) => world.modelled.includes(routeOf(s)));
  const token = all.find((s) => s.request.role === 'token');
  const operation = (s: OperationSamples) =>
    referenceOperations(provider.spec).find((op) => op.operationId === s.operationId)!.operation;
  const expected = (s: OperationSamples, env: Record<string, string>, language: 'curl' | 'typescript') => ({
    samples: s,
    origin: s.request.role === 'token' ? world.origins.token : world.origins.api,
    env,
    language,
  });

  /** Runs the token endpoint's curl sample, as the reader would first, and keeps its access token. */
  async function signIn(env: Record<string, string>, s: OperationSamples) {
    const credential = s.request.credential;
    if (!credential) return;
    const answer = await harness.router.fetch(curlRequest(token!.curl, { env }));
    expect(answer.status, `${token!.name}: ${await answer.clone().text()}`).toBe(200);
    env[credential.value.name] = ((await answer.json()) as { access_token: string }).access_token;
    harness.router.requests.length = 0;
  }

  it('has a fake that models the token endpoint and at least one other operation', () => {
    expect(token, `${id} has a token sample`).toBeDefined();
    expect(modelled.map(routeOf)).toContain('POST /oauth/token');
    expect(modelled.length).toBeGreaterThan(1);
  });

  it.each(modelled.map((s) => [s.operationId, s] as const))('curl %s', async (_, s) => {
    await inWorld(world, async (env) => {
      await signIn(env, s);
      await harness.router.fetch(curlRequest(s.curl, { env, files: filesOf(s.request.body) }));
      const want = expected(s, env, 'curl');
      await expectSent(findRequest(harness.router.requests, want), want, successStatuses(operation(s)));
    });
  });

  it.each(modelled.filter((s) => s.program).map((s) => [s.operationId, s] as const))('TypeScript %s', async (_, s) => {
    await inWorld(world, async (env) => {
      for (const [name, contents] of Object.entries(filesOf(s.request.clientBody ?? s.request.body)))
        writeFileSync(join(harness.dir, name), contents);
      const run = await runTypeScriptSample(s.program!, { dir: harness.dir, router: harness.router, env });
      expect(run.exitCode, `${s.name}:\n${run.stderr}`).toBe(0);
      if (s.request.answersWithBody || s.request.role !== 'api') expect(run.stdout.trim(), s.name).not.toBe('');
      const want = expected(s, env, 'typescript');
      await expectSent(findRequest(harness.router.requests, want), want, successStatuses(operation(s)));
    });
  });
});
