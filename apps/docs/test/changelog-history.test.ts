// The changelogs of this repository, checked against spec-diff run the plain way: every commit
// that touched spec/ is checked out (git archive) beside its parent, both specs are loaded from
// files and diffed. The changelog must list exactly the commits where that diff finds something,
// with the same findings. Needs the full history (a fresh clone, or fetch-depth: 0 on GitHub).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, listApis } from '@oapi/api-list';
import { diffSpecs, emptySpec, loadSpecFile, type LoadedSpec } from '@oapi/spec-diff';
import { afterAll, describe, expect, it } from 'vitest';
import { readChangelogs } from '../src/changelog.js';

const repoRoot = findRepoRoot(import.meta.dirname);
const apis = await listApis(repoRoot);
const temp = mkdtempSync(join(tmpdir(), 'docs-history-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** `spec/` as it is at a commit, written out to a folder of its own. */
function checkout(commit: string): string {
  const dir = join(temp, commit);
  if (!existsSync(dir)) {
    mkdirSync(dir);
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'spec'], {
      cwd: repoRoot,
      maxBuffer: 256 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  return dir;
}

const loaded = new Map<string, Promise<LoadedSpec | undefined>>();
function specAt(commit: string | undefined, root: string): Promise<LoadedSpec | undefined> {
  if (!commit) return Promise.resolve(undefined);
  const key = `${commit}:${root}`;
  if (!loaded.has(key)) {
    const file = join(checkout(commit), root);
    loaded.set(key, existsSync(file) ? loadSpecFile(file) : Promise.resolve(undefined));
  }
  return loaded.get(key)!;
}

describe('the changelogs of this repository', () => {
  it('needs the full history', () => {
    expect(git('rev-parse', '--is-shallow-repository').trim(), 'a shallow clone: run `git fetch --unshallow`').toBe(
      'false',
    );
  });

  it.each(apis.map((api) => [api.id, api.root]))(
    '%s: lists exactly the commits whose spec-diff against their parent finds something, with its findings',
    async (id, root) => {
      const changelog = (await readChangelogs(repoRoot, [{ id, root }])).get(id)!;
      if ('unavailable' in changelog) throw new Error(changelog.unavailable);

      // Every commit of spec/ (merges have no entry of their own: the commits they merge have theirs).
      const commits = git('log', '--no-merges', '--format=%H %P', '--', 'spec')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' '));
      const expected = [];
      for (const [commit, parent] of commits) {
        const [before, after] = await Promise.all([specAt(parent, root), specAt(commit, root)]);
        if (!before && !after) continue;
        const result = diffSpecs(before ?? emptySpec('none'), after ?? emptySpec('none'));
        if (before && after && result.findings.length === 0) continue;
        expected.push({ commit, parent: parent ?? null, ...result });
      }
      expect(expected.length, `${id} has a history`).toBeGreaterThan(0);
      const actual = changelog.entries.map(({ commit, parent, findings, summary, bump }) => ({
        commit,
        parent,
        findings,
        summary,
        bump,
      }));
      expect(actual).toEqual(expected);
      expect(changelog.entries.at(-1)!.change).toBe('added');
    },
  );
});
