import { fileURLToPath } from 'node:url';
import { attwProblems, publintProblems } from '@oapi/test-support';
import { describe, expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

describe('the published package', () => {
  it('passes publint', async () => {
    expect(await publintProblems(pkgDir)).toEqual([]);
  });
  it('has types that resolve in every module mode (attw)', async () => {
    expect(await attwProblems(pkgDir)).toEqual([]);
  }, 120_000);
});
