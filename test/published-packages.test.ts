// Every package that is published (not `private`) passes publint and Are-the-types-wrong: one
// check for all of them, so a new package is covered by being added to packages/.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { attwProblems, publintProblems } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';

const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));
const published = readdirSync(packagesDir)
  .map((name) => ({ name, dir: packagesDir + name }))
  .filter(({ dir }) => {
    try {
      return JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).private !== true;
    } catch {
      return false;
    }
  });

describe('published packages', () => {
  it('include every client and the shared libraries', () => {
    expect(published.map((p) => p.name)).toEqual(
      expect.arrayContaining(['auth', 'runtime', 'klika', 'cloudcx', 'wootric', 'wootric-cxi', 'spec-diff']),
    );
  });

  describe.each(published)('$name', ({ dir }) => {
    it('passes publint', async () => {
      expect(await publintProblems(dir)).toEqual([]);
    });
    it('has types that resolve in every module mode (attw)', async () => {
      expect(await attwProblems(dir)).toEqual([]);
    }, 120_000);
  });
});
