import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diffSpecs } from '../diff.js';
import { InputError } from '../errors.js';
import { loadSpecArgument } from '../load/spec-argument.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderRulesMarkdown, renderRulesText } from '../report/rules-table.js';
import { renderText } from '../report/text.js';
import { rules } from '../rules.js';
import type { Summary } from '../types.js';
import { type CliArgs, type FailOn, parseCliArgs, UsageError } from './args.js';
import { USAGE } from './usage.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function fails(summary: Summary, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return summary.breaking > 0 || (failOn === 'warning' && summary.warning > 0);
}

/** Runs the CLI and returns its exit code: 0 fine, 1 findings at or above --fail-on, 2 unusable input. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    const [report, code] = await run(args, io.cwd);
    if (args.output) await writeFile(resolve(io.cwd, args.output), report);
    else io.stdout(report);
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`spec-diff: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`spec-diff: ${error.message}\n`);
      return 2;
    }
    io.stderr(`spec-diff: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 3;
  }
}

async function run(args: CliArgs, cwd: string): Promise<[string, number]> {
  if (args.command === 'rules') {
    const text =
      args.format === 'json'
        ? `${JSON.stringify(rules, null, 2)}\n`
        : args.format === 'markdown'
          ? renderRulesMarkdown()
          : renderRulesText();
    return [text, 0];
  }
  const [baseArg, headArg] = args.specs as [string, string];
  const [base, head] = await Promise.all([loadSpecArgument(baseArg, cwd), loadSpecArgument(headArg, cwd)]);
  const result = diffSpecs(base, head);
  const title = `${base.label} → ${head.label}`;
  const text =
    args.format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : args.format === 'markdown'
        ? renderMarkdown(result, `Spec diff ${title}`)
        : renderText(result, `spec-diff: ${title}`);
  return [text, fails(result.summary, args.failOn) ? 1 : 0];
}
