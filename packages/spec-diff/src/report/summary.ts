import { type Bump, rules, type Severity } from '../rules.js';
import type { DiffResult, Finding, Summary } from '../types.js';

const SEVERITY_ORDER: Record<Severity, number> = { breaking: 0, warning: 1, info: 2 };
const BUMP_ORDER: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_ORDER[a] >= BUMP_ORDER[b] ? a : b;
}

export function bumpAtLeast(given: Bump, needed: Bump): boolean {
  return BUMP_ORDER[given] >= BUMP_ORDER[needed];
}

/** Findings in reading order: breaking first, then by operation and pointer; duplicates dropped. */
export function sortFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.id}\0${f.operation}\0${f.pointer}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.operation ?? '').localeCompare(b.operation ?? '') ||
      a.pointer.localeCompare(b.pointer) ||
      a.id.localeCompare(b.id),
  );
}

/** An acceptance that holds: the finding is shown as accepted and not counted. */
export const isAccepted = (finding: Finding): boolean =>
  finding.acceptance !== undefined && !finding.acceptance.expired;

/**
 * Sorts the findings, counts them by severity (an accepted finding is not counted) and works out
 * the bump they need (an accepted finding counts: it is released knowingly).
 */
export function summarize(findings: Finding[]): DiffResult {
  const sorted = sortFindings(findings);
  const summary: Summary = { breaking: 0, warning: 0, info: 0 };
  let bump: Bump = 'none';
  for (const finding of sorted) {
    if (!isAccepted(finding)) summary[finding.severity] += 1;
    bump = maxBump(bump, rules[finding.id].bump);
  }
  return { findings: sorted, summary, bump };
}
