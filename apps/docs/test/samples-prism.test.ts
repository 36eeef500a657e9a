// Every operation's curl and TypeScript sample against Prism, which validates each request against
// the spec (parameters, body schema, security). Prism answers for any host, so the host, path,
// query and body the sample promises are checked on the recorded request as well. Rails form
// bodies reach Prism through prismFormDialect (it cannot read `a[]=`); the few bodies it cannot read
// at all (arrays of hashes) must be modelled by the provider's stateful fake (samples-fakes).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@oapi/api-list';
import { parseRailsForm } from '@oapi/runtime';
import {
  curlRequest,
  forwardTo,
  type PrismMock,
  prismFormDialect,
  prismRailsFormSpec,
  runTypeScriptSample,
  startPrism,
} from '@oapi/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationSamples, operationSamples } from '../src/code-samples.js';
import { loadProviders } from '../src/providers.js';
import { referenceOperations } from '../src/reference-operations.js';
import { FileRef } from '../src/samples/placeholders.js';
import { expectSent, filesOf, findRequest, sampleHarness, successStatuses } from './sample-checks.js';
import { worlds } from './sample-worlds.js';

const providers = (await loadProviders(findRepoRoot(import.meta.dirname))).filter((p) => worlds[p.id]);
const harness = sampleHarness(providers);

/** A form value Prism cannot read in any spelling: an array holding hashes. */
function holdsArrayOfHashes(value: unknown): boolean {
  if (Array.isArray(value))
    return value.some((item) => (typeof item === 'object' && item !== null) || holdsArrayOfHashes(item));
  if (typeof value !== 'object' || value === null || value instanceof FileRef) return false;
  return Object.values(value).some(holdsArrayOfHashes);
}

const unreadable = (s: OperationSamples) =>
  [s.request.body, s.request.clientBody].some(
    (body) => body && body.encoding !== 'json' && holdsArrayOfHashes(body.value),
  );

describe.each(providers.map((p) => [p.id, p] as const))('%s against Prism', (id, provider) => {
  const world = worlds[id]!;
  const all = operationSamples(provider).filter((s) => s.kind === 'operation');
  const checkable = all.filter((s) => !unreadable(s));
  const env = { ...world.env, [`${id.toUpperCase().replace(/-/g, '_')}_ACCESS_TOKEN`]: 'prism-accepts-any-token' };
  let prism: PrismMock;
  beforeAll(async () => {
    const rails = provider.descriptor.bodyEncoding === 'rails-form';
    prism = await startPrism(rails ? prismRailsFormSpec(provider.bundled.json) : provider.bundled.yaml);
    const forward = forwardTo(prism.baseUrl) as typeof globalThis.fetch;
    const target = rails ? prismFormDialect(forward, parseRailsForm).fetch : forward;
    for (const origin of new Set(Object.values(world.origins)))
      harness.router.route(origin, (request) => target(request));
  });
  afterAll(async () => {
    harness.router.reset();
    await prism?.stop();
  });

  const operation = (s: OperationSamples) =>
    referenceOperations(provider.spec).find((op) => op.operationId === s.operationId)!.operation;
  const expected = (s: OperationSamples, language: 'curl' | 'typescript') => ({
    samples: s,
    origin: s.request.role === 'token' ? world.origins.token : world.origins.api,
    env,
    language,
  });
  async function expectValid(s: OperationSamples, language: 'curl' | 'typescript') {
    expect(prism.violations(), `${s.name} (${language})`).toEqual([]);
    await expectSent(
      findRequest(harness.router.requests, expected(s, language)),
      expected(s, language),
      successStatuses(operation(s)),
    );
  }

  it('leaves to the stateful fake only the bodies Prism cannot read', () => {
    const modelled = new Set(world.modelled);
    for (const s of all.filter(unreadable))
      expect(modelled, `${s.name} is checked by neither Prism nor the fake`).toContain(
        `${s.request.method.toUpperCase()} ${s.request.path.replace(/\{[^}]+\}/g, '{id}')}`,
      );
  });

  it.each(checkable.map((s) => [s.operationId, s] as const))('curl %s', async (_, s) => {
    prism.clearViolations();
    harness.router.requests.length = 0;
    await harness.router.fetch(curlRequest(s.curl, { env, files: filesOf(s.request.body) }));
    await expectValid(s, 'curl');
  });

  it.each(checkable.filter((s) => s.program).map((s) => [s.operationId, s] as const))('TypeScript %s', async (_, s) => {
    prism.clearViolations();
    harness.router.requests.length = 0;
    for (const [name, contents] of Object.entries(filesOf(s.request.clientBody ?? s.request.body)))
      writeFileSync(join(harness.dir, name), contents);
    const run = await runTypeScriptSample(s.program!, { dir: harness.dir, router: harness.router, env: world.env });
    expect(run.exitCode, `${s.name}:\n${run.stderr}`).toBe(0);
    await expectValid(s, 'typescript');
  });
});
