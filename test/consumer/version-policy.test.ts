// The version policy, as a changesets scenario on a copy of the workspace: a client whose
// re-exported auth or runtime API changes in a breaking way gets at least that bump from
// `pnpm version-packages` (what release.yml runs), where changesets alone gives it a patch; a patch
// of auth releases none of them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishedPackages, readManifest } from '../support/workspace.js';
import { exec } from './consumer-project.js';
import { copyWorkspace } from './workspace-copy.js';

const clients = ['klika', 'wootric', 'wootric-cxi', 'cloudcx'];
let dir: string;
beforeAll(async () => {
  dir = await copyWorkspace(mkdtempSync(join(tmpdir(), 'oapi-version-policy-')), { builds: false, changesets: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Each scenario starts from the copy as it was committed.
afterEach(async () => {
  await exec('git', ['checkout', '-q', '--', '.'], { cwd: dir });
  await exec('git', ['clean', '-qfd', '-e', 'node_modules'], { cwd: dir });
});

const nextMinor = (version: string) => version.replace(/^0\.(\d+)\.\d+$/, (_, minor) => `0.${Number(minor) + 1}.0`);
const nextPatch = (version: string) => version.replace(/\.(\d+)$/, (_, patch) => `.${Number(patch) + 1}`);

/** Versions of every package after `pnpm version-packages` with only `changeset` pending. */
async function versionWith(
  changeset: string,
): Promise<{ before: Record<string, string>; after: Record<string, string> }> {
  writeFileSync(join(dir, '.changeset', 'scenario.md'), changeset);
  const versions = () =>
    Object.fromEntries(publishedPackages().map((pkg) => [pkg.id, readManifest(join(dir, 'packages', pkg.id)).version]));
  const before = versions();
  await exec('pnpm', ['version-packages'], { cwd: dir });
  return { before, after: versions() };
}

describe('pnpm version-packages', () => {
  it('gives every client a minor (breaking under 0.x) when auth breaks, and says why in its changelog', async () => {
    const { before, after } = await versionWith(
      '---\n"@oapi/auth": minor\n---\n\n`passwordGrant` takes `scopes` as an array.\n',
    );
    expect(after.auth).toBe(nextMinor(before.auth!));
    expect(after.runtime).toBe(nextMinor(before.runtime!));
    for (const client of clients) expect(after[client], client).toBe(nextMinor(before[client]!));
    expect(after['spec-diff']).toBe(before['spec-diff']);
    const changelog = readFileSync(join(dir, 'packages', 'klika', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('### Minor Changes');
    expect(changelog).toContain(
      'Breaking, through @oapi/auth, whose API this package re-exports: `passwordGrant` takes `scopes` as an array.',
    );
  });

  it('gives the clients a minor when runtime breaks, and leaves auth alone', async () => {
    const { before, after } = await versionWith('---\n"@oapi/runtime": minor\n---\n\n`unwrap` throws for 3xx.\n');
    expect(after.auth).toBe(before.auth);
    for (const client of clients) expect(after[client], client).toBe(nextMinor(before[client]!));
  });

  it('releases no client for a patch of auth: their caret ranges already take it', async () => {
    const { before, after } = await versionWith('---\n"@oapi/auth": patch\n---\n\nA clearer message.\n');
    expect(after.auth).toBe(nextPatch(before.auth!));
    for (const client of clients) expect(after[client], client).toBe(before[client]);
  });
});
