// The release check (`pnpm spec:diff`) in throwaway repositories laid out as this one is: each API
// of redocly.yaml against a ref, its client package and bump, the changesets, the PR comment.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRepo } from '../../spec-diff/test/support/git-repo.ts';
import { runCli as run } from '../../spec-diff/test/support/run-cli.ts';
import { nameMadeOptional, otherApi, prWithBreakingChange, shopFiles } from '../../spec-diff/test/support/shop-spec.ts';
import { main } from '../src/index.js';

const runCli = (argv: string[], cwd: string) => run(argv, cwd, main);

const RESPONSE = '/paths/~1items/get/responses/200/content/application~1json/schema/items/properties/name';

describe('release-check --base <ref>', () => {
  it("diffs each API of redocly.yaml against the ref, through its $ref'd files, and names the bump its client needs", async () => {
    const repo = prWithBreakingChange();
    const run = await runCli(['--base', 'main', '--format', 'json'], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toEqual([
      {
        id: 'response-property-made-optional',
        severity: 'breaking',
        operation: 'GET /items',
        pointer: RESPONSE,
        message: 'response 200 application/json `[].name`: became optional',
        api: 'shop',
      },
    ]);
    expect(report.bump).toBe('major');
    expect(report.apis).toEqual([
      {
        api: 'shop',
        root: 'spec/shop/openapi.yaml',
        package: '@oapi/shop',
        version: '0.1.0',
        bump: 'major',
        next: '1.0.0',
        meaning: 'releases 1.0.0, the first stable version',
        summary: { breaking: 1, warning: 0, info: 0 },
        notes: [],
      },
    ]);
  });

  it('finds nothing when the work tree matches the ref', async () => {
    const repo = new GitRepo(shopFiles);
    const run = await runCli(['--base', 'main', '--check-changesets'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 breaking, 0 warning, 0 info → none');
    expect(run.stdout).toContain('Changesets bump every affected package enough.');
  });

  it('treats an API the PR adds as all additions and says there was no spec at the ref', async () => {
    const repo = new GitRepo(shopFiles);
    repo.write(otherApi);
    const run = await runCli(['--base', 'main', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    const other = JSON.parse(run.stdout).apis.find((a: { api: string }) => a.api === 'other');
    expect(other.summary).toEqual({ breaking: 0, warning: 0, info: 1 });
    expect(other.notes).toEqual([
      'no spec at main:spec/other/openapi.yaml: a new API, every operation is an addition',
      'no client package at packages/other: no bump to check',
    ]);
  });

  it('treats an API the PR removes from redocly.yaml as removed', async () => {
    const repo = new GitRepo({ ...shopFiles, ...otherApi });
    repo.write({ 'redocly.yaml': shopFiles['redocly.yaml']! });
    const run = await runCli(['--base', 'main', '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(report.findings.map((f: { id: string; api: string }) => [f.api, f.id])).toEqual([['other', 'path-removed']]);
  });

  it('says so when an API of redocly.yaml has no spec on either side', async () => {
    const repo = new GitRepo({ ...shopFiles, 'redocly.yaml': otherApi['redocly.yaml']! });
    const run = await runCli(['--base', 'main', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    const other = JSON.parse(run.stdout).apis.find((a: { api: string }) => a.api === 'other');
    expect(other.notes[0]).toBe('no spec at spec/other/openapi.yaml in the work tree nor at main: nothing to compare');
    expect(other.bump).toBe('none');
  });

  it('compares two refs with --head, whatever the work tree holds', async () => {
    const repo = new GitRepo(shopFiles);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(nameMadeOptional);
    repo.commit('make name optional');
    repo.git('checkout', '-q', 'main');
    const run = await runCli(['--base', 'main', '--head', 'feature', '--format', 'json'], repo.dir);
    expect(JSON.parse(run.stdout).findings.map((f: { pointer: string }) => f.pointer)).toEqual([RESPONSE]);
  });

  it('exits 2 naming an unknown ref', async () => {
    const repo = new GitRepo(shopFiles);
    const run = await runCli(['--base', 'no-such-branch'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^release-check: no-such-branch: unknown git ref/);
  });

  it('exits 2 naming a spec that is broken at the ref', async () => {
    const repo = new GitRepo({ ...shopFiles, 'spec/shop/paths/items.yaml': 'get:\n  responses:\n   bad: [\n' });
    repo.write({ 'spec/shop/paths/items.yaml': shopFiles['spec/shop/paths/items.yaml']! });
    const run = await runCli(['--base', 'main'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^release-check: main:spec\/shop\/paths\/items\.yaml:\d+: /);
  });
});

describe('changesets', () => {
  it('--check-changesets fails when no changeset bumps the affected package', async () => {
    const repo = prWithBreakingChange();
    const run = await runCli(
      ['--base', 'main', '--check-changesets', '--fail-on', 'never', '--format', 'markdown'],
      repo.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('❌ `@oapi/shop` needs a major changeset; no changeset.');
  });

  it('--check-changesets fails when the changesets bump it too little', async () => {
    const repo = prWithBreakingChange();
    repo.write({ '.changeset/tidy-items.md': '---\n"@oapi/shop": minor\n---\n\nItems lose their required name.\n' });
    const run = await runCli(['--base', 'main', '--check-changesets', '--fail-on', 'never'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '@oapi/shop needs a major changeset; changesets give minor (.changeset/tidy-items.md).',
    );
  });

  it('--check-changesets passes with a major changeset', async () => {
    const repo = prWithBreakingChange();
    repo.write({ '.changeset/tidy-items.md': '---\n"@oapi/shop": major\n---\n\nItems lose their required name.\n' });
    const run = await runCli(['--base', 'main', '--check-changesets', '--fail-on', 'never'], repo.dir);
    expect(run.code).toBe(0);
  });

  it('--write-changeset writes one that the check then accepts', async () => {
    const repo = prWithBreakingChange();
    const run = await runCli(
      ['--base', 'main', '--write-changeset', '--check-changesets', '--fail-on', 'never'],
      repo.dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote .changeset/spec-diff-shop.md');
    const written = readFileSync(join(repo.dir, '.changeset/spec-diff-shop.md'), 'utf8');
    expect(written).toBe(
      '---\n"@oapi/shop": major\n---\n\nUpdate to the shop API spec: 1 breaking change (GET /items: response 200 application/json `[].name`: became optional).\n',
    );
  });

  it('writes no changeset when nothing changed', async () => {
    const repo = new GitRepo(shopFiles);
    const run = await runCli(['--base', 'main', '--write-changeset'], repo.dir);
    expect(run.code).toBe(0);
    expect(existsSync(join(repo.dir, '.changeset/spec-diff-.md'))).toBe(false);
    expect(run.stdout).not.toContain('wrote');
  });

  it('exits 2 naming a changeset whose frontmatter is broken', async () => {
    const repo = prWithBreakingChange();
    repo.write({ '.changeset/broken.md': '---\n"@oapi/shop": huge\n---\n\nOops.\n' });
    const run = await runCli(['--base', 'main', '--check-changesets'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('release-check: .changeset/broken.md: "@oapi/shop": huge is not major, minor or patch\n');
  });
});

describe('the PR comment', () => {
  it('starts with the marker and a summary line, then breaking changes grouped by operation', async () => {
    const repo = prWithBreakingChange();
    repo.write(otherApi);
    const run = await runCli(
      ['--base', 'main', '--format', 'markdown', '--check-changesets', '--fail-on', 'never'],
      repo.dir,
    );
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('<!-- spec-diff -->');
    expect(lines[1]).toBe('### 🔴 Spec diff against `main`: 1 breaking · 0 warnings · 1 info → **major**');
    expect(run.stdout).toContain(
      '- **shop**: 1 breaking · 0 warnings · 0 info; `@oapi/shop` 0.1.0 needs **major** → 1.0.0 (releases 1.0.0, the first stable version)',
    );
    const breaking = run.stdout.indexOf(
      '#### Breaking changes (1)\n\n**`GET /items`**\n- response 200 application/json `[].name`: became optional',
    );
    const other = run.stdout.indexOf('Additions and compatible changes (1)');
    expect(breaking).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(breaking);
  });
});
