import { type Finding, releaseNotes, renderReleaseNotes, type Severity } from '@oapi/spec-diff';
import type { ApiReport } from './report.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every change the release carries, accepted ones included: they are released too. */
function counts(wire: readonly Finding[], types: readonly Finding[]): string {
  const n = (severity: Severity) => wire.filter((f) => f.severity === severity).length;
  const parts = [
    [n('breaking'), 'breaking change'],
    [types.length, 'type-level break'],
    [n('warning'), 'warning'],
    [n('info'), 'other change'],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, word]) => plural(count, word));
  return said.length > 0 ? said.join(', ') : 'documentation changes';
}

/**
 * What a written changeset says for the APIs of one client package: a line per API (the summary
 * changesets puts in the changelog), then its release notes, a sentence per change grouped by
 * operation with what a client must do about a break, type-level breaks included.
 */
export function changesetBody(apis: ApiReport[]): string {
  return apis
    .map((a) => {
      const types = a.types?.findings ?? [];
      const notes = renderReleaseNotes(releaseNotes([...a.result.findings, ...types]));
      const line = `Update to the ${a.api} API spec: ${counts(a.result.findings, types)}.`;
      return notes ? `${line}\n\n${notes}` : line;
    })
    .join('\n\n');
}
