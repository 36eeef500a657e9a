import type { ApiReport } from './report.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one user-facing sentence of a written changeset: what changed in each API, breaking first. */
export function changesetSentence(apis: ApiReport[]): string {
  const parts = apis
    .filter((a) => a.result.findings.length > 0)
    .map((a) => {
      const { breaking, warning, info } = a.result.summary;
      const counts = [
        breaking && plural(breaking, 'breaking change'),
        warning && plural(warning, 'warning'),
        info && plural(info, 'other change'),
      ].filter(Boolean);
      const examples = a.result.findings
        .filter((f) => f.severity === 'breaking')
        .slice(0, 3)
        .map((f) => `${f.operation ? `${f.operation}: ` : ''}${f.message}`);
      return `${a.api} API spec: ${counts.join(', ')}${examples.length ? ` (${examples.join('; ')}${breaking > examples.length ? '; …' : ''})` : ''}`;
    });
  return `Update to the ${parts.join('. ')}.`;
}
