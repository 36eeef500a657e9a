import {
  acceptedCount,
  describeSummary,
  renderFindingsMarkdown,
  renderText,
  renderTypesMarkdown,
  renderTypesText,
  severityIcon,
  summaryLine,
  unusedAcceptancesLine,
} from '@oapi/spec-diff';
import type { ApiReport, ReleaseReport } from './report.js';

/**
 * The first line of every Markdown report: the PR workflow finds its one comment by it (and reads
 * it from the report, so it is written nowhere else).
 */
export const COMMENT_MARKER = '<!-- spec-diff -->';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function needsText(api: ApiReport): string {
  if (!api.package) return 'no client package';
  if (api.bump === 'none') return `\`${api.package.name}\` needs no release`;
  return `\`${api.package.name}\` ${api.package.version} needs **${api.bump}** → ${api.next}${api.meaning ? ` (${api.meaning})` : ''}`;
}

/** `; types: 1 break` after an API's wire summary, when its type check found any. */
function typesText(api: ApiReport): string {
  const breaks = api.types?.summary.breaking ?? 0;
  const accepted = api.types ? acceptedCount(api.types.findings) : 0;
  if (breaks === 0 && accepted === 0) return '';
  return `; types: ${plural(breaks, 'break')}${accepted ? `, ${accepted} accepted` : ''}`;
}

/** Whether the type check compared any operation of the API: its section then says what it found, even nothing. */
const checked = (api: ApiReport): api is ApiReport & { types: NonNullable<ApiReport['types']> } =>
  (api.types?.operations ?? 0) > 0;

function changesetLines(report: ReleaseReport, markdown: boolean): string[] {
  const lines = (report.changesetsWritten ?? []).map((file) => `wrote ${file}`);
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

function headline(report: ReleaseReport): string {
  const types = report.types?.summary.breaking ?? 0;
  const icon = severityIcon({ ...report.summary, breaking: report.summary.breaking + types });
  const line = summaryLine(report.summary, acceptedCount(report.findings));
  return `### ${icon} Spec diff against \`${report.base}\`: ${line}${types ? ` · ${plural(types, 'type-level break')}` : ''} → **${report.bump}**`;
}

/** The type check's section of the comment; its heading alone, and where to see the rest, when it does not fit. */
function typesMarkdown(types: NonNullable<ApiReport['types']>, room: number): string {
  const section = `\n${renderTypesMarkdown(types)}`;
  if (section.length <= room) return section;
  const [heading] = section.trim().split('\n', 1);
  return `\n${heading}\n\n_The compiler's messages do not fit in this comment: run \`pnpm spec:diff\` for them._\n`;
}

export function renderMarkdownReport(report: ReleaseReport, maxLength = 60_000): string {
  const out = [COMMENT_MARKER, headline(report), ''];
  for (const api of report.apis) {
    const summary = summaryLine(api.result.summary, acceptedCount(api.result.findings));
    out.push(
      `- **${api.api}**: ${summary}${typesText(api)}; ${needsText(api)}${api.notes.length ? ` — ${api.notes.join('; ')}` : ''}`,
    );
  }
  const unused = unusedAcceptancesLine(report.unusedAcceptances);
  if (unused) out.push('', `_${unused}._`);
  const changesets = changesetLines(report, true);
  if (changesets.length) out.push('', ...changesets);
  let budget = maxLength - out.join('\n').length;
  for (const api of report.apis) {
    if (api.result.findings.length === 0) continue;
    const findings = renderFindingsMarkdown(api.result.findings, Math.max(budget - 200, 500));
    const types = checked(api) ? typesMarkdown(api.types, budget - findings.length - 200) : '';
    const section = `\n---\n\n#### ${api.api} (\`${api.root}\`)\n\n${findings}${types}`;
    out.push(section);
    budget -= section.length;
  }
  return `${out.join('\n')}\n`;
}

export function renderTextReport(report: ReleaseReport): string {
  const types = report.types?.summary.breaking ?? 0;
  const out = [
    `spec-diff: ${report.head} against ${report.base}: ${describeSummary(report.summary)}${types ? `, ${plural(types, 'type-level break')}` : ''} → ${report.bump}`,
  ];
  for (const api of report.apis) {
    const title = `== ${api.api} (${api.root}): ${needsText(api).replace(/\*\*|`/g, '')}`;
    out.push('', renderText(api.result, title).trimEnd());
    if (checked(api)) out.push(renderTypesText(api.types).trimEnd());
    for (const note of api.notes) out.push(`note: ${note}`);
  }
  const unused = unusedAcceptancesLine(report.unusedAcceptances);
  if (unused) out.push('', unused);
  const changesets = changesetLines(report, false);
  if (changesets.length) out.push('', ...changesets);
  return `${out.join('\n')}\n`;
}

export function renderJsonReport(report: ReleaseReport): string {
  const { findings, summary, bump, base, head, types, unusedAcceptances, changesets, changesetsWritten } = report;
  const apis = report.apis.map((a) => ({
    api: a.api,
    root: a.root,
    package: a.package?.name ?? null,
    version: a.package?.version ?? null,
    bump: a.bump,
    next: a.next ?? null,
    meaning: a.meaning ?? null,
    summary: a.result.summary,
    wireBump: a.result.bump,
    types: a.types ? { summary: a.types.summary, bump: a.types.bump, operations: a.types.operations } : null,
    notes: a.notes,
  }));
  return `${JSON.stringify(
    {
      findings,
      summary,
      bump,
      base,
      head,
      types: types ?? null,
      apis,
      unusedAcceptances,
      changesets: changesets ?? null,
      changesetsWritten: changesetsWritten ?? [],
    },
    null,
    2,
  )}\n`;
}

/** The comment for a run that could not compare the specs: what was wrong, file and line included. */
export function renderMarkdownProblem(message: string): string {
  return `${COMMENT_MARKER}\n### ⚠️ Spec diff could not compare the specs\n\n\`\`\`\n${message}\n\`\`\`\n`;
}
