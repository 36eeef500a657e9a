// Every package that is published (not `private`) passes publint and Are-the-types-wrong, ships a
// LICENSE and a README, and links to its repository: one check for all of them, so a new package is
// covered by being added to packages/.
import { attwProblems, publintProblems } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';
import { packageMetadataProblems } from './support/package-metadata.js';
import { publishedPackages } from './support/workspace.js';

const published = publishedPackages();

describe('published packages', () => {
  it('include every client and the shared libraries', () => {
    expect(published.map((p) => p.id)).toEqual(
      expect.arrayContaining(['auth', 'runtime', 'klika', 'cloudcx', 'wootric', 'wootric-cxi', 'spec-diff']),
    );
  });

  describe.each(published)('$id', (pkg) => {
    const { dir } = pkg;
    it('passes publint', async () => {
      expect(await publintProblems(dir)).toEqual([]);
    });
    it('has types that resolve in every module mode (attw)', async () => {
      expect(await attwProblems(dir)).toEqual([]);
    }, 120_000);
    it("ships the repository's LICENSE and a README, and links to its source, homepage and issues", () => {
      expect(packageMetadataProblems(pkg)).toEqual([]);
    });
  });
});
