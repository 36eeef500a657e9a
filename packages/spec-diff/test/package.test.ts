import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

/** The published shape: publint finds nothing, and attw resolves the types for ESM and CommonJS. */
describe('package', () => {
  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir, level: 'warning' });
    expect(messages).toEqual([]);
  });

  it('passes attw', () => {
    const attw = fileURLToPath(new URL('../node_modules/.bin/attw', import.meta.url));
    const output = execFileSync(attw, ['--pack', '.', '--profile', 'node16', '--format', 'json'], { cwd: pkgDir, encoding: 'utf8' });
    const { analysis } = JSON.parse(output);
    expect(analysis.problems ?? []).toEqual([]);
  }, 120_000);
});
