// The broken samples issue 14 found on the old docs, fed to the same runners, fakes and checks as
// every generated sample (samples-fakes.test.ts): each must fail, while the generated sample it was
// made from passes. Klika's token request without `grant_type` (Prism took it: the body is
// schema-valid), Wootric CXI's token request sent to the CXI host instead of api.wootric.com (Prism
// does not check hosts), and Redoc's Payload bodies for Wootric's Rails forms (`emails` without
// brackets, `[object Object]`, a body starting with `&`).
import { findRepoRoot } from '@oapi/api-list';
import { curlRequest, type RecordedRequest, runTypeScriptSample } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { type OperationSamples, operationSamples } from '../src/code-samples.js';
import { loadProviders } from '../src/providers.js';
import { type Expected, expectSent, findRequest, sampleHarness } from './sample-checks.js';
import { inWorld, signIn, worlds } from './sample-worlds.js';

const providers = await loadProviders(findRepoRoot(import.meta.dirname));
const harness = sampleHarness(providers);
const success = /^2\d\d$/;

function samplesOf(id: string, operationId: string): { sample: OperationSamples; token: OperationSamples } {
  const all = operationSamples(providers.find((p) => p.id === id)!).filter((s) => s.kind === 'operation');
  const token = all.find((s) => s.request.role === 'token')!;
  return { sample: all.find((s) => s.operationId === operationId)!, token };
}

/** `text` with `from` replaced, failing if the generated sample no longer holds `from`. */
function broken(text: string, from: string | RegExp, to: string): string {
  const result = text.replace(from, to);
  expect(result, `the sample no longer holds ${String(from)}`).not.toBe(text);
  return result;
}

/** Runs a curl line in the provider's world; what the server recorded and whether the checks passed. */
async function runCurl(id: string, sample: OperationSamples, token: OperationSamples, curl: string) {
  const world = worlds[id]!;
  return inWorld(world, harness.router, async (env) => {
    await signIn(harness.router, env, token, sample);
    await harness.router.fetch(curlRequest(curl, { env }));
    return judge(world, sample, env, 'curl');
  });
}

async function runTypeScript(id: string, sample: OperationSamples, program: string) {
  const world = worlds[id]!;
  return inWorld(world, harness.router, async (env) => {
    const run = await runTypeScriptSample(program, { dir: harness.dir, router: harness.router, env });
    return { exitCode: run.exitCode, ...(await judge(world, sample, env, 'typescript')) };
  });
}

async function judge(
  world: (typeof worlds)[string],
  sample: OperationSamples,
  env: Record<string, string>,
  language: Expected['language'],
): Promise<{ sent: RecordedRequest | undefined; check: string }> {
  const origin = sample.request.role === 'token' ? world.origins.token : world.origins.api;
  const want: Expected = { samples: sample, origin, env, language };
  const sent = findRequest(harness.router.requests, want);
  const check = await expectSent(sent, want, success).then(
    () => 'passed',
    (error: Error) => error.message,
  );
  return { sent, check };
}

describe('Klika: the token request without grant_type', () => {
  const { sample, token } = samplesOf('klika', 'createToken');

  it('curl: the fake refuses it as Doorkeeper does, and the check fails; the generated sample passes', async () => {
    expect((await runCurl('klika', sample, token, sample.curl)).check).toBe('passed');
    const result = await runCurl('klika', sample, token, broken(sample.curl, '?grant_type=password', ''));
    expect(result.sent?.status).toBe(400);
    expect(result.check).toMatch(/query|answer/);
  });

  it('TypeScript: the program fails on the refusal, and the check fails; the generated program passes', async () => {
    const good = await runTypeScript('klika', sample, sample.program!);
    expect([good.exitCode, good.check]).toEqual([0, 'passed']);
    const result = await runTypeScript(
      'klika',
      sample,
      broken(sample.program!, /\n\s*params: \{ query: \{ grant_type: 'password' \} \},/, ''),
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.sent?.status).toBe(400);
    expect(result.check).not.toBe('passed');
  });
});

describe('Wootric CXI: the token request sent to cxi-api.wootric.com', () => {
  const { sample, token } = samplesOf('wootric-cxi', 'createToken');

  it('TypeScript: the CXI host refuses it, and the check names the host; the generated program passes', async () => {
    const good = await runTypeScript('wootric-cxi', sample, sample.program!);
    expect([good.exitCode, good.check]).toEqual([0, 'passed']);
    const result = await runTypeScript(
      'wootric-cxi',
      sample,
      broken(sample.program!, "baseUrl: 'https://api.wootric.com'", "baseUrl: 'https://cxi-api.wootric.com'"),
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.sent?.url.origin).toBe('https://cxi-api.wootric.com');
    // The CXI host serves no tokens: it wants one (401).
    expect(result.sent?.status).toBe(401);
    expect(result.check).toContain('host');
  });

  it('curl: the same', async () => {
    const result = await runCurl(
      'wootric-cxi',
      sample,
      token,
      broken(sample.curl, 'https://api.wootric.com/oauth/token', 'https://cxi-api.wootric.com/oauth/token'),
    );
    expect(result.sent?.status).toBe(401);
    expect(result.check).toContain('host');
  });
});

describe("Wootric: Redoc's Payload bodies for Rails forms", () => {
  const { sample, token } = samplesOf('wootric', 'sendEmailSurvey');
  /** The sample's own request line and headers, with `body` as the data instead of its fields. */
  const withBody = (body: string) =>
    `${sample.curl
      .split('\n')
      .filter((line) => !line.includes('--data'))
      .join('\n')
      .replace(/ \\\n?$/, '')} \\\n  --data-raw '${body}'\n`;

  it('the generated sample passes', async () => {
    expect((await runCurl('wootric', sample, token, sample.curl)).check).toBe('passed');
  });

  it.each([
    ['emails without brackets', 400, 'emails=john%40example.com&emails=jane%40example.com&survey_immediately=true'],
    ['[object Object]', 400, 'emails[]=john%40example.com&survey_settings=%5Bobject%20Object%5D'],
    // Rails skips the empty field, so the server takes it: the body check still says it is not what the page shows.
    ['a body starting with &', 200, '&emails[]=john%40example.com&emails[]=jane%40example.com&survey_immediately=true'],
  ])('%s: the server answers %i, and the check fails', async (_, status, body) => {
    const result = await runCurl('wootric', sample, token, withBody(body));
    expect(result.sent?.status).toBe(status);
    expect(result.check).not.toBe('passed');
  });
});
