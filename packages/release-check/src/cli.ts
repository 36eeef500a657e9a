import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '@oapi/spec-diff';
import { renderJsonReport, renderMarkdownProblem, renderMarkdownReport, renderTextReport } from './render.js';
import { runReleaseCheck } from './run-check.js';

export const USAGE = `Usage:
  pnpm spec:diff --base <git-ref> [options]   every API of redocly.yaml against a git ref, with the
                                              client package and bump each needs

Options:
  --base <git-ref>                  the ref to compare with (required)
  --head <git-ref>                  compare this ref instead of the work tree
  --format text|markdown|json       report format (default: text); markdown is the PR comment
  --fail-on breaking|warning|never  exit 1 when a finding this severe or worse is found (default: breaking)
  --output <file>                   write the report to a file instead of standard output
  --check-changesets                exit 1 when the pending changesets do not bump an affected package enough
  --write-changeset                 write .changeset/spec-diff-<apis>.md with the bumps the diff needs

Exit codes: 0 fine; 1 a finding at or above --fail-on, or changesets short; 2 unusable input (the
message names the file and the problem; with --format markdown --output, the file holds it as a PR
comment); 3 an unexpected error (a bug).
`;

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

const formats = ['text', 'markdown', 'json'] as const;
const failOns = ['breaking', 'warning', 'never'] as const;

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0]!;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function parse(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        output: { type: 'string', short: 'o' },
        'check-changesets': { type: 'boolean', default: false },
        'write-changeset': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.help && !values.base) throw new UsageError('--base <git-ref> is required');
    return {
      ...values,
      format: oneOf('format', values.format, formats),
      failOn: oneOf('fail-on', values['fail-on'], failOns),
    };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** Runs the release check and returns its exit code (see USAGE). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`release-check: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  const emit = async (text: string) => (args.output ? writeFile(resolve(io.cwd, args.output), text) : io.stdout(text));
  try {
    const report = await runReleaseCheck({
      cwd: io.cwd,
      base: args.base!,
      ...(args.head ? { head: args.head } : {}),
      checkChangesets: args['check-changesets'],
      writeChangeset: args['write-changeset'],
    });
    const render = { json: renderJsonReport, markdown: renderMarkdownReport, text: renderTextReport }[args.format];
    await emit(render(report));
    const { breaking, warning } = report.summary;
    const fails = args.failOn === 'breaking' ? breaking > 0 : args.failOn === 'warning' && breaking + warning > 0;
    return fails || report.changesets?.ok === false ? 1 : 0;
  } catch (error) {
    const known = error instanceof InputError;
    const message = known ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    io.stderr(`release-check: ${message}\n`);
    // The PR comment then says what could not be compared, instead of nothing.
    if (args.format === 'markdown' && args.output) await emit(renderMarkdownProblem(message));
    return known ? 2 : 3;
  }
}
