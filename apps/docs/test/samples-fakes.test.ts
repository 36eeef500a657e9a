// Every curl and TypeScript sample of the reference, run as a reader would run it (curl through a
// runner that sends what curl would; TypeScript as a module in a fresh node with the built client)
// against the provider's stateful fake, which knows the provider's rules (grant_type required, the
// token host, Rails form fields). Each run must reach the host and path the references name, send
// the query and body the sample promises, and get a success the spec documents. Operations a fake
// does not model run against Prism in samples-prism.test.ts; webhooks in samples-webhooks.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@oapi/api-list';
import { curlRequest, runTypeScriptSample } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { type OperationSamples, operationSamples } from '../src/code-samples.js';
import { loadProviders } from '../src/providers.js';
import { referenceOperations } from '../src/reference-operations.js';
import { expectSent, filesOf, findRequest, sampleHarness, successStatuses } from './sample-checks.js';
import { inWorld, signIn, worlds } from './sample-worlds.js';

const providers = (await loadProviders(findRepoRoot(import.meta.dirname))).filter((p) => worlds[p.id]);
const harness = sampleHarness(providers);

const routeOf = (s: OperationSamples) =>
  `${s.request.method.toUpperCase()} ${s.request.path.replace(/\{[^}]+\}/g, '{id}')}`;

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

  it('has a fake that models the token endpoint and at least one other operation', () => {
    expect(token, `${id} has a token sample`).toBeDefined();
    expect(modelled.map(routeOf)).toContain('POST /oauth/token');
    expect(modelled.length).toBeGreaterThan(1);
  });

  it.each(modelled.map((s) => [s.operationId, s] as const))('curl %s', async (_, s) => {
    await inWorld(world, harness.router, async (env) => {
      await signIn(harness.router, env, token!, s);
      await harness.router.fetch(curlRequest(s.curl, { env, files: filesOf(s.request.body) }));
      const want = expected(s, env, 'curl');
      await expectSent(findRequest(harness.router.requests, want), want, successStatuses(operation(s)));
    });
  });

  it.each(modelled.filter((s) => s.program).map((s) => [s.operationId, s] as const))('TypeScript %s', async (_, s) => {
    await inWorld(world, harness.router, async (env) => {
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
