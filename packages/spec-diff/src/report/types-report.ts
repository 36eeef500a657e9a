import type { TypeCheckResult } from '../types-check/check-types.js';
import { acceptanceNote, acceptedCount, groupByOperation } from './group.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const headline = (result: TypeCheckResult): string => {
  const errors = result.summary.breaking;
  const broken = new Set(result.findings.filter((f) => !f.acceptance || f.acceptance.expired).map((f) => f.operation));
  const accepted = acceptedCount(result.findings);
  const verdict =
    errors === 0
      ? 'code written against the old types still compiles'
      : `code written against the old types breaks in ${plural(broken.size, 'operation')} (${plural(errors, 'error')})`;
  return `${verdict}; ${plural(result.operations, 'operation')} checked${accepted ? `, ${accepted} accepted` : ''}`;
};

/** The type check's findings for a terminal, after the wire report. */
export function renderTypesText(result: TypeCheckResult): string {
  const lines = ['', `TYPESCRIPT: ${headline(result)}`];
  for (const kind of ['breaking', 'accepted'] as const) {
    for (const [operation, findings] of groupByOperation(result.findings, kind)) {
      lines.push(`  ${operation}${kind === 'accepted' ? ' (accepted)' : ''}`);
      for (const f of findings) {
        lines.push(`    ${f.message}`, `      at ${f.pointer}`);
        if (f.acceptance) lines.push(`      ${acceptanceNote(f)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The type check's findings as a section of the PR comment. */
export function renderTypesMarkdown(result: TypeCheckResult): string {
  const lines = [`#### TypeScript: ${headline(result)}`, ''];
  for (const kind of ['breaking', 'accepted'] as const) {
    for (const [operation, findings] of groupByOperation(result.findings, kind)) {
      lines.push(`**\`${operation}\`**${kind === 'accepted' ? ' (accepted)' : ''}`);
      for (const f of findings) {
        const note = f.acceptance ? ` — ${f.acceptance.expired ? '⚠️ ' : ''}${acceptanceNote(f)}` : '';
        lines.push(`- ${f.message}${note}`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
