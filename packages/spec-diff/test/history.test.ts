import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryUnavailableError, InputError, openHistories, specHistory, type HistoryEntry } from '../src/index.ts';
import { GitRepo } from './support/git-repo.ts';
import { ITEM, scriptedHistory } from './support/history-repo.ts';
import { runCli } from './support/run-cli.ts';
import { shopFiles } from './support/shop-spec.ts';

const SHOP = 'spec/shop/openapi.yaml';
const BORROWER = 'spec/borrower/openapi.yaml';
const { repo, commits } = scriptedHistory();
const reader = await openHistories({ cwd: repo.dir });
const [shop, borrower] = await Promise.all([reader.history(SHOP), reader.history(BORROWER)]);
reader.close();

const brief = (entries: HistoryEntry[]) =>
  entries.map((e) => ({ commit: e.commit, change: e.change, bump: e.bump, ids: e.findings.map((f) => f.id) }));

describe('specHistory', () => {
  it('lists the commits that changed the bundled spec, newest first, each diffed against its parent', () => {
    expect(brief(shop!.entries)).toEqual([
      {
        commit: commits.price,
        change: 'changed',
        bump: 'minor',
        ids: ['response-property-added', 'response-property-added'],
      },
      { commit: commits.additive, change: 'changed', bump: 'minor', ids: ['path-added'] },
      { commit: commits.breaking, change: 'changed', bump: 'major', ids: ['response-property-made-optional'] },
      { commit: commits.added, change: 'added', bump: 'minor', ids: ['path-added'] },
    ]);
  });

  it('gives each entry its commit, parent, date and subject as git has them', () => {
    const entry = shop!.entries.find((e) => e.commit === commits.breaking)!;
    const [short, date, subject, parent] = repo
      .git('log', '-1', '--format=%h%n%cI%n%s%n%P', commits.breaking)
      .trim()
      .split('\n');
    expect(entry).toMatchObject({ shortCommit: short, date, subject, parent });
    expect(entry.subject).toBe('shop: name is optional <b>&amp; "quoted"</b>');
    expect(entry.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(shop!.entries.at(-1)!.summary).toEqual({ breaking: 0, warning: 0, info: 1 });
  });

  it('leaves out commits that change nothing in the bundled spec: a reformat, a README beside it, other files', () => {
    const listed = shop!.entries.map((e) => e.commit);
    for (const quiet of [commits.reformat, commits.readme, commits.unrelated, commits.borrower])
      expect(listed).not.toContain(quiet);
  });

  it('bundles each distinct version once: the README commit reuses the version before it', () => {
    // Six commits touched spec/shop; added, breaking, reformat, additive and price each hold new files.
    expect(shop!.commits).toBe(6);
    expect(shop!.versions).toBe(5);
  });

  it("follows the files a spec $ref's outside its folder, and starts where the spec first appears", () => {
    expect(borrower!.paths).toEqual(['spec/borrower', ITEM]);
    expect(brief(borrower!.entries)).toEqual([
      { commit: commits.price, change: 'changed', bump: 'minor', ids: ['response-property-added'] },
      { commit: commits.borrower, change: 'added', bump: 'minor', ids: ['path-added'] },
    ]);
    expect(borrower!.commits).toBe(4);
    expect(borrower!.versions).toBe(2);
  });

  it('reports for each entry what `spec-diff <parent>:<root> <commit>:<root>` reports', async () => {
    const changed = [
      ...shop!.entries.map((e) => [SHOP, e] as const),
      ...borrower!.entries.map((e) => [BORROWER, e] as const),
    ].filter(([, e]) => e.change === 'changed');
    expect(changed).toHaveLength(4);
    for (const [root, entry] of changed) {
      const run = await runCli(
        [`${entry.parent}:${root}`, `${entry.commit}:${root}`, '--format', 'json', '--fail-on', 'never'],
        repo.dir,
      );
      expect(run.stderr).toBe('');
      const { findings, summary, bump } = JSON.parse(run.stdout);
      expect({ findings: entry.findings, summary: entry.summary, bump: entry.bump }, entry.subject).toEqual({
        findings,
        summary,
        bump,
      });
    }
  });

  it('ends at `ref` when given one', async () => {
    const history = await specHistory({ root: SHOP, cwd: repo.dir, ref: commits.reformat });
    expect(history.entries.map((e) => e.commit)).toEqual([commits.breaking, commits.added]);
  });

  it('names an unknown ref', async () => {
    await expect(specHistory({ root: SHOP, cwd: repo.dir, ref: 'no-such-ref' })).rejects.toThrow(
      /^no-such-ref: unknown git ref/,
    );
  });
});

describe('history edge cases', () => {
  it('marks the commit that deletes the spec as a removal', async () => {
    const gone = new GitRepo(shopFiles);
    gone.remove('spec/shop');
    gone.commit('shop: retired');
    const history = await specHistory({ root: SHOP, cwd: gone.dir });
    expect(history.entries.map((e) => [e.subject, e.change, e.bump])).toEqual([
      ['shop: retired', 'removed', 'major'],
      ['base', 'added', 'minor'],
    ]);
  });

  it('keeps a commit whose spec does not load, saying why, and the one that repairs it', async () => {
    const broken = new GitRepo(shopFiles);
    broken.write({ 'spec/shop/paths/items.yaml': 'get:\n  responses:\n   bad: [\n' });
    broken.commit('shop: broken');
    broken.write({ 'spec/shop/paths/items.yaml': shopFiles['spec/shop/paths/items.yaml']! });
    broken.commit('shop: repaired');
    const history = await specHistory({ root: SHOP, cwd: broken.dir });
    expect(history.entries.map((e) => [e.subject, e.findings.length, e.bump])).toEqual([
      ['shop: repaired', 0, 'none'],
      ['shop: broken', 0, 'none'],
      ['base', 1, 'minor'],
    ]);
    expect(history.entries[0]!.problem).toMatch(
      /^the spec does not load at its parent: [0-9a-f]{7}:spec\/shop\/paths\/items\.yaml:4: /,
    );
    expect(history.entries[1]!.problem).toMatch(/^the spec does not load at this commit: /);
  });

  it('gives a merge no entry of its own: the commits it merges have theirs', async () => {
    const merged = new GitRepo(shopFiles);
    merged.git('checkout', '-q', '-b', 'feature');
    merged.write({ [ITEM]: `${shopFiles[ITEM]!}  price: {type: number}\n` });
    merged.commit('feature: price');
    merged.git('checkout', '-q', 'main');
    merged.write({
      'spec/shop/paths/items.yaml': shopFiles['spec/shop/paths/items.yaml']!.replace(
        'description: The items.',
        'description: Every item.',
      ),
    });
    merged.commit('main: wording');
    merged.git('merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
    const history = await specHistory({ root: SHOP, cwd: merged.dir });
    expect(history.entries.map((e) => e.subject).sort()).toEqual(['base', 'feature: price', 'main: wording']);
  });

  it('judges a changed extension by the table it is given, and ignores what the table ignores', async () => {
    const paged = (page: string, id: number) =>
      shopFiles['spec/shop/openapi.yaml']!.replace(
        'paths:',
        `x-pagination: {pageParameter: ${page}}\nx-internal-id: ${id}\npaths:`,
      );
    const renamed = new GitRepo({ ...shopFiles, 'spec/shop/openapi.yaml': paged('page', 1) });
    renamed.write({ 'spec/shop/openapi.yaml': paged('p', 1) });
    renamed.commit('shop: the page parameter is p');
    renamed.write({ 'spec/shop/openapi.yaml': paged('p', 2) });
    renamed.commit('shop: another internal id');
    const extensions = { 'x-pagination': { pageParameter: 'breaking' }, 'x-internal-id': 'ignore' } as const;
    const judged = await specHistory({ root: SHOP, cwd: renamed.dir, extensions });
    expect(judged.entries.map((e) => [e.subject, e.bump, e.findings.map((f) => [f.id, f.pointer])])).toEqual([
      ['shop: the page parameter is p', 'major', [['extension-changed-breaking', '/x-pagination/pageParameter']]],
      ['base', 'minor', [['path-added', '/paths/~1items']]],
    ]);
    const unjudged = await specHistory({ root: SHOP, cwd: renamed.dir });
    expect(unjudged.entries.map((e) => [e.subject, e.findings.map((f) => f.id)])).toEqual([
      ['shop: another internal id', ['unknown-extension-changed']],
      ['shop: the page parameter is p', ['unknown-extension-changed']],
      ['base', ['path-added']],
    ]);
  });

  it('says the history cannot be read outside a repository', async () => {
    const error = await specHistory({ root: SHOP, cwd: mkdtempSync(join(tmpdir(), 'spec-diff-no-repo-')) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HistoryUnavailableError);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ reason: 'not-a-repository' });
    expect((error as Error).message).toMatch(/not inside a git repository: the history of the specs cannot be read$/);
  });

  it('refuses a shallow clone whose history stops after the spec was added, and reads one deep enough', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-diff-shallow-'));
    // Four commits: price, additive, borrower and reformat, which has the shop spec but not the borrower's.
    repo.git('clone', '-q', '--depth', '4', `file://${repo.dir}`, dir);
    const error = await specHistory({ root: SHOP, cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryUnavailableError);
    expect(error).toMatchObject({ reason: 'shallow-clone', file: SHOP });
    expect((error as Error).message).toMatch(
      /the clone is shallow: its history stops at [0-9a-f]+ \(\d{4}-\d\d-\d\d\), which already has the spec, so the commits that made it cannot be read. Fetch the whole history.*fetch-depth: 0\)$/,
    );
    const deep = await specHistory({ root: BORROWER, cwd: dir });
    expect(deep.entries.map((e) => e.subject)).toEqual(['shop: items have a price', 'borrower: first spec']);
  });
});
