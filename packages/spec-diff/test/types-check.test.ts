import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkTypes, loadSpecFile } from '../src/index.ts';
import { FIXTURES, fixtureWorkspace } from './support/corpus.ts';
import { runCli } from './support/run-cli.ts';

// A response header string → integer: compatible on the wire (text), a break for typed code.
const header = ['response-header-text-narrowed/base.yaml', 'response-header-text-narrowed/head.yaml'];

describe('spec-diff --types', () => {
  it('reports a type-level break apart from the wire verdict, with the compiler message, and fails on it', async () => {
    const wireOnly = await runCli(header, FIXTURES);
    expect(wireOnly.code).toBe(0);
    expect(wireOnly.stdout).not.toContain('TYPESCRIPT');

    const run = await runCli([...header, '--types'], FIXTURES);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('0 breaking, 0 warning, 1 info → minor release');
    expect(run.stdout).toContain(
      'TYPESCRIPT: code written against the old types breaks in 1 operation (1 error); 1 operation checked\n  GET /items\n    response 200 headers: Type ',
    );
    expect(run.stdout).toContain("Type 'number' is not assignable to type 'string'.");
  });

  it('puts the type check under `types` in JSON and in its own section of the PR comment', async () => {
    const json = JSON.parse((await runCli([...header, '--types', '--format', 'json'], FIXTURES)).stdout);
    expect(Object.keys(json)).toEqual(['findings', 'summary', 'bump', 'types']);
    expect(json.summary).toEqual({ breaking: 0, warning: 0, info: 1 });
    expect(json.types.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(json.types.operations).toBe(1);
    expect(json.types.findings[0]).toMatchObject({
      id: 'typescript-incompatible',
      operation: 'GET /items',
      pointer: '/paths/~1items/get/responses/200/headers',
    });
    const markdown = (await runCli([...header, '--types', '--format', 'markdown'], FIXTURES)).stdout;
    expect(markdown).toContain('#### TypeScript: code written against the old types breaks in 1 operation (1 error)');
  });

  it('accepts a type-level break like any other finding', async () => {
    const dir = fixtureWorkspace('response-header-text-narrowed', {
      '.spec-diff.yaml':
        'accepted:\n  - {rule: typescript-incompatible, operation: GET /items, reason: The header always held a number.}\n',
    });
    const run = await runCli(['base.yaml', 'head.yaml', '--types'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('still compiles; 1 operation checked, 1 accepted');
    expect(run.stdout).toContain('accepted: The header always held a number.');
  });

  it('checks only the operations the wire findings name, and nothing when there are none', async () => {
    const spec = await loadSpecFile(join(FIXTURES, 'identical/base.yaml'));
    expect(await checkTypes(spec, spec, { findings: [] })).toEqual({
      findings: [],
      summary: { breaking: 0, warning: 0, info: 0 },
      bump: 'none',
      operations: 0,
    });
  });
});

describe('without typescript and openapi-typescript installed', () => {
  it('says which packages the type check needs, as unusable input (exit 2)', async () => {
    vi.resetModules();
    vi.doMock('openapi-typescript', () => {
      throw new Error("Cannot find package 'openapi-typescript'");
    });
    try {
      const { main } = await import('../src/cli/main.ts');
      let stderr = '';
      const code = await main([...header, '--types'], {
        cwd: FIXTURES,
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /^spec-diff: --types: the type check needs the packages typescript and openapi-typescript \(pnpm add -D typescript openapi-typescript\)/,
      );
    } finally {
      vi.doUnmock('openapi-typescript');
      vi.resetModules();
    }
  });
});
