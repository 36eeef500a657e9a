// .github/workflows/spec-diff.yml as GitHub runs it, step by step: the diff step's shell script in a
// PR checkout (the built release check standing in for `pnpm -s spec:diff`, which only builds it
// first), the comment step's script against a stand-in GitHub API, and the failing step.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GitRepo } from '../../spec-diff/test/support/git-repo.ts';
import { nameMadeOptional, shopFiles } from '../../spec-diff/test/support/shop-spec.ts';
import { COMMENT_MARKER } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/release-check/dist/bin.js');
const workflow = parse(readFileSync(join(root, '.github/workflows/spec-diff.yml'), 'utf8')) as {
  jobs: { 'spec-diff': { steps: Array<{ name?: string; run?: string; with?: { script?: string } }> } };
};
const step = (name: string) => workflow.jobs['spec-diff'].steps.find((s) => s.name === name)!;

/** Runs a step's shell script in `cwd` as the runner would; returns GITHUB_OUTPUT and the summary. */
function runStep(script: string, cwd: string, env: Record<string, string>) {
  const outputs = join(mkdtempSync(join(tmpdir(), 'gh-')), 'output');
  const summary = `${outputs}.summary`;
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  const run = spawnSync('bash', ['-e', '-c', script.replaceAll('pnpm -s spec:diff', `node ${bin}`)], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary },
  });
  return {
    status: run.status,
    stdout: run.stdout,
    outputs: readFileSync(outputs, 'utf8'),
    summary: readFileSync(summary, 'utf8'),
  };
}

/** A PR checkout: the base branch fetched as origin/main, the PR's change in the work tree. */
function checkout(files: Record<string, string>): GitRepo {
  const repo = new GitRepo(shopFiles);
  repo.git('update-ref', 'refs/remotes/origin/main', 'main');
  repo.write(files);
  return repo;
}

describe('the diff step', () => {
  const script = step('Diff every API against the base branch').run!;

  it('writes the PR comment, marker first, and exit=1 when a breaking change has no changeset', () => {
    const repo = checkout(nameMadeOptional);
    const run = runStep(script, repo.dir, { BASE_REF: 'main' });
    expect(run.status).toBe(0);
    expect(run.outputs).toBe('exit=1\n');
    const comment = readFileSync(join(repo.dir, 'spec-diff.md'), 'utf8');
    expect(comment.split('\n', 1)[0]).toBe(COMMENT_MARKER);
    expect(comment).toContain('❌ `@oapi/shop` needs a major changeset; no changeset.');
    expect(run.summary).toBe(comment);
  });

  it('says what could not be compared, in the comment, with exit=2', () => {
    const repo = checkout({ 'spec/shop/paths/items.yaml': 'get:\n  responses:\n   bad: [\n' });
    repo.commit('break the spec');
    repo.git('update-ref', 'refs/remotes/origin/main', 'main');
    const run = runStep(script, repo.dir, { BASE_REF: 'main' });
    expect(run.outputs).toBe('exit=2\n');
    const comment = readFileSync(join(repo.dir, 'spec-diff.md'), 'utf8');
    expect(comment).toMatch(/^<!-- spec-diff -->\n### ⚠️ Spec diff could not compare the specs\n/);
    expect(comment).toMatch(/origin\/main:spec\/shop\/paths\/items\.yaml:\d+: /);
  });
});

describe('the comment step', () => {
  const script = step('Post or update the comment').with!.script!;
  type Comment = { id: number; body: string; user: { type: string } };

  async function post(body: string, comments: Comment[]) {
    const dir = mkdtempSync(join(tmpdir(), 'gh-script-'));
    writeFileSync(join(dir, 'spec-diff.md'), body);
    const calls: string[] = [];
    const github = {
      paginate: async () => comments,
      rest: {
        issues: {
          listComments: {},
          updateComment: async ({ comment_id }: { comment_id: number }) => void calls.push(`update ${comment_id}`),
          createComment: async () => void calls.push('create'),
        },
      },
    };
    const context = { repo: { owner: 'o', repo: 'r' }, payload: { pull_request: { number: 7 } } };
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const run = new Function('github', 'context', 'require', `return (async () => {${script}})();`);
      await run(github, context, (await import('node:module')).createRequire(import.meta.url));
    } finally {
      process.chdir(previous);
    }
    return calls;
  }

  it("updates the bot's comment that starts with the report's marker", async () => {
    const comments = [
      { id: 1, body: `${COMMENT_MARKER}\nold report`, user: { type: 'User' } },
      { id: 2, body: `${COMMENT_MARKER}\nold report`, user: { type: 'Bot' } },
    ];
    expect(await post(`${COMMENT_MARKER}\nnew report`, comments)).toEqual(['update 2']);
  });

  it('creates one when there is none', async () => {
    expect(await post(`${COMMENT_MARKER}\nnew report`, [])).toEqual(['create']);
  });
});

describe('the failing step', () => {
  const script = step('Fail when the changesets do not cover the spec changes').run!;

  it.each([
    ['1', 'A client package needs a bigger release'],
    ['2', 'spec-diff could not compare the specs (exit 2)'],
  ])('fails the job for exit %s, saying why', (code, message) => {
    const run = spawnSync('bash', ['-c', script], {
      encoding: 'utf8',
      env: { ...process.env, CODE: code, BASE_REF: 'main' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(message);
  });
});

describe('pnpm spec:diff', () => {
  it('runs the release check', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts['spec:diff']).toMatch(/node packages\/release-check\/dist\/bin\.js$/);
    expect(execFileSync('node', [bin, '--help'], { encoding: 'utf8' })).toContain('pnpm spec:diff --base <git-ref>');
  });
});
