import { rules, type RuleId, type Severity } from '../rules.js';
import type { AcceptedBy, Finding } from '../types.js';
import { findingSentence, typeBreakSentence } from './sentence.js';

/** One change in plain English, with what a client must do when it breaks or warns. */
export interface ReleaseNoteChange {
  id: RuleId;
  severity: Severity;
  sentence: string;
  /** What a client must do (breaking changes and warnings). */
  action?: string;
  accepted?: AcceptedBy;
}

/** The changes of one operation (`METHOD /path`, `WEBHOOK name`, a path), or of the document (null). */
export interface ReleaseNote {
  operation: string | null;
  /** The most severe of its changes. */
  severity: Severity;
  changes: ReleaseNoteChange[];
}

export interface ReleaseNoteOptions {
  /** Include documentation-only changes (descriptions, examples); left out by default. */
  documentation?: boolean;
}

const ORDER: Record<Severity, number> = { breaking: 0, warning: 1, info: 2 };

/**
 * The findings grouped by operation, each change as a sentence: operations with breaking changes
 * first, the document's own changes (servers, security schemes) last; the same sentence once.
 */
export function releaseNotes(findings: readonly Finding[], options: ReleaseNoteOptions = {}): ReleaseNote[] {
  const groups = new Map<string | null, Map<string, ReleaseNoteChange>>();
  for (const finding of findings) {
    const rule = rules[finding.id];
    if (!options.documentation && rule.severity === 'info' && rule.bump === 'patch') continue;
    const sentence =
      finding.id === 'typescript-incompatible' ? typeBreakSentence(finding.message) : findingSentence(finding.message);
    const group = groups.get(finding.operation) ?? new Map<string, ReleaseNoteChange>();
    groups.set(finding.operation, group);
    if (group.has(sentence)) continue;
    const change: ReleaseNoteChange = { id: finding.id, severity: finding.severity, sentence };
    if (rule.action && finding.severity !== 'info') change.action = rule.action;
    if (finding.acceptance) change.accepted = finding.acceptance;
    group.set(sentence, change);
  }
  const notes = [...groups].map(([operation, changes]): ReleaseNote => {
    const list = [...changes.values()].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
    return { operation, severity: list[0]!.severity, changes: list };
  });
  return notes.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      Number(a.operation === null) - Number(b.operation === null) ||
      (a.operation ?? '').localeCompare(b.operation ?? ''),
  );
}

const LABEL: Record<Severity, string> = { breaking: '**Breaking:** ', warning: '**Warning:** ', info: '' };

/** One line of release notes: the sentence, what to do, and why it is accepted when it is. */
export function releaseNoteLine(change: ReleaseNoteChange): string {
  const accepted = change.accepted && !change.accepted.expired ? ` (Accepted: ${change.accepted.reason})` : '';
  return `${LABEL[change.severity]}${change.sentence}${change.action ? ` ${change.action}` : ''}${accepted}`;
}

/** The notes as a Markdown list, an operation per item (for a changeset, a changelog). */
export function renderReleaseNotes(notes: readonly ReleaseNote[]): string {
  return notes
    .map((note) => {
      const heading = note.operation === null ? 'The API as a whole' : `\`${note.operation}\``;
      return [`- ${heading}`, ...note.changes.map((c) => `  - ${releaseNoteLine(c)}`)].join('\n');
    })
    .join('\n');
}
