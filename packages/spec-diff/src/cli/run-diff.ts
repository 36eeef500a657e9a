import { resolve } from 'node:path';
import { type Acceptance, readAcceptances, readAcceptancesIn } from '../accept/acceptances.js';
import { applyAcceptances } from '../accept/apply.js';
import { diffSpecs } from '../diff.js';
import { readExtensionTable } from '../load/extension-table.js';
import { loadSpecArgument } from '../load/spec-argument.js';
import { unusedAcceptancesLine } from '../report/group.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { renderTypesMarkdown, renderTypesText } from '../report/types-report.js';
import { checkTypes, type TypeCheckResult } from '../types-check/check-types.js';
import type { Summary } from '../types.js';
import type { CliArgs, FailOn } from './args.js';

function fails(summary: Summary, failOn: FailOn): boolean {
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
  const wire = diffSpecs(base, head, extensions ? { extensions } : {});
  const { unusedAcceptances, ...report } = applyAcceptances(wire, acceptances);
  let types: TypeCheckResult | undefined;
  let unused = unusedAcceptances;
  if (args.types) {
    const { unusedAcceptances: unusedByTypes, ...checked } = applyAcceptances(
      await checkTypes(base, head, { findings: wire.findings }),
      acceptances,
    );
    types = checked;
    // An acceptance is unused when neither the wire nor the type check has its finding.
    unused = unused.filter((a) => unusedByTypes.includes(a));
  }
  const title = `${base.label} → ${head.label}`;
  const text =
    args.format === 'json'
      ? `${JSON.stringify({ ...report, ...(types ? { types } : {}), ...(unused.length ? { unusedAcceptances: unused } : {}) }, null, 2)}\n`
      : args.format === 'markdown'
        ? renderMarkdown(report, `Spec diff ${title}`) +
          (types ? `\n${renderTypesMarkdown(types)}` : '') +
          unusedNote(unused, '\n_', '_\n')
        : renderText(report, `spec-diff: ${title}`) +
          (types ? renderTypesText(types) : '') +
          unusedNote(unused, '\n', '\n');
  const failed = fails(report.summary, args.failOn) || (types !== undefined && fails(types.summary, args.failOn));
  return [text, failed ? 1 : 0];
}

/** `--accepted <file>`, or `.spec-diff.yaml` in the working directory when there is one. */
function readAcceptedFindings(args: CliArgs, cwd: string): Promise<Acceptance[]> {
  return args.accepted === undefined ? readAcceptancesIn(cwd) : readAcceptances(resolve(cwd, args.accepted));
}

function unusedNote(unused: Acceptance[], before: string, after: string): string {
  return unused.length === 0 ? '' : `${before}${unusedAcceptancesLine(unused)}${after}`;
}
