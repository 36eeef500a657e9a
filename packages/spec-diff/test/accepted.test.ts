import { describe, expect, it } from 'vitest';
import {
  type Acceptance,
  applyAcceptances,
  type DiffResult,
  type Finding,
  InputError,
  parseAcceptances,
  summarize,
} from '../src/index.ts';
import { fixtureWorkspace } from './support/corpus.ts';
import { runCli } from './support/run-cli.ts';

const finding = (id: Finding['id'], severity: Finding['severity'], operation: string | null): Finding => ({
  id,
  severity,
  operation,
  pointer: '/paths/~1items/delete',
  message: 'operation removed without being deprecated first',
});
const accept = (overrides: Partial<Acceptance> = {}): Acceptance => ({
  rule: 'operation-removed',
  operation: 'DELETE /items',
  reason: 'Nobody could call it: it always answered 500.',
  source: '.spec-diff.yaml:2',
  ...overrides,
});
const today = new Date('2026-06-15T12:00:00Z');
const result: DiffResult = summarize([
  finding('operation-removed', 'breaking', 'DELETE /items'),
  finding('server-added', 'info', null),
]);

describe('applyAcceptances', () => {
  it('marks an accepted finding, leaves it out of the summary and keeps its bump', () => {
    const accepted = applyAcceptances(result, [accept({ expires: '2026-06-15' })], { today });
    expect(accepted.summary).toEqual({ breaking: 0, warning: 0, info: 1 });
    expect(accepted.bump).toBe('major');
    expect(accepted.findings[0]!.acceptance).toEqual({
      reason: 'Nobody could call it: it always answered 500.',
      expires: '2026-06-15',
      source: '.spec-diff.yaml:2',
      expired: false,
    });
    expect(accepted.unusedAcceptances).toEqual([]);
  });

  it('counts the finding again the day after the acceptance expires', () => {
    const accepted = applyAcceptances(result, [accept({ expires: '2026-06-14' })], { today });
    expect(accepted.summary.breaking).toBe(1);
    expect(accepted.findings[0]!.acceptance?.expired).toBe(true);
  });

  it('matches rule and operation, and an api only when the caller names it', () => {
    const other = accept({ operation: 'GET /items' });
    const forKlika = accept({ api: 'klika' });
    expect(applyAcceptances(result, [other], { today }).summary.breaking).toBe(1);
    expect(applyAcceptances(result, [other], { today }).unusedAcceptances).toEqual([other]);
    expect(applyAcceptances(result, [forKlika], { today }).summary.breaking).toBe(1);
    expect(applyAcceptances(result, [forKlika], { today, api: 'klika' }).summary.breaking).toBe(0);
    expect(applyAcceptances(result, [accept({ rule: 'server-added', operation: null })], { today }).summary.info).toBe(
      0,
    );
  });
});

describe('parseAcceptances', () => {
  it('reads rule, operation, reason, expiry and api, with where each is written', () => {
    const text = `# reviewed\naccepted:\n  - rule: server-removed\n    operation: null\n    reason: The EU host moved.\n    expires: 2027-01-31\n  - {rule: type-changed, operation: GET /a, reason: A fix, api: klika}\n`;
    expect(parseAcceptances(text, '.spec-diff.yaml')).toEqual([
      {
        rule: 'server-removed',
        operation: null,
        reason: 'The EU host moved.',
        expires: '2027-01-31',
        source: '.spec-diff.yaml:3',
      },
      { rule: 'type-changed', operation: 'GET /a', reason: 'A fix', api: 'klika', source: '.spec-diff.yaml:7' },
    ]);
    expect(parseAcceptances('', 'empty.yaml')).toEqual([]);
  });

  it.each([
    [
      'accepted:\n  - {rule: no-such-rule, operation: GET /a, reason: x}\n',
      2,
      'accepted[0]: `rule` must be a rule id (got "no-such-rule")',
    ],
    [
      'accepted:\n  - {rule: type-changed, reason: x}\n',
      2,
      'accepted[0]: `operation` must be `METHOD /path`, a path, a webhook, or null for the document',
    ],
    [
      'accepted:\n  - {rule: type-changed, operation: GET /a, reason: " "}\n',
      2,
      'accepted[0]: `reason` must say why the finding is accepted',
    ],
    [
      'accepted:\n  - {rule: type-changed, operation: GET /a, reason: x, expires: 2026-02-30}\n',
      2,
      'accepted[0]: `expires` must be a date, YYYY-MM-DD',
    ],
    [
      'accepted:\n  - {rule: type-changed, operation: GET /a, reason: x, until: 2026-02-01}\n',
      2,
      'accepted[0]: unknown field `until`',
    ],
    ['accepted: yes\n', 1, '`accepted` must be a list of accepted findings'],
    ['accepted:\n  - rule: [\n', 3, 'invalid YAML'],
  ])('%j is an input error at line %i', (text, line, problem) => {
    const error = (() => {
      try {
        parseAcceptances(text, '.spec-diff.yaml');
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.line).toBe(line);
    expect(error.problem).toContain(problem);
  });
});

describe('the CLI with accepted findings', () => {
  const workspace = (accepted?: string): string =>
    fixtureWorkspace('operation-removed', accepted === undefined ? {} : { '.spec-diff.yaml': accepted });
  const entry = (expires: string) =>
    `accepted:\n  - rule: operation-removed\n    operation: DELETE /items\n    reason: It never worked.\n    expires: ${expires}\n`;

  it('reads .spec-diff.yaml in the working directory: the break is shown as accepted and does not fail', async () => {
    const run = await runCli(['base.yaml', 'head.yaml'], workspace(entry('2999-12-31')));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 breaking, 0 warning, 0 info, 1 accepted → major release');
    expect(run.stdout).toContain(
      'ACCEPTED\n  DELETE /items\n    operation removed without being deprecated first  [operation-removed]',
    );
    expect(run.stdout).toContain('accepted until 2999-12-31: It never worked. (');
  });

  it('fails again once the acceptance has expired, saying so', async () => {
    const run = await runCli(['base.yaml', 'head.yaml', '--format', 'markdown'], workspace(entry('2020-01-31')));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('⚠️ acceptance expired after 2020-01-31: It never worked.');
    expect(run.stdout).toContain('1 breaking · 0 warnings · 0 info');
  });

  it('lists accepted findings with their reason in the PR comment, and ones no longer needed', async () => {
    const stale = `${entry('2999-12-31')}  - {rule: type-changed, operation: GET /gone, reason: Old.}\n`;
    const dir = fixtureWorkspace('operation-removed', { 'reviewed.yaml': stale });
    const run = await runCli(['base.yaml', 'head.yaml', '--format', 'markdown', '--accepted', 'reviewed.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('#### Accepted (1)');
    expect(run.stdout).toMatch(
      /- operation removed without being deprecated first <sub>`operation-removed`<\/sub> — accepted until 2999-12-31: It never worked\. \(.*reviewed\.yaml:2\)/,
    );
    expect(run.stdout).toMatch(
      /Accepted findings that no longer occur, to remove: type-changed GET \/gone \(.*reviewed\.yaml:6\)/,
    );
  });

  it('names the file and line of a bad entry and exits 2', async () => {
    const run = await runCli(
      ['base.yaml', 'head.yaml'],
      workspace('accepted:\n  - {rule: nope, operation: GET /a, reason: x}\n'),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /spec-diff: .*\.spec-diff\.yaml:2: accepted\[0\]: `rule` must be a rule id \(got "nope"\)/,
    );
  });
});
