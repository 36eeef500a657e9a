import type { OAuth2SchemeConfig, SecuritySchemeConfig, TokenRequestShape } from '@oapi/auth';
import { absoluteUrl, authMethods, type AuthMethod } from '../auth-methods.js';
import type { Provider } from '../providers.js';
import { quickstarts, type Quickstart } from '../quickstart.js';
import { isObject, specOperations, type Json } from '../spec-json.js';
import { refreshParagraphs } from './auth-refresh.js';
import { html, type Html } from './html.js';
import { markdown, markdownInline } from './markdown.js';
import { page } from './layout.js';
import type { SiteMap } from './nav.js';

const schemeKinds: Readonly<Record<SecuritySchemeConfig['type'], string>> = {
  oauth2: 'OAuth 2',
  http: 'HTTP bearer',
  apiKey: 'API key',
};

const clientAuthentication: Readonly<Record<TokenRequestShape['clientAuthentication'], string>> = {
  client_secret_post: '`client_id` and `client_secret` in the request body',
  client_secret_basic: 'HTTP Basic authentication with `client_id:client_secret`',
  none: 'none: no client credentials are sent',
};

function rows(entries: ReadonlyArray<readonly [string, Html | string | undefined]>): Html {
  return html`<table>${entries.filter(([, value]) => value !== undefined && value !== '').map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table>`;
}

const code = (text: string) => html`<code>${text}</code>`;

function methodTable(provider: Provider, method: AuthMethod): Html {
  const request = method.tokenRequest;
  const scopes = Object.keys(method.scopes ?? {});
  return rows([
    ['grant_type', method.grantType ? code(method.grantType) : undefined],
    [
      'Authorization URL',
      method.authorizationUrl ? code(absoluteUrl(method.authorizationUrl, provider.tokenBaseUrl)) : undefined,
    ],
    [
      'Token endpoint',
      method.tokenUrl
        ? html`${code(`POST ${absoluteUrl(method.tokenUrl, provider.tokenBaseUrl)}`)}${/^https?:/.test(method.tokenUrl) ? '' : provider.descriptor.tokenServers ? " (the token server, not the API's)" : ' (on the API server you use)'}`
        : undefined,
    ],
    [
      'PKCE',
      method.pkce === undefined
        ? undefined
        : markdownInline(
            method.pkce
              ? 'S256: `code_challenge` on the authorize request, `code_verifier` on the exchange'
              : 'none: the server does not support it (`x-pkce: false`), so the client sends neither `code_challenge` nor `code_verifier`; `state` is still checked (see the note above)',
          ),
    ],
    ['Refresh at', method.refreshUrl ? code(absoluteUrl(method.refreshUrl, provider.tokenBaseUrl)) : undefined],
    ['Request body', request ? code(request.contentType) : undefined],
    [
      'grant_type travels in',
      request ? (request.grantTypeIn === 'query' ? 'the query string' : 'the body') : undefined,
    ],
    ['Client authentication', request ? markdownInline(clientAuthentication[request.clientAuthentication]) : undefined],
    [
      'Query parameters',
      request && request.queryParameters.length > 0
        ? html`${request.queryParameters.map((p) => code(p))} (in the query string, never the body)`
        : undefined,
    ],
    ['Scopes', scopes.length > 0 ? html`${scopes.map((s) => code(s))}` : undefined],
    ['Sent as', method.sentAs ? code(method.sentAs) : undefined],
  ]);
}

function snippet(quickstart: Quickstart | undefined, provider: Provider): Html {
  if (!provider.client) return html``;
  if (!quickstart) return html`<p><span class="status">not in <code>${provider.client.name}</code> yet</span></p>`;
  return html`<pre tabindex="0"><code class="language-ts">${quickstart.code}</code></pre>`;
}

function schemeSection(
  provider: Provider,
  name: string,
  scheme: SecuritySchemeConfig,
  raw: Json,
  starts: readonly Quickstart[],
): Html {
  const methods = authMethods({ ...provider.security, schemes: { [name]: scheme } });
  const oauth = scheme.type === 'oauth2' ? (scheme as OAuth2SchemeConfig) : undefined;
  return html`<section id="scheme-${name}">
<h2>${schemeKinds[scheme.type]}: <code>${name}</code></h2>
${typeof raw.description === 'string' ? html`<div class="note">${markdown(raw.description)}</div>` : ''}
${oauth?.flows.implicit ? html`<p>The spec also lists the implicit flow, which the client does not support (OAuth 2.1 drops it).</p>` : ''}
${methods.map(
  (method) => html`<h3 id="${name}-${method.strategy}">${method.title}</h3>
${methodTable(provider, method)}
${snippet(
  starts.find((q) => q.method.scheme === name && q.method.strategy === method.strategy),
  provider,
)}`,
)}
${oauth ? html`<h3 id="${name}-refresh">How tokens refresh</h3>${refreshParagraphs(provider, methods, oauth).map((p) => html`<p>${p}</p>`)}` : ''}
</section>`;
}

function requirementText(requirement: Record<string, unknown>): string {
  const names = Object.keys(requirement);
  return names.length === 0 ? 'no credentials' : names.map((n) => `\`${n}\``).join(' and ');
}

/** `oauth2`, or `apiKey`: the alternatives of a `security` list; an empty list needs no credentials. */
function securityText(alternatives: ReadonlyArray<Record<string, unknown>>): string {
  return alternatives.length === 0 ? 'no credentials' : alternatives.map(requirementText).join(', or ');
}

function overview(provider: Provider): Html {
  const root = Array.isArray(provider.spec.security) ? (provider.spec.security as Array<Record<string, unknown>>) : [];
  const exceptions = specOperations(provider.spec).filter((op) => Array.isArray(op.operation.security));
  return html`<p>${markdownInline(
    root.length === 0
      ? 'The spec declares no credentials for its operations by default.'
      : `Every operation needs ${securityText(root)}, unless listed below.`,
  )}</p>
${exceptions.length > 0 ? html`<ul>${exceptions.map((op) => html`<li><code>${op.method.toUpperCase()} ${op.path}</code> (${op.summary}): ${markdownInline(securityText(op.operation.security as Array<Record<string, unknown>>))}</li>`)}</ul>` : ''}`;
}

function quickstartSection(provider: Provider, starts: readonly Quickstart[]): Html {
  const [first] = starts;
  if (!provider.client || !first)
    return html`<p class="note">The typed client <code>@oapi/${provider.id}</code> is in progress; this guide describes the HTTP exchanges so you can authenticate without it meanwhile.</p>`;
  return html`<section id="quickstart">
<h2>Quickstart</h2>
<pre tabindex="0"><code>npm install ${provider.client.name}</code></pre>
<p>${first.method.title}, then a first call. Credentials come from the environment; none of them ever appears in a URL, a log line or an error message.</p>
<pre tabindex="0"><code class="language-ts">${first.code}</code></pre>
</section>`;
}

/** The authentication guide of one provider, generated from its security schemes and their `x-` extensions. */
export function authGuidePage(site: SiteMap, provider: Provider): string {
  const starts = quickstarts(provider);
  const rawSchemes =
    isObject(provider.spec.components) && isObject(provider.spec.components.securitySchemes)
      ? provider.spec.components.securitySchemes
      : {};
  return page({
    title: `${provider.title}: authentication`,
    site,
    place: { kind: 'auth', provider: provider.id },
    body: html`<main id="main" class="page" tabindex="-1">
<h1>${provider.title}: authentication</h1>
<p class="lead">Which credentials ${provider.title} takes, where its token endpoint is, how to configure the client for each grant and how tokens are refreshed, generated from the security schemes of its spec.</p>
${overview(provider)}
${quickstartSection(provider, starts)}
${Object.entries(provider.security.schemes).map(([name, scheme]) => schemeSection(provider, name, scheme, isObject(rawSchemes[name]) ? rawSchemes[name] : {}, starts))}
</main>`,
  });
}
