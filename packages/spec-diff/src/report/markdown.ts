import type { Severity } from '../rules.js';
import type { DiffResult, Finding } from '../types.js';
import { groupByOperation } from './group.js';

const HEADINGS: Record<Severity, string> = { breaking: 'Breaking changes', warning: 'Warnings', info: 'Other changes' };

export function severityIcon(summary: DiffResult['summary']): string {
  return summary.breaking > 0 ? '🔴' : summary.warning > 0 ? '🟡' : summary.info > 0 ? '🟢' : '⚪';
}

export function summaryLine(summary: DiffResult['summary']): string {
  return `${summary.breaking} breaking · ${summary.warning} warning${summary.warning === 1 ? '' : 's'} · ${summary.info} info`;
}

/**
 * The findings as a PR comment section: breaking changes first, each severity grouped by operation,
 * the informational ones folded. Stops adding lines at `maxLength` characters and says how many
 * findings it left out (a GitHub comment holds 65,536).
 */
export function renderFindingsMarkdown(findings: Finding[], maxLength = 60_000): string {
  const out: string[] = [];
  let length = 0;
  let shown = 0;
  const push = (line: string): boolean => {
    if (length + line.length + 1 > maxLength) return false;
    out.push(line);
    length += line.length + 1;
    return true;
  };
  outer: for (const severity of ['breaking', 'warning', 'info'] as const) {
    const groups = groupByOperation(findings, severity);
    if (groups.size === 0) continue;
    const count = [...groups.values()].reduce((n, g) => n + g.length, 0);
    const folded = severity === 'info';
    if (!push(folded ? `<details><summary>${HEADINGS[severity]} (${count})</summary>\n` : `#### ${HEADINGS[severity]} (${count})\n`)) break;
    for (const [operation, group] of groups) {
      if (!push(`**\`${operation}\`**`)) break outer;
      for (const f of group) {
        if (!push(`- ${f.message} <sub>\`${f.id}\`</sub>`)) break outer;
        shown += 1;
      }
      push('');
    }
    if (folded) push('</details>\n');
  }
  if (shown < findings.length) {
    if (out.some((l) => l.startsWith('<details>')) && !out.includes('</details>\n')) out.push('</details>\n');
    out.push(`_…and ${findings.length - shown} more finding${findings.length - shown === 1 ? '' : 's'} not shown here: run \`spec-diff\` with \`--format text\` for all of them._`);
  }
  return out.join('\n');
}

export function renderMarkdown(result: DiffResult, title: string): string {
  const head = `### ${severityIcon(result.summary)} ${title}: ${summaryLine(result.summary)} → **${result.bump}**`;
  if (result.findings.length === 0) return `${head}\n\nNo changes.\n`;
  return `${head}\n\n${renderFindingsMarkdown(result.findings)}\n`;
}
