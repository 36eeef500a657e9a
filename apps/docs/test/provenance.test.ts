import { describe, expect, it } from 'vitest';
import { markdown } from '../src/pages/markdown.js';
import { provenanceBadge, provenanceOf, withProvenanceBadges } from '../src/pages/provenance.js';
import { splitResearch } from '../src/research-notes.js';

const badges = (markup: string) =>
  [
    ...markup.matchAll(
      /<span class="provenance (\w+)" tabindex="0">\w+<span class="tooltip" role="tooltip">([^<]*)<\/span><\/span>/g,
    ),
  ].map((m) => [m[1], m[2]]);

describe('provenance marks', () => {
  it.each([
    ['The id [doc].', [['documented', 'Documented: the provider&#39;s own docs say so.']]],
    [
      'A key [inferred: older releases].',
      [['inferred', 'Inferred: deduced, not documented. Verify it against a live account. Here: older releases']],
    ],
    [
      'Epoch ms [inferred format].',
      [['inferred', 'Inferred: deduced, not documented. Verify it against a live account. Here: format']],
    ],
    [
      'The body (observed) and the host (inferred).',
      [
        ['observed', 'Observed: seen in captured traffic or the provider&#39;s own SDKs, not in its docs.'],
        ['inferred', 'Inferred: deduced, not documented. Verify it against a live account.'],
      ],
    ],
    [
      'Per page [doc: example `pageSize=25`].',
      [['documented', 'Documented: the provider&#39;s own docs say so. Here: example pageSize=25']],
    ],
  ])('%s becomes a badge with its meaning (and reason) in the tooltip', (text, expected) => {
    const html = markdown(text).value;
    expect(badges(html)).toEqual(expected);
    expect(html).not.toMatch(/\[(doc|inferred|observed)/);
  });

  it('leaves other brackets, words and code spans alone', () => {
    expect(withProvenanceBadges('<p>[docs] and (inferred from x) and [link] and <code>[doc]</code></p>')).toBe(
      '<p>[docs] and (inferred from x) and [link] and <code>[doc]</code></p>',
    );
  });

  it("shows an object's x-provenance, and nothing for a missing or unknown value", () => {
    expect(provenanceOf({ 'x-provenance': 'observed' })).toEqual(provenanceBadge('observed'));
    expect(provenanceOf({})).toBe('');
    expect(provenanceOf({ 'x-provenance': 'rumoured' })).toBe('');
  });
});

describe('research notes', () => {
  it('moves the Research notes and Known slips sections out of the reader text, headings kept', () => {
    const text =
      'Intro.\n\n## Conventions\n- a\n\n## Research notes\nFrom the Slate docs.\n\n## Known slips of the docs\nA typo.\n\n## Removed endpoints\nPage views.';
    expect(splitResearch(text)).toEqual({
      reader: 'Intro.\n\n## Conventions\n- a\n\n## Removed endpoints\nPage views.',
      research: '## Research notes\nFrom the Slate docs.\n\n## Known slips of the docs\nA typo.',
    });
    expect(splitResearch('Only prose.')).toEqual({ reader: 'Only prose.', research: '' });
  });
});
