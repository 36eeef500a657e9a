// A fifth provider needs only its spec and `pnpm new-provider`: in a scratch clone of this
// repository, a small spec (test/fixtures/new-provider/openapi.yaml) is added and registered, and one
// `pnpm build` gives its generated client, its docs pages and its spec-diff coverage. The new client
// then makes a call, token included, against a fake that checks what the spec says it must send;
// and its package, packed and installed with npm into a fresh project, passes the consumer checks
// every client does (import and require() in Node, a browser bundle in chromium).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  attwProblems,
  launchChromium,
  listen,
  type LoopbackServer,
  publintProblems,
  readBody,
  sendJson,
} from '@oapi/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarballs, packAll } from './consumer/consumer-project.js';
import { runInChromium, runInNode } from './consumer/run-scenario.js';
import { clientScenarios, expectedReport, type Scenario } from './consumer/scenarios.js';
import { packageMetadataProblems } from './support/package-metadata.js';
import { publishedPackages } from './support/workspace.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'new-provider-'));
const env = {
  ...process.env,
  // As .ci/run runs it: pnpm then installs with a frozen lockfile unless told otherwise.
  CI: 'true',
  REDOCLY_TELEMETRY: 'off',
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_DAEMON: 'false',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: scratch, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, scratch]);
  run('pnpm', ['install', '--prefer-offline', '--frozen-lockfile']);
  mkdirSync(join(scratch, 'spec/acme'));
  copyFileSync(join(root, 'test/fixtures/new-provider/openapi.yaml'), join(scratch, 'spec/acme/openapi.yaml'));
  run('pnpm', ['new-provider', 'acme']);
  run('git', ['add', '-A']);
  run('git', ['commit', '--quiet', '-m', 'Add the Acme API']);
  run('pnpm', ['build']);
}, 900_000);
afterAll(() => rm(scratch, { recursive: true, force: true }), 120_000);
// Outside the scratch clone, so that nothing resolves from the workspace's node_modules.
const consumer = mkdtempSync(join(tmpdir(), 'new-provider-consumer-'));
afterAll(() => rm(consumer, { recursive: true, force: true }), 120_000);

const file = (path: string) => readFileSync(join(scratch, path), 'utf8');

describe('pnpm new-provider acme, then pnpm build', () => {
  it('registers the API and writes the first changeset', () => {
    expect(file('redocly.yaml')).toContain('  acme@v1:\n    root: spec/acme/openapi.yaml\n');
    expect(file('.changeset/new-provider-acme.md')).toBe(
      '---\n"@oapi/acme": minor\n---\n\nFirst release: a typed client for Acme Widgets API.\n',
    );
  });

  it('generates the client: its descriptor and the strategy factories its spec allows', () => {
    const strategies = file('packages/acme/src/generated/strategies.ts');
    expect(strategies).toContain(
      'export const clientCredentialsGrant = /* @__PURE__ */ auth.withSecurity(auth.clientCredentialsGrant, security);',
    );
    expect(strategies).toContain("export { bearerToken } from '@oapi/auth';");
    expect(file('packages/acme/src/generated/provider.ts')).toContain('"url": "https://api.acme.test"');
    expect(existsSync(join(scratch, 'packages/acme/dist/index.js'))).toBe(true);
  });

  it('builds its docs pages', () => {
    expect(file('apps/docs/dist/index.html')).toContain('Acme Widgets API');
    expect(file('apps/docs/dist/acme/auth.html')).toContain('createAcmeClient');
    expect(file('apps/docs/dist/acme/changelog.html')).toContain('Add the Acme API');
    expect(JSON.parse(file('apps/docs/dist/downloads/acme.openapi.json')).info.title).toBe('Acme Widgets API');
  });

  it('builds a second time from the cache alone (nothing the first build wrote is an input)', () => {
    const second = run('pnpm', ['build']);
    expect(second).toMatch(/Cached: +(\d+) cached, \1 total/);
    expect(second).toContain('FULL TURBO');
  }, 120_000);

  it('is covered by the spec diff, with its package and release', () => {
    const report = JSON.parse(
      run('node', ['packages/release-check/dist/bin.js', '--base', 'HEAD~1', '--format', 'json']),
    ) as { apis: Array<{ api: string; package: string | null; bump: string; notes: string[] }> };
    expect(report.apis.find((api) => api.api === 'acme')).toMatchObject({
      package: '@oapi/acme',
      bump: 'minor',
      notes: ['no spec at HEAD~1:spec/acme/openapi.yaml: a new API, every operation is an addition'],
    });
  }, 60_000);

  describe('its client, as built', () => {
    let fake: LoopbackServer;
    const seen: string[] = [];
    const token = 'at-acme-123456';
    beforeAll(async () => {
      fake = await listen(async (req, res) => {
        const body = await readBody(req);
        seen.push(`${req.method} ${req.url} ${req.headers.host}`);
        if (req.method === 'POST' && req.url === '/oauth/token') {
          // RFC 6749's defaults, as the spec says nothing else: Basic client authentication, a form body.
          const basic = `Basic ${Buffer.from('acme-client:acme-secret').toString('base64')}`;
          if (req.headers.authorization !== basic || body !== 'grant_type=client_credentials')
            return sendJson(res, 400, { error: 'invalid_request' });
          return sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
        }
        if (req.method === 'GET' && req.url === '/v1/widgets' && req.headers.authorization === `Bearer ${token}`)
          return sendJson(res, 200, [{ id: 1, name: 'Sprocket' }]);
        return sendJson(res, 401, { message: 'no' });
      });
    });
    afterAll(() => fake.close());

    it('gets a token and lists the widgets', async () => {
      const program = `
        import { clientCredentialsGrant, createAcmeClient, unwrap } from './dist/index.js';
        const acme = createAcmeClient({
          baseUrl: ${JSON.stringify(fake.url)},
          auth: clientCredentialsGrant({ clientId: 'acme-client', clientSecret: 'acme-secret' }),
        });
        console.log(JSON.stringify(unwrap(await acme.GET('/v1/widgets'))));
      `;
      // Asynchronously: the fake answers from this process.
      const { stdout } = await promisify(execFile)('node', ['--input-type=module', '-e', program], {
        cwd: join(scratch, 'packages/acme'),
        encoding: 'utf8',
      });
      expect(JSON.parse(stdout)).toEqual([{ id: 1, name: 'Sprocket' }]);
      const host = new URL(fake.url).host;
      expect(seen).toEqual([`POST /oauth/token ${host}`, `GET /v1/widgets ${host}`]);
    }, 60_000);
  });

  describe('its package, as a user installs it', () => {
    const acme = () => publishedPackages(scratch).find((pkg) => pkg.id === 'acme')!;
    let scenario: Scenario;
    beforeAll(async () => {
      // The new package and the workspace packages it depends on, packed, in a fresh npm project.
      const dependencies = Object.keys(acme().manifest.dependencies ?? {});
      const packages = publishedPackages(scratch).filter(
        (pkg) => pkg.id === 'acme' || dependencies.includes(pkg.manifest.name),
      );
      await installTarballs(join(consumer, 'app'), await packAll(join(consumer, 'tarballs'), packages));
      scenario = (await clientScenarios(scratch)).find((candidate) => candidate.name === '@oapi/acme')!;
    }, 300_000);

    it('passes publint and attw, ships the LICENSE and a README, and links to its source', async () => {
      expect(await publintProblems(acme().dir)).toEqual([]);
      expect(await attwProblems(acme().dir)).toEqual([]);
      expect(packageMetadataProblems(acme(), scratch)).toEqual([]);
    }, 120_000);

    it.each(['mjs', 'cjs'] as const)(
      'calls a fake as its spec says and throws its error classes (.%s)',
      async (extension) => {
        expect(await runInNode(join(consumer, 'app'), scenario, extension)).toEqual(expectedReport(scenario));
      },
      60_000,
    );

    it('does the same bundled by esbuild for the browser, in chromium', async () => {
      const browser = await launchChromium();
      try {
        const { report, problems } = await runInChromium(browser, join(consumer, 'app'), scenario);
        expect(report).toEqual(expectedReport(scenario));
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});
