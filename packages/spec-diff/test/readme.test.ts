import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffSpecs, InputError, loadSpecFile } from '../src/index.ts';

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
