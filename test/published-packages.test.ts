// Every package that is published (not `private`) passes publint and Are-the-types-wrong, ships a
// LICENSE and a README, and links to its repository: one check for all of them, so a new package is
// covered by being added to packages/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attwProblems, publintProblems } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { publishedPackages, readManifest, repoRoot } from './support/workspace.js';

const published = publishedPackages();
const root = readManifest(repoRoot);

describe('published packages', () => {
  it('include every client and the shared libraries', () => {
    expect(published.map((p) => p.id)).toEqual(
      expect.arrayContaining(['auth', 'runtime', 'klika', 'cloudcx', 'wootric', 'wootric-cxi', 'spec-diff']),
    );
  });

  describe.each(published)('$id', ({ id, dir, manifest }) => {
    it('passes publint', async () => {
      expect(await publintProblems(dir)).toEqual([]);
    });
    it('has types that resolve in every module mode (attw)', async () => {
      expect(await attwProblems(dir)).toEqual([]);
    }, 120_000);
    it("ships the repository's LICENSE and a README, and links to its source, homepage and issues", () => {
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'));
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      const repository = root.repository as { url: string };
      expect(manifest.repository).toEqual({ ...repository, directory: `packages/${id}` });
      const site = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
      expect(manifest.homepage).toBe(`${site}/tree/main/packages/${id}#readme`);
      expect(manifest.bugs).toEqual({ url: `${site}/issues` });
    });
  });
});
