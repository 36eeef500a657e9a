import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ACCEPTED_FILE, type Acceptance, readAcceptances } from '../accept/acceptances.js';
import { applyAcceptances } from '../accept/apply.js';
import { diffSpecs } from '../diff.js';
import { readExtensionTable } from '../load/extension-table.js';
import { loadSpecArgument } from '../load/spec-argument.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import type { Summary } from '../types.js';
import type { CliArgs, FailOn } from './args.js';

export function fails(summary: Summary, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return summary.breaking > 0 || (failOn === 'warning' && summary.warning > 0);
}

/** `spec-diff <base> <head>`: the report and the exit code. */
export async function runDiff(args: CliArgs, cwd: string): Promise<[string, number]> {
  const [baseArg, headArg] = args.specs as [string, string];
  const [base, head, extensions, acceptances] = await Promise.all([
    loadSpecArgument(baseArg, cwd),
    loadSpecArgument(headArg, cwd),
    args.extensions === undefined ? undefined : readExtensionTable(resolve(cwd, args.extensions)),
    readAcceptedFindings(args, cwd),
  ]);
  const result = applyAcceptances(diffSpecs(base, head, extensions ? { extensions } : {}), acceptances);
  const { unusedAcceptances, ...report } = result;
  const title = `${base.label} → ${head.label}`;
  const text =
    args.format === 'json'
      ? `${JSON.stringify(unusedAcceptances.length ? result : report, null, 2)}\n`
      : args.format === 'markdown'
        ? renderMarkdown(report, `Spec diff ${title}`) + unusedNote(unusedAcceptances, '\n_', '_\n')
        : renderText(report, `spec-diff: ${title}`) + unusedNote(unusedAcceptances, '\n', '\n');
  return [text, fails(result.summary, args.failOn) ? 1 : 0];
}

/** `--accepted <file>`, or `.spec-diff.yaml` in the working directory when there is one. */
async function readAcceptedFindings(args: CliArgs, cwd: string): Promise<Acceptance[]> {
  if (args.accepted !== undefined) return readAcceptances(resolve(cwd, args.accepted));
  const file = resolve(cwd, ACCEPTED_FILE);
  return existsSync(file) ? readAcceptances(file) : [];
}

function unusedNote(unused: Acceptance[], before: string, after: string): string {
  if (unused.length === 0) return '';
  const list = unused.map((a) => `${a.rule} ${a.operation ?? '(document)'} (${a.source})`).join('; ');
  return `${before}Accepted findings that no longer occur, to remove: ${list}${after}`;
}
