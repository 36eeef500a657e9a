import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const dir = fileURLToPath(new URL('./malformed/', import.meta.url));

/** Each unusable input exits 2 with one line naming the file (and line, where there is one) and the problem. */
const cases: Array<[file: string, message: RegExp]> = [
  ['yaml-syntax.yaml', /^spec-diff: yaml-syntax\.yaml:4: invalid YAML: bad indentation of a mapping entry$/m],
  ['json-syntax.json', /^spec-diff: json-syntax\.json:5: invalid JSON: /],
  ['not-openapi.yaml', /^spec-diff: not-openapi\.yaml: not an OpenAPI document: the `openapi` field is missing$/m],
  [
    'swagger-2.yaml',
    /^spec-diff: swagger-2\.yaml: Swagger 2\.0 is not supported: convert it to OpenAPI 3\.0 or 3\.1$/m,
  ],
  ['openapi-4.yaml', /^spec-diff: openapi-4\.yaml: OpenAPI 4\.0\.0 is not supported: expected 3\.0 or 3\.1$/m],
  [
    'top-level-list.yaml',
    /^spec-diff: top-level-list\.yaml: not an OpenAPI document: expected an object at the top level$/m,
  ],
  ['paths-not-object.yaml', /^spec-diff: paths-not-object\.yaml: `paths` must be an object$/m],
  [
    'unresolved-ref.yaml',
    /^spec-diff: unresolved-ref\.yaml:11: \$ref "#\/components\/schemas\/Missing" does not resolve$/m,
  ],
  ['missing-file-ref.yaml', /^spec-diff: missing-file-ref\.yaml:5: Can't resolve \$ref/m],
  ['empty.yaml', /^spec-diff: empty\.yaml: the file is empty$/m],
  ['no-such-file.yaml', /^spec-diff: no-such-file\.yaml: no such file$/m],
];

describe('unusable input exits 2 naming the file and the problem', () => {
  it.each(cases)('%s as head', async (file, message) => {
    const run = await runCli(['valid.yaml', file], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(cases)('%s as base', async (file, message) => {
    const run = await runCli([file, 'valid.yaml', '--format', 'json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a folder is not a spec', async () => {
    const run = await runCli(['valid.yaml', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('spec-diff: .: is a directory, not a file\n');
  });
});
