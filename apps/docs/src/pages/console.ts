import type { Provider } from '../providers.js';
import { consoleSpec, flowsWithoutClientCredentials } from '../console-spec.js';
import { html, raw } from './html.js';
import { page } from './layout.js';
import type { SiteMap } from './nav.js';
import { scriptJson } from './script-json.js';

/**
 * The console ("Try it"): Scalar's API client, loaded only on this page, so the reference stays
 * light. `console.js` points it at the sandbox when `pnpm run docs` runs one, and opens the
 * operation the reference linked to. Scalar brings its own `main` landmarks, so the page's wrapper
 * is a plain element (the skip link's target).
 */
export function consolePage(site: SiteMap, provider: Provider): string {
  return page({
    title: `${provider.title}: try it`,
    site,
    place: { kind: 'console', provider: provider.id },
    bodyClass: 'console',
    body: html`<div id="main" tabindex="-1">
<section class="console-intro" aria-labelledby="console-title">
<h1 id="console-title">${provider.title}: try it</h1>
<p id="console-target">Requests go from your browser to the server you choose in the request's address bar.</p>
<p>Credentials you enter under <strong>Authentication</strong> stay in this page: they are kept in memory only (never stored, gone when you leave) and sent only to the server and token URL you choose. A server of your own must allow cross-origin requests from this page (CORS); the <a href="auth.html">authentication guide</a> lists ${provider.title}'s real token endpoints.</p>
${clientFieldsNote(provider)}
<noscript><p class="note problem">The console needs JavaScript; the <a href="index.html">reference</a> does not.</p></noscript>
</section>
<div id="console"></div>
</div>`,
    scripts: html`<script id="console-spec" type="application/json">${raw(scriptJson(consoleSpec(provider)))}</script>
<script id="console-options" type="application/json">${raw(scriptJson({ provider: provider.id, title: provider.title }))}</script>
<link rel="stylesheet" href="../assets/console.css">
<script src="../assets/scalar/standalone.js"></script>
<script src="../assets/console.js"></script>`,
  });
}

/** Where Scalar asks for client credentials the provider's token endpoint does not take. */
function clientFieldsNote(provider: Provider) {
  const flows = flowsWithoutClientCredentials(provider);
  if (flows.length === 0) return '';
  return html`<p class="note" id="console-client-fields">For the ${flows.join(' and ')} ${flows.length > 1 ? 'flows' : 'flow'}, leave <strong>Client ID</strong> and <strong>Client Secret</strong> empty: ${provider.title}'s token endpoint takes no client credentials there, and the console would send them as HTTP Basic.</p>`;
}
