import { escapeHtml, type Html, raw } from './html.js';

/** The three levels of `x-provenance` (spec/EXTENSIONS.md), with what each tells the reader. */
export const provenanceLevels = {
  documented: "Documented: the provider's own docs say so.",
  observed: "Observed: seen in captured traffic or the provider's own SDKs, not in its docs.",
  inferred: 'Inferred: deduced, not documented. Verify it against a live account.',
} as const;

export type ProvenanceLevel = keyof typeof provenanceLevels;

const isLevel = (value: unknown): value is ProvenanceLevel =>
  typeof value === 'string' && Object.hasOwn(provenanceLevels, value);

/**
 * A small badge: the level as a word, its meaning (and the reason, when given, as HTML text) in a
 * tooltip on hover and focus.
 */
export function provenanceBadge(level: ProvenanceLevel, reasonHtml?: string): Html {
  const tip = escapeHtml(provenanceLevels[level]) + (reasonHtml ? ` Here: ${reasonHtml}` : '');
  return raw(
    `<span class="provenance ${level}" tabindex="0">${level}<span class="tooltip" role="tooltip">${tip}</span></span>`,
  );
}

/** The badge for an object's `x-provenance`, or nothing when it has none (or an unknown value). */
export function provenanceOf(node: Readonly<Record<string, unknown>>): Html | '' {
  const level = node['x-provenance'];
  return isLevel(level) ? provenanceBadge(level) : '';
}

const aliases: Readonly<Record<string, ProvenanceLevel>> = {
  doc: 'documented',
  documented: 'documented',
  observed: 'observed',
  inferred: 'inferred',
};

// `[doc]`, `[doc: Contacts webhook]`, `[inferred: older releases]`, `[inferred format]`, and the
// parenthesised `(inferred)`, `(observed)`: how the specs' prose marks where a fact comes from.
const inlineMark =
  /\[(doc|documented|observed|inferred)(?:(?::\s*|\s+)([^\]]*))?\]|\((documented|observed|inferred)\)/g;

/** Rendered description HTML with its inline provenance marks turned into badges (code spans left as written). */
export function withProvenanceBadges(markup: string): string {
  return markup.replace(inlineMark, (whole, word: string | undefined, reason: string | undefined, bare, at: number) => {
    const inCode = markup.lastIndexOf('<code>', at) > markup.lastIndexOf('</code>', at);
    if (inCode) return whole;
    const level = aliases[(word ?? bare)!]!;
    // The reason is already HTML (code spans and all); the tooltip keeps its text.
    return provenanceBadge(level, reason?.replace(/<[^>]+>/g, '').trim() || undefined).value;
  });
}
