import { Marked } from 'marked';
import { escapeHtml, raw, type Html } from './html.js';

// Spec descriptions are CommonMark. Raw HTML inside them is shown as text, not rendered.
const marked = new Marked({ gfm: true, async: false, renderer: { html: (markup: string) => escapeHtml(markup) } });

/** A Markdown text as HTML blocks. */
export function markdown(text: string | undefined): Html {
  return raw(text ? (marked.parse(text) as string) : '');
}

/** One line of Markdown (code spans, emphasis, links) as inline HTML. */
export function markdownInline(text: string): Html {
  return raw(marked.parseInline(text) as string);
}
