import type { Severity } from '../rules.js';
import type { Finding } from '../types.js';

export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

/** Findings of one severity, grouped by operation in first-seen order (findings come sorted). */
export function groupByOperation(findings: Finding[], severity: Severity): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.severity !== severity) continue;
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
