import { html, type Html } from './html.js';

/** The pages every provider has, in the order of its top bar. */
export const providerPages = [
  { kind: 'reference', file: 'index.html', label: 'Reference' },
  { kind: 'console', file: 'console.html', label: 'Try it' },
  { kind: 'auth', file: 'auth.html', label: 'Authentication' },
  { kind: 'changelog', file: 'changelog.html', label: 'Changelog' },
] as const;

export type PageKind = (typeof providerPages)[number]['kind'];

/** What the top bar needs to know about the site: its providers, in the order of redocly.yaml. */
export interface SiteMap {
  readonly providers: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

/** Where a page sits: on the landing page, or on one of a provider's pages (`<id>/…`). */
export type Place = { readonly kind: 'landing' } | { readonly kind: PageKind; readonly provider: string };

const fileOf = (kind: PageKind) => providerPages.find((p) => p.kind === kind)!.file;

/** The provider's pages and downloads, from a page inside `<id>/`. */
function providerLinks(place: Extract<Place, { provider: string }>): Html {
  const current = (kind: PageKind) => (kind === place.kind ? html` aria-current="page"` : '');
  return html`<nav aria-label="Provider pages"><ul>
${providerPages.map((p) => html`<li><a href="${p.file}"${current(p.kind)}>${p.label}</a></li>`)}
<li><a href="../downloads/${place.provider}.openapi.yaml" download>YAML</a></li>
<li><a href="../downloads/${place.provider}.openapi.json" download>JSON</a></li>
</ul></nav>`;
}

/**
 * The provider switcher: the same page of every other provider (a `<details>` menu, so it works
 * without JavaScript).
 */
function switcher(site: SiteMap, place: Place, root: string): Html {
  const here = 'provider' in place ? place.provider : undefined;
  const file = fileOf(place.kind === 'landing' ? 'reference' : place.kind);
  const title = site.providers.find((p) => p.id === here)?.title;
  return html`<details class="switcher">
<summary>${title ?? 'Providers'}<span class="visually-hidden">: switch provider</span></summary>
<ul>${site.providers.map(
    (p) =>
      html`<li><a href="${root}${p.id}/${file}"${p.id === here ? html` aria-current="true"` : ''}>${p.title}</a></li>`,
  )}</ul>
</details>`;
}

/** The top bar: the site's name, the provider switcher, search, and the provider's pages. */
export function topBar(site: SiteMap, place: Place, root: string, siteName: string): Html {
  return html`<header class="site-header"><div class="bar">
<a class="site-name" href="${root}index.html">${siteName}</a>
${switcher(site, place, root)}
<button type="button" class="search-button" data-search-open aria-keyshortcuts="/ Control+K" aria-haspopup="dialog">Search <kbd aria-hidden="true">/</kbd></button>
${'provider' in place ? providerLinks(place) : ''}
</div></header>`;
}
