import { monospaceFonts, systemFonts } from '../assets.js';
import type { Provider } from '../providers.js';
import type { Json } from '../spec-json.js';
import { html, raw } from './html.js';
import { page } from './layout.js';
import { providerNav } from './nav.js';

/** JSON that can sit inside a `<script>` element: `<` never appears, so `</script>` cannot either. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Redoc's options for every reference page: system fonts, the site's own download link. */
export function redocOptions(provider: Provider): Json {
  return {
    scrollYOffset: '.site-nav',
    downloadDefinitionUrl: `../downloads/${provider.id}.openapi.yaml`,
    downloadFileName: `${provider.id}.openapi.yaml`,
    showWebhookVerb: true,
    hideLoading: true,
    theme: {
      colors: { primary: { main: '#1f4e79' } },
      typography: {
        fontFamily: systemFonts,
        headings: { fontFamily: systemFonts },
        code: { fontFamily: monospaceFonts },
      },
    },
  };
}

/**
 * The reference page: Redoc, self-hosted, rendering the spec with its code samples. The spec is
 * inlined, so the page needs no second request and opens from the file system too.
 */
export function referencePage(provider: Provider, spec: Json): string {
  const init = `Redoc.init(JSON.parse(document.getElementById('spec').textContent), JSON.parse(document.getElementById('redoc-options').textContent), document.getElementById('redoc'));`;
  return page({
    title: `${provider.title} ${provider.version}: API reference`,
    root: '../',
    bodyClass: 'reference',
    nav: providerNav(provider),
    body: html`<div id="redoc"></div>`,
    scripts: html`<script id="spec" type="application/json">${raw(scriptJson(spec))}</script>
<script id="redoc-options" type="application/json">${raw(scriptJson(redocOptions(provider)))}</script>
<script src="../assets/redoc.standalone.js"></script>
<script>${raw(init)}</script>`,
  });
}
