import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './support/corpus.ts';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const malformed = fileURLToPath(new URL('./malformed/', import.meta.url));

function spawnBin(args: string[], cwd: string) {
  if (!existsSync(bin))
    throw new Error(
      `${bin} is missing: run \`pnpm --filter @oapi/spec-diff build\` first (turbo builds before testing)`,
    );
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
}

/** The built CLI, as a user runs it: exit codes and messages, never a stack trace. */
describe('dist/bin.js', () => {
  it('exits 1 on a breaking change', () => {
    const run = spawnBin(['operation-removed/base.yaml', 'operation-removed/head.yaml', '--format', 'json'], FIXTURES);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.breaking).toBe(1);
  });

  it('exits 0 when nothing changed', () => {
    const run = spawnBin(['identical/base.yaml', 'identical/head.yaml'], FIXTURES);
    expect(run.status).toBe(0);
  });

  it('exits 2 with one line on malformed input', () => {
    const run = spawnBin(['valid.yaml', 'yaml-syntax.yaml'], malformed);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('spec-diff: yaml-syntax.yaml:4: invalid YAML: bad indentation of a mapping entry\n');
  });

  it('type-checks with --types, loading typescript and openapi-typescript from the CommonJS build too', () => {
    const run = spawnBin(
      ['response-enum-value-added/base.yaml', 'response-enum-value-added/head.yaml', '--types', '--format', 'json'],
      FIXTURES,
    );
    expect(JSON.parse(run.stdout).types.findings.map((f: { id: string }) => f.id)).toEqual(['typescript-incompatible']);
    const cjs = spawnSync(
      process.execPath,
      [
        '-e',
        `const m = require(${JSON.stringify(bin.replace('bin.js', 'index.cjs'))});
         Promise.all(['base', 'head'].map((s) => m.loadSpecFile('response-enum-value-added/' + s + '.yaml')))
           .then(([b, h]) => m.checkTypes(b, h)).then((r) => console.log(r.findings.length + ' ' + r.operations));`,
      ],
      { cwd: FIXTURES, encoding: 'utf8' },
    );
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout).toBe('1 1\n');
  });
});
