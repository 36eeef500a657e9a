import { Marked } from 'marked';
import { escapeHtml, type Html, raw } from './html.js';
import { withProvenanceBadges } from './provenance.js';

// Spec descriptions are CommonMark. Raw HTML inside them is shown as text, not rendered.
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: { html: (markup: string) => escapeHtml(markup) },
});

/**
 * Markup that keeps a 390 px page from scrolling sideways: a code block or table wider than the
 * screen scrolls in its own box, which a keyboard can reach (tabindex).
 */
function scrollable(markup: string): string {
  return markup
    .replace(/<pre>/g, '<pre tabindex="0">')
    .replace(/<table>/g, '<div class="table-scroll" tabindex="0"><table>')
    .replace(/<\/table>/g, '</table></div>');
}

/** A Markdown text as HTML blocks, its provenance marks as badges. */
export function markdown(text: string | undefined): Html {
  return raw(text ? withProvenanceBadges(scrollable(marked.parse(text) as string)) : '');
}

/** One line of Markdown (code spans, emphasis, links) as inline HTML. */
export function markdownInline(text: string): Html {
  return raw(withProvenanceBadges(marked.parseInline(text) as string));
}
