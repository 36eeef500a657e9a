// A spec named `<ref>:<path>` on the command line is read from git, with every $ref'd file read
// from that ref too (through one `git cat-file` pipe).
import { describe, expect, it } from 'vitest';
import { GitRepo } from './support/git-repo.ts';
import { runCli } from './support/run-cli.ts';
import { prWithBreakingChange, shopFiles } from './support/shop-spec.ts';

describe('specs at a git ref on the command line', () => {
  it("reads <ref>:<path> from git, with its $ref'd files", async () => {
    const repo = prWithBreakingChange();
    const run = await runCli(['main:spec/shop/openapi.yaml', 'spec/shop/openapi.yaml', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { id: string }) => f.id)).toEqual([
      'response-property-made-optional',
    ]);
  });

  it('exits 2 when the ref has no such spec', async () => {
    const repo = new GitRepo(shopFiles);
    const run = await runCli(['main:spec/nowhere.yaml', 'spec/shop/openapi.yaml'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('spec-diff: main:spec/nowhere.yaml: no spec at main\n');
  });
});
