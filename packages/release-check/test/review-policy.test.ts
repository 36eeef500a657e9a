// What the release check adds to a plain diff, in throwaway repositories laid out as this one is:
// the extension table of spec/EXTENSIONS.md, accepted findings from .spec-diff.yaml, the type-level
// check and its bump policy, and release notes in written changesets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_TABLE } from '@oapi/api-list';
import { type DiffResult, readExtensionTable } from '@oapi/spec-diff';
import { describe, expect, it } from 'vitest';
import { GitRepo } from '../../spec-diff/test/support/git-repo.ts';
import { runCli as run } from '../../spec-diff/test/support/run-cli.ts';
import { nameMadeOptional, prWithBreakingChange, shopFiles } from '../../spec-diff/test/support/shop-spec.ts';
import { clientBump, main, renderMarkdownReport, runReleaseCheck } from '../src/index.js';

const runCli = (argv: string[], cwd: string) => run(argv, cwd, main);
const json = async (argv: string[], cwd: string) => {
  const result = await runCli([...argv, '--format', 'json'], cwd);
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) };
};

const ROOT = 'spec/shop/openapi.yaml';
const paged = (page: string) =>
  shopFiles[ROOT]!.replace('paths:', `x-pagination: {pageParameter: ${page}, maxPage: 10}\npaths:`);
const TABLE = `# Extensions

| extension | change | meaning |
|---|---|---|
| \`x-pagination\` | \`pageParameter: breaking; maxPage: info\` | How the lists page. |
`;

describe('the extension table (spec/EXTENSIONS.md)', () => {
  it("judges a changed extension by the head's table", async () => {
    const repo = new GitRepo({ ...shopFiles, [ROOT]: paged('page'), [EXTENSION_TABLE]: TABLE });
    repo.write({ [ROOT]: paged('p') });
    const { code, report } = await json(['--base', 'main'], repo.dir);
    expect(code).toBe(1);
    expect(report.findings.map((f: { id: string; pointer: string }) => [f.id, f.pointer])).toEqual([
      ['extension-changed-breaking', '/x-pagination/pageParameter'],
    ]);
    expect(report.apis[0].bump).toBe('major');
  });

  it('calls every extension change unknown in a repository without the table', async () => {
    const repo = new GitRepo({ ...shopFiles, [ROOT]: paged('page') });
    repo.write({ [ROOT]: paged('p') });
    const { report } = await json(['--base', 'main'], repo.dir);
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(['unknown-extension-changed']);
  });

  it("is this repository's own table, which every extension row gives a verdict", async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const table = await readExtensionTable(join(root, EXTENSION_TABLE));
    expect(Object.keys(table)).toEqual(expect.arrayContaining(['x-token-request', 'x-server-match', 'x-required']));
  });
});

const accept = (entries: string) => ({ '.spec-diff.yaml': `accepted:\n${entries}` });
const NAME_OPTIONAL = `  - rule: response-property-made-optional
    operation: GET /items
    reason: Items may come without a name since v2.
`;
const TYPE_BREAK = (expires: string) => `  - rule: typescript-incompatible
    operation: GET /items
    reason: Clients read the name through a fallback.
    expires: ${expires}
`;

describe('accepted findings (.spec-diff.yaml)', () => {
  it('shows accepted findings with their reason in the PR comment, not failing; they still need their bump', async () => {
    const repo = prWithBreakingChange();
    repo.write(accept(NAME_OPTIONAL + TYPE_BREAK('2999-12-31')));
    const result = await runCli(['--base', 'main', '--format', 'markdown', '--check-changesets'], repo.dir);
    expect(result.stdout).toContain(
      '- response 200 application/json `[].name`: became optional <sub>`response-property-made-optional`</sub> — accepted: Items may come without a name since v2. (.spec-diff.yaml:2)',
    );
    expect(result.stdout).toContain(
      'accepted until 2999-12-31: Clients read the name through a fallback. (.spec-diff.yaml:5)',
    );
    expect(result.stdout.split('\n')[1]).toBe(
      '### ⚪ Spec diff against `main`: 0 breaking · 0 warnings · 0 info · 1 accepted → **major**',
    );
    // Nothing fails but the changeset check: accepting a break releases it knowingly.
    expect(result.stdout).toContain('❌ `@oapi/shop` needs a major changeset; no changeset.');
    expect(result.code).toBe(1);
    repo.write({ '.changeset/names.md': '---\n"@oapi/shop": major\n---\n\nItems may come without a name.\n' });
    expect((await runCli(['--base', 'main', '--check-changesets'], repo.dir)).code).toBe(0);
  });

  it('fails again on an expired acceptance, saying it expired', async () => {
    const repo = prWithBreakingChange();
    repo.write(accept(NAME_OPTIONAL + TYPE_BREAK('2020-01-31')));
    const result = await runCli(['--base', 'main', '--format', 'markdown'], repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '— ⚠️ acceptance expired after 2020-01-31: Clients read the name through a fallback. (.spec-diff.yaml:5)',
    );
    expect(result.stdout).toContain('types: 1 break');
  });

  it('applies an acceptance for another API to none of this one, and names the entries nothing needed', async () => {
    const repo = prWithBreakingChange();
    repo.write(accept(`${NAME_OPTIONAL}    api: other\n${TYPE_BREAK('2999-12-31')}`));
    const { code, report } = await json(['--base', 'main'], repo.dir);
    expect(code).toBe(1);
    expect(report.summary.breaking).toBe(1);
    expect(report.types.summary.breaking).toBe(0);
    expect(report.unusedAcceptances.map((a: { source: string }) => a.source)).toEqual(['.spec-diff.yaml:2']);
    const text = await runCli(['--base', 'main'], repo.dir);
    expect(text.stdout).toContain(
      'Accepted findings that no longer occur, to remove: response-property-made-optional GET /items (.spec-diff.yaml:2)',
    );
  });

  it('exits 2 naming the line and field of a bad entry', async () => {
    const repo = prWithBreakingChange();
    repo.write(accept('  - rule: no-such-rule\n    operation: GET /items\n    reason: x\n'));
    const result = await runCli(['--base', 'main'], repo.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'release-check: .spec-diff.yaml:2: accepted[0]: `rule` must be a rule id (got "no-such-rule")\n',
    );
  });
});

/** A response header whose type changes: the same text on the wire, another type in code. */
const withHeader = (type: string) => ({
  'spec/shop/paths/items.yaml': shopFiles['spec/shop/paths/items.yaml']!.replace(
    '      description: The items.\n',
    `      description: The items.\n      headers:\n        X-Total-Count: {schema: {type: ${type}}}\n`,
  ),
});

describe('the type-level check', () => {
  it('reports its breaks apart from the wire findings and raises the bump to major, saying why', async () => {
    const repo = new GitRepo({ ...shopFiles, ...withHeader('string') });
    repo.write(withHeader('integer'));
    const { code, report } = await json(['--base', 'main'], repo.dir);
    expect(code).toBe(1);
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(['wire-type-compatible']);
    expect(report.types.findings.map((f: { id: string; api: string }) => [f.api, f.id])).toEqual([
      ['shop', 'typescript-incompatible'],
    ]);
    expect(report.apis[0]).toMatchObject({ wireBump: 'minor', bump: 'major', next: '1.0.0' });
    expect(report.apis[0].notes).toEqual([
      'the wire changes need minor; the type check raises it to major: code written against the types of @oapi/shop 0.1.0 no longer compiles',
    ]);
    expect(report.bump).toBe('major');
  });

  it('says what it checked when nothing breaks', async () => {
    const repo = new GitRepo(shopFiles);
    const item = 'spec/shop/components/schemas/Item.yaml';
    repo.write({ [item]: `${shopFiles[item]!}  price: {type: number}\n` });
    const result = await runCli(['--base', 'main'], repo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'TYPESCRIPT: code written against the old types still compiles; 1 operation checked',
    );
    expect(result.stdout.split('\n', 1)[0]).toBe(
      'spec-diff: work tree against main: 0 breaking, 0 warning, 1 info → minor',
    );
  });

  it('keeps the PR comment within its length: the compiler messages give way to a pointer', async () => {
    const repo = new GitRepo({ ...shopFiles, ...withHeader('string') });
    repo.write(withHeader('integer'));
    const report = await runReleaseCheck({ cwd: repo.dir, base: 'main' });
    const whole = renderMarkdownReport(report);
    expect(whole).toContain("Type 'number' is not assignable to type 'string'");
    const short = renderMarkdownReport(report, whole.length - 100);
    expect(short.length).toBeLessThan(whole.length - 100);
    expect(short).toContain('#### TypeScript: code written against the old types breaks in 1 operation (1 error)');
    expect(short).toContain("_The compiler's messages do not fit in this comment: run `pnpm spec:diff` for them._");
    expect(short).not.toContain("Type 'number' is not assignable");
  });

  it('is skipped with --no-types: the wire bump stands', async () => {
    const repo = new GitRepo({ ...shopFiles, ...withHeader('string') });
    repo.write(withHeader('integer'));
    const { code, report } = await json(['--base', 'main', '--no-types'], repo.dir);
    expect(code).toBe(0);
    expect(report.types).toBeNull();
    expect(report.apis[0]).toMatchObject({ wireBump: 'minor', bump: 'minor', types: null });
  });

  const result = (bump: DiffResult['bump']): DiffResult => ({
    findings: [],
    summary: { breaking: 0, warning: 0, info: 0 },
    bump,
  });
  it.each([
    ['minor', undefined, 'minor'],
    ['minor', 'none', 'minor'],
    ['patch', 'major', 'major'],
    ['none', 'major', 'major'],
    ['major', 'none', 'major'],
  ] as const)('policy: wire %s with type check %s needs %s', (wire, types, needed) => {
    expect(clientBump(result(wire), types === undefined ? undefined : result(types))).toBe(needed);
  });
});

describe('--write-changeset', () => {
  it('writes one changeset per client package, its release notes a sentence per change', async () => {
    const other = {
      'redocly.yaml': `${shopFiles['redocly.yaml']!}  other@v1:\n    root: spec/other/openapi.yaml\n`,
      'spec/other/openapi.yaml': 'openapi: 3.1.0\ninfo: {title: Other, version: 1.0.0}\npaths: {}\n',
      'packages/other/package.json': JSON.stringify({ name: '@oapi/other', version: '1.2.0' }),
    };
    const repo = new GitRepo({ ...shopFiles, ...other });
    repo.write(nameMadeOptional);
    repo.write({
      'spec/other/openapi.yaml': `${other['spec/other/openapi.yaml'].replace('paths: {}', 'paths:')}\n  /things:\n    get:\n      responses: {'200': {description: ok}}\n`,
    });
    const result = await runCli(['--base', 'main', '--write-changeset'], repo.dir);
    expect(result.stdout).toContain('wrote .changeset/spec-diff-shop.md\nwrote .changeset/spec-diff-other.md');
    expect(readFileSync(join(repo.dir, '.changeset/spec-diff-shop.md'), 'utf8')).toMatch(
      /^---\n"@oapi\/shop": major\n---\n\nUpdate to the shop API spec: 1 breaking change, 1 type-level break\.\n\n- `GET \/items`\n/,
    );
    expect(readFileSync(join(repo.dir, '.changeset/spec-diff-other.md'), 'utf8')).toBe(
      '---\n"@oapi/other": minor\n---\n\nUpdate to the other API spec: 1 other change.\n\n- `/things`\n  - The path /things was added (GET).\n',
    );
  });
});
