import { html, type Html } from './html.js';

export interface PageOptions {
  readonly title: string;
  /** From the page to the site's root: `''` or `'../'`. */
  readonly root: string;
  readonly body: Html;
  readonly bodyClass?: string;
  /** Links shown in the top bar after the site's name. */
  readonly nav?: ReadonlyArray<{ readonly href: string; readonly label: string }>;
  readonly scripts?: Html;
}

export const siteName = 'oapi-clients';

/** The HTML shell every page shares: no request leaves the site (local stylesheet, icon and scripts). */
export function page(options: PageOptions): string {
  const { root } = options;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="icon" href="${root}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body class="${options.bodyClass ?? ''}">
<header class="site-nav">
<a class="site-name" href="${root}index.html">${siteName}</a>
${(options.nav ?? []).map((link) => html`<a href="${link.href}">${link.label}</a>`)}
</header>
${options.body}
${options.scripts}
</body>
</html>
`.value;
}
