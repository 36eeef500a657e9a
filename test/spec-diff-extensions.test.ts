// This repository's extension table (spec/EXTENSIONS.md) as spec-diff reads it, on the real specs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readExtensionTable } from '@oapi/spec-diff';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/spec-diff/dist/bin.js');
const table = join(root, 'spec/EXTENSIONS.md');
const OAUTH2 = 'klika/components/securitySchemes/oauth2.yaml';

interface Finding {
  id: string;
  severity: string;
  pointer: string;
  message: string;
}

/** A copy of spec/ with one file edited: the API's spec there diffed against the real one by the CLI. */
function diffEdited(
  api: string,
  path: string,
  edit: (text: string) => string,
  options: string[] = ['--extensions', table],
): Finding[] {
  const base = mkdtempSync(join(tmpdir(), 'spec-diff-ext-'));
  cpSync(join(root, 'spec'), base, { recursive: true });
  const file = join(base, path);
  const text = readFileSync(file, 'utf8');
  expect(edit(text), `the edit changes ${path}`).not.toBe(text);
  writeFileSync(file, edit(text));
  const run = (args: string[]): string => {
    try {
      return execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
    } catch (error) {
      return (error as { stdout: string }).stdout; // exit 1: a breaking finding
    }
  };
  const report = run([join(base, `${api}/openapi.yaml`), `spec/${api}/openapi.yaml`, '--format', 'json', ...options]);
  return (JSON.parse(report) as { findings: Finding[] }).findings;
}

const diffKlika = (edit: (scheme: string) => string, options?: string[]): Finding[] =>
  diffEdited('klika', OAUTH2, edit, options);

describe('spec/EXTENSIONS.md as the extension table', () => {
  it('gives every extension it lists a verdict', async () => {
    const extensions = await readExtensionTable(table);
    const listed = [...readFileSync(table, 'utf8').matchAll(/^\| `(x-[\w-]+)`/gm)].map((m) => m[1]);
    expect(Object.keys(extensions).sort()).toEqual([...listed].sort());
  });

  it('judges klika moving grant_type of the authorization-code exchange from the query into the body as breaking', () => {
    // The head is today's spec; the base is the spec before the `grants` override (commit fd285ed).
    const findings = diffKlika((scheme) => scheme.replace(/ {2}grants:\n(?: {4}.*\n)+/, ''));
    expect(findings.map((f) => [f.id, f.severity, f.pointer])).toEqual([
      [
        'extension-changed-breaking',
        'breaking',
        '/components/securitySchemes/oauth2/x-token-request/grants/authorization_code/grantTypeIn',
      ],
    ]);
    expect(findings[0]!.message).toBe(
      'security scheme `oauth2`: `x-token-request` `grants.authorization_code.grantTypeIn`: (none) → "body"',
    );
  });

  it('judges a shorter token lifetime as info', () => {
    const findings = diffKlika((scheme) => scheme.replace('x-token-lifetime: 60', 'x-token-lifetime: 7200'));
    expect(findings.map((f) => [f.id, f.severity, f.message])).toEqual([
      ['extension-changed-info', 'info', 'security scheme `oauth2`: `x-token-lifetime`: 7200 → 60'],
    ]);
  });

  it('without the table, names the extension as unknown instead of calling it a description change', () => {
    const findings = diffKlika((scheme) => scheme.replace(/ {2}grants:\n(?: {4}.*\n)+/, ''), []);
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ['unknown-extension-changed', 'security scheme `oauth2`: `x-token-request` changed (not in the extension table)'],
    ]);
  });

  // The base is the edited copy, the head today's spec.
  it.each([
    [
      'a changed server-match rule (another host for some account tokens)',
      'wootric',
      'wootric/openapi.yaml',
      (text: string) => text.replace('pattern: ^NPS-EU-', 'pattern: ^NPS-EURO-'),
      [['extension-changed-breaking', 'breaking', '/servers/1/x-server-match/pattern']],
    ],
    [
      'a server variable that becomes required',
      'cloudcx',
      'cloudcx/openapi.yaml',
      (text: string) => text.replace(/\n {8}x-required: true/, ''),
      [['extension-changed-breaking', 'breaking', '/servers/0/variables/host/x-required']],
    ],
    [
      'a renamed page parameter, and a page limit (info: the parameter maximum is judged)',
      'wootric-cxi',
      'wootric-cxi/openapi.yaml',
      (text: string) => text.replace('pageParameter: page', 'pageParameter: p').replace('maxPage: 30', 'maxPage: 40'),
      [
        ['extension-changed-breaking', 'breaking', '/x-pagination/pageParameter'],
        ['extension-changed-info', 'info', '/x-pagination/maxPage'],
      ],
    ],
  ])('judges %s by its effect on a client', (_what, api, path, edit, expected) => {
    const findings = diffEdited(api, path, edit);
    expect(findings.map((f) => [f.id, f.severity, f.pointer])).toEqual(expected);
  });
});
