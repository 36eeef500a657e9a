// A release end to end against a real registry (Verdaccio on loopback): on a copy of the workspace,
// the two commands release.yml's changesets step runs, `version` then `publish`, with the token
// handed over the way release.yml hands it (setup-node's .npmrc reading NODE_AUTH_TOKEN); then
// `@oapi/klika` installed from the registry into fresh projects, with npm and with pnpm, making an
// authenticated call against the Klika fake.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startFakeDoorkeeper, users } from '@oapi/fakes/klika';
import { changesetsCommand, stepUsing } from '../support/release-workflow.js';
import { publishedPackages, readManifest } from '../support/workspace.js';
import { exec, npmEnv } from './consumer-project.js';
import { startRegistry, type Registry } from './verdaccio.js';
import { commitAll, copyWorkspace } from './workspace-copy.js';

let root: string;
let registry: Registry;
let workspace: string;
const published = publishedPackages();
/** The versions `version` gave each package, read from the copy. */
const released: Record<string, string> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'oapi-release-'));
  registry = await startRegistry(join(root, 'registry'));
  workspace = await copyWorkspace(join(root, 'workspace'), { builds: true, changesets: true });

  const [versionTool, ...versionArgs] = changesetsCommand('version');
  await exec(versionTool!, versionArgs, { cwd: workspace });
  await commitAll(workspace, 'chore: version packages');
  for (const pkg of published) released[pkg.manifest.name] = readManifest(join(workspace, 'packages', pkg.id)).version;

  // What setup-node writes for `registry-url` (and points NPM_CONFIG_USERCONFIG to), with this registry's address.
  const npmrc = join(root, 'setup-node.npmrc');
  const host = registry.url.replace(/^https?:/, '');
  writeFileSync(npmrc, `${host}:_authToken=\${NODE_AUTH_TOKEN}\nregistry=${registry.url}\nalways-auth=false\n`);
  // The step's env as release.yml writes it, the npm secret being this registry's token. No
  // provenance here: it needs GitHub's OIDC token.
  const stepEnv = Object.entries(stepUsing('changesets/action')?.env ?? {}).filter(([, value]) =>
    /^\$\{\{ secrets\.NPM_TOKEN \}\}$/.test(value),
  );
  const [publishTool, ...publishArgs] = changesetsCommand('publish');
  await exec(publishTool!, publishArgs, {
    cwd: workspace,
    env: {
      NPM_CONFIG_USERCONFIG: npmrc,
      // Also from the environment: should the .npmrc not be read, nothing may go to the public registry.
      NPM_CONFIG_REGISTRY: registry.url,
      ...Object.fromEntries(stepEnv.map(([name]) => [name, registry.token])),
    },
  });
}, 600_000);

afterAll(async () => {
  await registry?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Packument {
  readonly versions: Record<string, { dependencies?: Record<string, string>; dist: { tarball: string } }>;
  readonly time: Record<string, string>;
  readonly 'dist-tags': Record<string, string>;
}

const packument = async (name: string) =>
  (await (await fetch(`${registry.url}${name.replace('/', '%2f')}`)).json()) as Packument;

describe('a release to Verdaccio', () => {
  it('publishes every package at the version `version` gave it, as latest', async () => {
    for (const pkg of published) {
      const { name } = pkg.manifest;
      expect(released[name], name).not.toBe(pkg.manifest.version);
      expect((await packument(name))['dist-tags'].latest, name).toBe(released[name]);
    }
  });

  it('publishes in dependency order: no package before the versions it depends on', async () => {
    const publishedAt = Object.fromEntries(
      await Promise.all(
        published.map(
          async ({ manifest: { name } }) => [name, (await packument(name)).time[released[name]!]!] as const,
        ),
      ),
    );
    for (const pkg of published) {
      const { name } = pkg.manifest;
      const manifest = (await packument(name)).versions[released[name]!]!;
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        if (!dependency.startsWith('@oapi/')) continue;
        expect(range, `${name} → ${dependency}`).toBe(`^${released[dependency]}`);
        expect(Date.parse(publishedAt[dependency]!), `${dependency} before ${name}`).toBeLessThan(
          Date.parse(publishedAt[name]!),
        );
      }
    }
  });

  it('tags each release in git, as changesets/action expects', async () => {
    const tags = (await exec('git', ['tag', '--list'], { cwd: workspace })).split('\n').filter(Boolean);
    expect(tags.sort()).toEqual(published.map(({ manifest: { name } }) => `${name}@${released[name]}`).sort());
  });

  describe.each([
    ['npm', ['npm', 'install', '@oapi/klika']],
    ['pnpm', ['pnpm', 'add', '@oapi/klika']],
  ])('@oapi/klika installed with %s into a fresh project', (tool, [file, ...args]) => {
    it('makes an authenticated call against the Klika fake', async () => {
      const app = join(root, `app-${tool}`);
      mkdirSync(app);
      writeFileSync(join(app, 'package.json'), '{ "name": "release-consumer", "version": "1.0.0", "private": true }\n');
      writeFileSync(join(app, '.npmrc'), `@oapi:registry=${registry.url}\n`);
      await exec(file!, args, { cwd: app, env: npmEnv });
      const installed = readManifest(join(app, 'node_modules', '@oapi', 'klika'));
      expect(installed.version).toBe(released['@oapi/klika']);

      const script = `import { createKlikaClient, passwordGrant, unwrap } from '@oapi/klika';
const klika = createKlikaClient({ baseUrl: process.env.KLIKA_URL, auth: passwordGrant(JSON.parse(process.env.KLIKA_LOGIN)) });
const me = unwrap(await klika.GET('/api/v1/users/{id}', { params: { path: { id: 7 } } }));
process.stdout.write(me.email);
`;
      writeFileSync(join(app, 'call.mjs'), script);
      const fake = await startFakeDoorkeeper();
      try {
        const login = {
          username: users[0]!.email,
          password: users[0]!.password,
          clientId: client.id,
          clientSecret: client.secret,
        };
        const email = await exec(process.execPath, ['call.mjs'], {
          cwd: app,
          env: { KLIKA_URL: fake.url, KLIKA_LOGIN: JSON.stringify(login) },
        });
        expect(email).toBe(users[0]!.email);
        // Klika's quirk, from its spec: grant_type travels in the query.
        expect(fake.tokenRequests.map((request) => request.query.get('grant_type'))).toEqual(['password']);
      } finally {
        await fake.close();
      }
    });
  });
});
