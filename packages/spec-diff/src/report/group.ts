import type { Acceptance } from '../accept/acceptances.js';
import type { Severity } from '../rules.js';
import type { Finding } from '../types.js';
import { isAccepted } from './summary.js';

export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

/**
 * Findings of one severity (not accepted), or the accepted ones, grouped by operation in
 * first-seen order (findings come sorted).
 */
export function groupByOperation(findings: Finding[], severity: Severity | 'accepted'): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (severity === 'accepted' ? !isAccepted(finding) : finding.severity !== severity || isAccepted(finding)) continue;
    const key = finding.operation ?? 'Document';
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  return groups;
}

export function describeSummary(summary: Record<Severity, number>, separator = ', '): string {
  return SEVERITIES.map((s) => `${summary[s]} ${s}`).join(separator);
}

/** What a finding's acceptance adds to its line: the reason, or that it expired. */
export function acceptanceNote(finding: Finding): string {
  const by = finding.acceptance;
  if (!by) return '';
  if (by.expired) return `acceptance expired after ${by.expires}: ${by.reason} (${by.source})`;
  return `accepted${by.expires ? ` until ${by.expires}` : ''}: ${by.reason} (${by.source})`;
}

export const acceptedCount = (findings: Finding[]): number => findings.filter(isAccepted).length;

/** The accepted findings that matched nothing, to remove from the file; empty when there are none. */
export function unusedAcceptancesLine(unused: readonly Acceptance[]): string {
  if (unused.length === 0) return '';
  const list = unused.map((a) => `${a.rule} ${a.operation ?? '(document)'} (${a.source})`).join('; ');
  return `Accepted findings that no longer occur, to remove: ${list}`;
}
