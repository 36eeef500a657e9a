import { summarize } from '../report/summary.js';
import type { DiffResult, Finding } from '../types.js';
import type { Acceptance } from './acceptances.js';

export interface AcceptOptions {
  /** The day to judge expiry by; today (UTC) when absent. */
  today?: Date;
  /** The API whose findings these are: acceptances for another API do not apply. */
  api?: string;
}

export type AcceptedResult<R extends DiffResult = DiffResult> = R & {
  /**
   * Acceptances for this API (or for any) that matched no finding: no longer needed. Over several
   * APIs, one is unused when every API leaves it unused.
   */
  unusedAcceptances: Acceptance[];
};

/**
 * Marks each finding an acceptance covers (same rule and operation) with `acceptance`. An accepted
 * finding is no longer counted in the summary, so it does not fail a run, but still counts for the
 * bump: accepting a break says it is released knowingly, not that it is not one. After its expiry
 * day the acceptance is `expired` and the finding counts again.
 */
export function applyAcceptances<R extends DiffResult>(
  result: R,
  acceptances: readonly Acceptance[],
  options: AcceptOptions = {},
): AcceptedResult<R> {
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const relevant = acceptances.filter((a) => a.api === undefined || a.api === options.api);
  const used = new Set<Acceptance>();
  const findings = result.findings.map((finding): Finding => {
    const match = relevant.find((a) => a.rule === finding.id && a.operation === finding.operation);
    if (!match) return finding;
    used.add(match);
    const expired = match.expires !== undefined && match.expires < today;
    const { rule: _rule, operation: _operation, api: _api, ...by } = match;
    return { ...finding, acceptance: { ...by, expired } };
  });
  return { ...result, ...summarize(findings), unusedAcceptances: relevant.filter((a) => !used.has(a)) };
}
