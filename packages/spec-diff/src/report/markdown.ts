import { rules } from '../rules.js';
import type { DiffResult, Finding } from '../types.js';
import { acceptanceNote, acceptedCount, groupByOperation } from './group.js';
import { isAccepted } from './summary.js';

interface Section {
  heading: string;
  folded: boolean;
  findings: Finding[];
}

export function severityIcon(summary: DiffResult['summary']): string {
  return summary.breaking > 0 ? '🔴' : summary.warning > 0 ? '🟡' : summary.info > 0 ? '🟢' : '⚪';
}

export function summaryLine(summary: DiffResult['summary'], accepted = 0): string {
  return `${summary.breaking} breaking · ${summary.warning} warning${summary.warning === 1 ? '' : 's'} · ${summary.info} info${accepted ? ` · ${accepted} accepted` : ''}`;
}

/** Breaking, warnings and accepted findings open; additions, then documentation-only changes, folded. */
function sections(all: Finding[]): Section[] {
  const findings = all.filter((f) => !isAccepted(f));
  const docsOnly = (f: Finding): boolean => f.severity === 'info' && rules[f.id].bump === 'patch';
  return [
    { heading: 'Breaking changes', folded: false, findings: findings.filter((f) => f.severity === 'breaking') },
    { heading: 'Warnings', folded: false, findings: findings.filter((f) => f.severity === 'warning') },
    { heading: 'Accepted', folded: false, findings: all.filter(isAccepted) },
    {
      heading: 'Additions and compatible changes',
      folded: true,
      findings: findings.filter((f) => f.severity === 'info' && !docsOnly(f)),
    },
    { heading: 'Documentation only', folded: true, findings: findings.filter(docsOnly) },
  ].filter((s) => s.findings.length > 0);
}

/**
 * The findings as a PR comment section: breaking changes first, each section grouped by operation,
 * the informational ones folded. Stops adding lines at `maxLength` characters and says how many
 * findings it left out (a GitHub comment holds 65,536).
 */
export function renderFindingsMarkdown(findings: Finding[], maxLength = 60_000): string {
  const out: string[] = [];
  let length = 0;
  let shown = 0;
  let openDetails = false;
  const push = (line: string): boolean => {
    if (length + line.length + 1 > maxLength) return false;
    out.push(line);
    length += line.length + 1;
    return true;
  };
  outer: for (const section of sections(findings)) {
    const title = `${section.heading} (${section.findings.length})`;
    if (!push(section.folded ? `<details><summary>${title}</summary>\n` : `#### ${title}\n`)) break;
    openDetails = section.folded;
    const kind = section.heading === 'Accepted' ? 'accepted' : section.findings[0]!.severity;
    for (const [operation, group] of groupByOperation(section.findings, kind)) {
      if (!push(`**\`${operation}\`**`)) break outer;
      for (const f of group) {
        const note = f.acceptance ? ` — ${f.acceptance.expired ? '⚠️ ' : ''}${acceptanceNote(f)}` : '';
        if (!push(`- ${f.message} <sub>\`${f.id}\`</sub>${note}`)) break outer;
        shown += 1;
      }
      push('');
    }
    if (section.folded) push('</details>\n');
    openDetails = false;
  }
  if (openDetails) out.push('</details>\n');
  if (shown < findings.length) {
    const left = findings.length - shown;
    out.push(
      `_…and ${left} more finding${left === 1 ? '' : 's'} not shown here: run \`spec-diff\` with \`--format text\` for all of them._`,
    );
  }
  return out.join('\n');
}

export function renderMarkdown(result: DiffResult, title: string): string {
  const head = `### ${severityIcon(result.summary)} ${title}: ${summaryLine(result.summary, acceptedCount(result.findings))} → **${result.bump}**`;
  if (result.findings.length === 0) return `${head}\n\nNo changes.\n`;
  return `${head}\n\n${renderFindingsMarkdown(result.findings)}\n`;
}
