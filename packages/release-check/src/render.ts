import { describeSummary, renderFindingsMarkdown, renderText, severityIcon, summaryLine } from '@oapi/spec-diff';
import type { ApiReport, ReleaseReport } from './report.js';

/**
 * The first line of every Markdown report: the PR workflow finds its one comment by it (and reads
 * it from the report, so it is written nowhere else).
 */
export const COMMENT_MARKER = '<!-- spec-diff -->';

function needsText(api: ApiReport): string {
  if (!api.package) return 'no client package';
  if (api.result.bump === 'none') return `\`${api.package.name}\` needs no release`;
  return `\`${api.package.name}\` ${api.package.version} needs **${api.result.bump}** → ${api.next}${api.meaning ? ` (${api.meaning})` : ''}`;
}

function changesetLines(report: ReleaseReport, markdown: boolean): string[] {
  const lines: string[] = [];
  if (report.changesetWritten) lines.push(`wrote ${report.changesetWritten}`);
  if (!report.changesets) return lines;
  if (report.changesets.ok) {
    lines.push(`${markdown ? '✅ ' : ''}Changesets bump every affected package enough.`);
    return lines;
  }
  for (const p of report.changesets.problems) {
    const given = p.given === 'none' ? 'no changeset' : `changesets give ${p.given} (${p.files.join(', ')})`;
    lines.push(`${markdown ? '❌ ' : ''}${markdown ? `\`${p.pkg}\`` : p.pkg} needs a ${p.needed} changeset; ${given}.`);
  }
  lines.push(`Add one with \`pnpm changeset\`, or run \`pnpm spec:diff --base ${report.base} --write-changeset\`.`);
  return lines;
}

export function renderMarkdownReport(report: ReleaseReport, maxLength = 60_000): string {
  const out = [
    COMMENT_MARKER,
    `### ${severityIcon(report.summary)} Spec diff against \`${report.base}\`: ${summaryLine(report.summary)} → **${report.bump}**`,
    '',
  ];
  for (const api of report.apis)
    out.push(
      `- **${api.api}**: ${summaryLine(api.result.summary)}; ${needsText(api)}${api.notes.length ? ` — ${api.notes.join('; ')}` : ''}`,
    );
  const changesets = changesetLines(report, true);
  if (changesets.length) out.push('', ...changesets);
  let budget = maxLength - out.join('\n').length;
  for (const api of report.apis) {
    if (api.result.findings.length === 0) continue;
    const section =
      `\n---\n\n#### ${api.api} (\`${api.root}\`)\n\n` +
      renderFindingsMarkdown(api.result.findings, Math.max(budget - 200, 500));
    out.push(section);
    budget -= section.length;
  }
  return `${out.join('\n')}\n`;
}

export function renderTextReport(report: ReleaseReport): string {
  const out = [`spec-diff: ${report.head} against ${report.base}: ${describeSummary(report.summary)} → ${report.bump}`];
  for (const api of report.apis) {
    out.push(
      '',
      renderText(api.result, `== ${api.api} (${api.root}): ${needsText(api).replace(/\*\*|`/g, '')}`).trimEnd(),
    );
    for (const note of api.notes) out.push(`note: ${note}`);
  }
  const changesets = changesetLines(report, false);
  if (changesets.length) out.push('', ...changesets);
  return `${out.join('\n')}\n`;
}

export function renderJsonReport(report: ReleaseReport): string {
  const { findings, summary, bump, base, head, changesets, changesetWritten } = report;
  const apis = report.apis.map((a) => ({
    api: a.api,
    root: a.root,
    package: a.package?.name ?? null,
    version: a.package?.version ?? null,
    bump: a.result.bump,
    next: a.next ?? null,
    meaning: a.meaning ?? null,
    summary: a.result.summary,
    notes: a.notes,
  }));
  return `${JSON.stringify(
    {
      findings,
      summary,
      bump,
      base,
      head,
      apis,
      changesets: changesets ?? null,
      changesetWritten: changesetWritten ?? null,
    },
    null,
    2,
  )}\n`;
}

/** The comment for a run that could not compare the specs: what was wrong, file and line included. */
export function renderMarkdownProblem(message: string): string {
  return `${COMMENT_MARKER}\n### ⚠️ Spec diff could not compare the specs\n\n\`\`\`\n${message}\n\`\`\`\n`;
}
