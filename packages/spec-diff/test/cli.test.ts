import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './support/corpus.ts';
import { runCli } from './support/run-cli.ts';

const breaking = ['operation-removed/base.yaml', 'operation-removed/head.yaml'];
const warningOnly = ['operation-deprecated/base.yaml', 'operation-deprecated/head.yaml'];
const infoOnly = ['parameter-added/base.yaml', 'parameter-added/head.yaml'];
const nothing = ['identical/base.yaml', 'identical/head.yaml'];

describe('exit codes', () => {
  it.each([
    [breaking, [], 1],
    [breaking, ['--fail-on', 'never'], 0],
    [breaking, ['--fail-on', 'warning'], 1],
    [warningOnly, [], 0],
    [warningOnly, ['--fail-on', 'warning'], 1],
    [infoOnly, ['--fail-on', 'warning'], 0],
    [nothing, [], 0],
  ] as const)('%j %j exits %i', async (specs, options, code) => {
    const run = await runCli([...specs, ...options], FIXTURES);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
  });
});

describe('usage errors exit 2 with the usage', () => {
  it.each([
    [['only-one.yaml'], 'expected two specs, <base> and <head>; got 1'],
    [[...nothing, '--format', 'html'], '--format must be one of text, markdown, json (got "html")'],
    [[...nothing, '--fail-on', 'info'], '--fail-on must be one of breaking, warning, never (got "info")'],
    // The repository's release check (packages/release-check) has these; the general differ does not.
    [[...nothing, '--base', 'main'], "Unknown option '--base'"],
    [[...nothing, '--colour'], "Unknown option '--colour'"],
  ])('%j', async (argv, message) => {
    const run = await runCli(argv, FIXTURES);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`spec-diff: ${message}`);
    expect(run.stderr).toContain('Usage:');
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help'], FIXTURES);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:/);
  });
});

describe('formats', () => {
  it('json has exactly the documented shape', async () => {
    const run = await runCli([...breaking, '--format', 'json'], FIXTURES);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'summary', 'bump']);
    expect(report.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(report.bump).toBe('major');
    expect(report.findings).toEqual([
      {
        id: 'operation-removed',
        severity: 'breaking',
        operation: 'DELETE /items',
        pointer: '/paths/~1items/delete',
        message: 'operation removed without being deprecated first',
      },
    ]);
  });

  it('text names both specs, the summary and each finding with its rule', async () => {
    const run = await runCli(breaking, FIXTURES);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'spec-diff: operation-removed/base.yaml → operation-removed/head.yaml',
      '1 breaking, 0 warning, 0 info → major release',
    ]);
    expect(run.stdout).toContain(
      'BREAKING\n  DELETE /items\n    operation removed without being deprecated first  [operation-removed]\n      at /paths/~1items/delete',
    );
  });

  it('markdown says there is nothing when there is nothing', async () => {
    const run = await runCli([...nothing, '--format', 'markdown'], FIXTURES);
    expect(run.stdout).toContain('0 breaking · 0 warnings · 0 info → **none**');
    expect(run.stdout).toContain('No changes.');
  });

  it('--output writes the report to a file instead of standard output', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'spec-diff-')), 'report.json');
    const run = await runCli([...breaking, '--format', 'json', '--output', out], FIXTURES);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).bump).toBe('major');
  });
});
