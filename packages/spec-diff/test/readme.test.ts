import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyAcceptances,
  checkTypes,
  diffSpecs,
  InputError,
  loadSpecFile,
  readAcceptancesIn,
  readExtensionTable,
  releaseNotes,
  renderReleaseNotes,
} from '../src/index.ts';

const fixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

describe('README library example', () => {
  it('loads two specs and diffs them', async () => {
    const [base, head] = await Promise.all([
      loadSpecFile(fixture('operation-removed/base.yaml')),
      loadSpecFile(fixture('operation-removed/head.yaml')),
    ]);
    const { findings, summary, bump } = diffSpecs(base, head);
    expect(findings.map((f) => f.id)).toEqual(['operation-removed']);
    expect(summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(bump).toBe('major');
  });

  it('throws an InputError with the file, line and problem', async () => {
    const file = fileURLToPath(new URL('./malformed/yaml-syntax.yaml', import.meta.url));
    const error = await loadSpecFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file, line: 4, problem: 'invalid YAML: bad indentation of a mapping entry' });
  });
});

describe('README: a tool that diffs several APIs', () => {
  it('reads the extension table and accepted findings, checks types and writes release notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-diff-readme-'));
    writeFileSync(join(dir, 'EXTENSIONS.md'), '| extension | change |\n|---|---|\n| `x-token-lifetime` | `info` |\n');
    writeFileSync(
      join(dir, '.spec-diff.yaml'),
      'accepted:\n  - {rule: response-enum-value-added, operation: GET /items, reason: Returned since 2024., api: klika}\n',
    );
    const [base, head] = await Promise.all([
      loadSpecFile(fixture('response-enum-value-added/base.yaml')),
      loadSpecFile(fixture('response-enum-value-added/head.yaml')),
    ]);

    const extensions = await readExtensionTable(join(dir, 'EXTENSIONS.md'));
    const acceptances = await readAcceptancesIn(dir);
    const wire = applyAcceptances(diffSpecs(base, head, { extensions }), acceptances, { api: 'klika' });
    const types = applyAcceptances(await checkTypes(base, head, { findings: wire.findings }), acceptances, {
      api: 'klika',
    });
    const notes = renderReleaseNotes(releaseNotes(wire.findings));

    expect(wire.summary).toEqual({ breaking: 0, warning: 0, info: 0 });
    expect(wire.findings[0]!.acceptance?.reason).toBe('Returned since 2024.');
    expect(types.summary.breaking).toBe(1);
    expect(types.unusedAcceptances).toHaveLength(1);
    expect(notes).toContain('**Breaking:** `status` in the 200 response (application/json) can now return "banned".');
    expect(notes).toContain('(Accepted: Returned since 2024.)');
  });
});
