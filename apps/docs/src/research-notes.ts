// A spec's description holds two audiences: the reader calling the API, and the maintainer who
// wants to know how the description was made. The second sits under `## Research notes` and
// `## Known slips of the docs` headings; the reference shows those sections collapsed.

const researchHeading = /^##\s+(research notes|known slips\b.*)$/i;

/** The description split by its `##` sections: the reader's part, and the research sections (headings kept). */
export function splitResearch(text: string): { readonly reader: string; readonly research: string } {
  const reader: string[] = [];
  const research: string[] = [];
  let target = reader;
  for (const line of text.split('\n')) {
    if (/^##\s/.test(line)) target = researchHeading.test(line.trim()) ? research : reader;
    target.push(line);
  }
  return { reader: reader.join('\n').trim(), research: research.join('\n').trim() };
}
