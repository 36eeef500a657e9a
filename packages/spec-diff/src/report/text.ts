import type { DiffResult } from '../types.js';
import { acceptanceNote, acceptedCount, describeSummary, groupByOperation, SEVERITIES } from './group.js';

/** A plain report for a terminal: summary, then each severity grouped by operation. */
export function renderText(result: DiffResult, title: string): string {
  const accepted = acceptedCount(result.findings);
  const lines = [
    title,
    `${describeSummary(result.summary)}${accepted ? `, ${accepted} accepted` : ''} → ${result.bump === 'none' ? 'no release needed' : `${result.bump} release`}`,
  ];
  for (const severity of [...SEVERITIES, 'accepted'] as const) {
    const groups = groupByOperation(result.findings, severity);
    if (groups.size === 0) continue;
    lines.push('', severity.toUpperCase());
    for (const [operation, findings] of groups) {
      lines.push(`  ${operation}`);
      for (const f of findings) {
        lines.push(`    ${f.message}  [${f.id}]`, `      at ${f.pointer || '/'}`);
        if (f.acceptance) lines.push(`      ${acceptanceNote(f)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
