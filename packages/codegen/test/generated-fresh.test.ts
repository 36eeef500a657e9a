// The generated code is committed so that a PR shows what a spec change does to each client.
// This fails when the committed files are not what the generator makes of the current spec.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, listApis, readBundledSpec } from '@oapi/api-list';
import { describe, expect, it } from 'vitest';
import { generateApiFiles } from '../src/index.js';

const root = findRepoRoot(import.meta.dirname);
const apis = (await listApis(root)).filter((api) => existsSync(join(root, api.client.dir, 'package.json')));

function committed(path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `HEAD:${path}`], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

describe('committed generated code', () => {
  it('covers at least one client package', () => {
    expect(apis.length).toBeGreaterThan(0);
  });

  it.each(apis.map((api) => [api.id, api] as const))('%s is what the generator makes of the spec', async (_id, api) => {
    const files = await generateApiFiles(api, await readBundledSpec(root, api));
    const dir = `${api.client.dir}/src/generated`;
    const tracked = execFileSync('git', ['ls-tree', '-r', '--name-only', 'HEAD', dir], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(tracked.sort(), `${dir} holds files the generator no longer makes`).toEqual(
      files.map((file) => `${dir}/${file.name}`).sort(),
    );
    for (const file of files) {
      const path = `${dir}/${file.name}`;
      const inGit = committed(path);
      expect(inGit, `${path} is not committed: run \`pnpm generate\` and commit it`).toBeDefined();
      expect(inGit === file.contents, `${path} is stale: run \`pnpm generate\` and commit the result`).toBe(true);
    }
  });
});
