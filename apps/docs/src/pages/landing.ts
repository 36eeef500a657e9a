import { authMethods } from '../auth-methods.js';
import type { Provider } from '../providers.js';
import { specOperations, specWebhooks } from '../spec-json.js';
import { html } from './html.js';
import { page, siteName } from './layout.js';
import type { SiteMap } from './nav.js';

/** The provider's ways of authenticating, in a few words each. */
export function authSummary(provider: Provider): string[] {
  return authMethods(provider.security)
    .filter((method) => method.strategy !== 'bearerToken')
    .map((method) => {
      if (method.sentAs) return `${method.title} (${method.sentAs})`;
      if (method.grantType === 'refresh_token') return 'refresh tokens';
      return `OAuth 2 ${method.title.charAt(0).toLowerCase()}${method.title.slice(1)}`;
    });
}

function card(provider: Provider) {
  const operations = specOperations(provider.spec).length;
  const webhooks = specWebhooks(provider.spec).length;
  const client = provider.client;
  return html`<li class="provider" id="${provider.id}">
<h2>${provider.title}</h2>
<p class="meta">id <code>${provider.id}</code> · version ${provider.version} · ${operations} operations${webhooks > 0 ? ` · ${webhooks} webhooks` : ''}</p>
<p>${provider.summary}</p>
<p><strong>Authentication</strong></p>
<ul>${authSummary(provider).map((line) => html`<li>${line}</li>`)}</ul>
<p><strong>Client</strong> ${
    client
      ? html`<span class="status ready">ready</span> <code>npm install ${client.name}</code>`
      : html`<span class="status">client in progress</span>`
  }</p>
<nav class="links" aria-label="${provider.title}">
<a href="${provider.id}/index.html">Reference</a>
<a href="${provider.id}/console.html">Try it</a>
<a href="${provider.id}/auth.html">Authentication guide</a>
${client ? html`<a href="${provider.id}/auth.html#quickstart">Quickstart</a>` : ''}
<a href="${provider.id}/changelog.html">Changelog</a>
<a href="downloads/${provider.id}.openapi.yaml" download>openapi.yaml</a>
<a href="downloads/${provider.id}.openapi.json" download>openapi.json</a>
</nav>
</li>`;
}

/** The landing page: one card per API of redocly.yaml. */
export function landingPage(site: SiteMap, providers: readonly Provider[]): string {
  return page({
    title: `${siteName}: API reference docs`,
    site,
    place: { kind: 'landing' },
    body: html`<main id="main" class="page" tabindex="-1">
<h1>API reference docs</h1>
<p class="lead">Handwritten OpenAPI 3.1 descriptions of ${providers.length} HTTP APIs, with typed TypeScript clients generated from them. Each reference is rendered from the bundled spec; every code sample compiles against the real client. Search every API with <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd>.</p>
<ul class="providers">${providers.map(card)}</ul>
</main>`,
  });
}
