import { html, type Html } from './html.js';
import { type Place, type SiteMap, topBar } from './nav.js';

export interface PageOptions {
  readonly title: string;
  readonly site: SiteMap;
  readonly place: Place;
  /** The page's content: a `<main id="main">` (or a layout holding one). */
  readonly body: Html;
  readonly bodyClass?: string;
  /** The page's Atom feed, announced to browsers and feed readers. */
  readonly feed?: { readonly href: string; readonly title: string };
  /** Scripts after the content, besides the site's own `site.js`. */
  readonly scripts?: Html;
}

export const siteName = 'oapi-clients';

/** From a page to the site's root: `''` for the landing page, `'../'` inside a provider's folder. */
export const rootOf = (place: Place) => (place.kind === 'landing' ? '' : '../');

/**
 * The HTML shell every page shares: a skip link, the top bar, the content, the search dialog.
 * Nothing is loaded from another host (local stylesheet, icon and scripts).
 */
export function page(options: PageOptions): string {
  const root = rootOf(options.place);
  return html`<!doctype html>
<html lang="en" data-root="${root}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${options.title}</title>
<link rel="icon" href="${root}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}assets/site.css">
${options.feed ? html`<link rel="alternate" type="application/atom+xml" title="${options.feed.title}" href="${options.feed.href}">\n` : ''}<script src="${root}assets/site.js" defer></script>
</head>
<body class="${options.bodyClass ?? ''}">
<a class="skip-link" href="#main">Skip to content</a>
${topBar(options.site, options.place, root, siteName)}
${options.body}
${options.scripts}
</body>
</html>
`.value;
}
