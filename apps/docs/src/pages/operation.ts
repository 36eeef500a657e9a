import { deref, isObject, type Json } from '../spec-json.js';
import { html, type Html } from './html.js';
import { markdown, markdownInline } from './markdown.js';
import { provenanceOf } from './provenance.js';
import { samplesBlock } from './samples.js';
import { constraints, schemaBlock, typeLabel } from './schema.js';

/** An operation (or webhook) of a spec, as the reference renders it. */
export interface ReferenceOperation {
  readonly kind: 'operation' | 'webhook';
  /** The path, or the webhook's name. */
  readonly name: string;
  readonly method: string;
  readonly operationId: string;
  readonly summary: string;
  readonly operation: Json;
  readonly pathItem: Json;
  /** The `#…` slug of the operation's first tag, as the console names it. */
  readonly tagSlug: string;
}

/** Links an operation carries besides its own content. */
export interface OperationLinks {
  /**
   * Its last change in the changelog (added or changed, when, in which release, its anchor on the
   * changelog page); `undefined` when the history could not be read.
   */
  readonly lastChange:
    | { readonly kind: 'added' | 'changed'; readonly date: string; readonly release?: string; readonly anchor: string }
    | undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function parametersTable(spec: Json, op: ReferenceOperation): Html | '' {
  const byKey = new Map<string, Json>();
  for (const raw of [...list(op.pathItem.parameters), ...list(op.operation.parameters)]) {
    const parameter = deref(spec, raw);
    if (isObject(parameter)) byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
  }
  if (byKey.size === 0) return '';
  return html`<h4>Parameters</h4>
<table class="params"><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>
${[...byKey.values()].map((p) => {
  const schema = deref(spec, p.schema);
  const notes = isObject(schema) ? constraints(schema) : [];
  return html`<tr><td class="name"><code>${String(p.name)}</code> <span class="where">${String(p.in)}</span>${p.required === true ? html` <span class="required">required</span>` : ''} ${provenanceOf(p)}</td>
<td class="type"><code>${typeLabel(spec, p.schema)}</code></td>
<td>${markdown(typeof p.description === 'string' ? p.description : undefined)}${'example' in p ? html`<p class="constraints">example: ${JSON.stringify(p.example)}</p>` : ''}${notes.length > 0 ? html`<p class="constraints">${notes.join(' · ')}</p>` : ''}</td></tr>`;
})}
</tbody></table>`;
}

/** A media type's examples: its own, its named ones (with their summaries). */
function examples(spec: Json, media: Json, mediaType: string): Html | '' {
  const found: Array<{ title: string; value: unknown }> = [];
  if ('example' in media) found.push({ title: 'Example', value: media.example });
  if (isObject(media.examples)) {
    for (const [name, raw] of Object.entries(media.examples)) {
      const example = deref(spec, raw);
      if (isObject(example) && 'value' in example)
        found.push({ title: typeof example.summary === 'string' ? example.summary : name, value: example.value });
    }
  }
  if (found.length === 0) return '';
  const form = /form/.test(mediaType);
  return html`${found.map(
    (
      e,
    ) => html`<figure class="example"><figcaption>${e.title}${form ? html` (the fields, shown as JSON; sent as <code>${mediaType}</code>)` : ''}</figcaption>
<pre tabindex="0"><code>${typeof e.value === 'string' ? e.value : JSON.stringify(e.value, null, 2)}</code></pre></figure>`,
  )}`;
}

function content(spec: Json, raw: unknown): Html | '' {
  if (!isObject(raw)) return '';
  return html`${Object.entries(raw).map(([mediaType, rawMedia]) => {
    const media = deref(spec, rawMedia);
    if (!isObject(media)) return '';
    return html`<div class="media"><p class="constraints">Content type <code>${mediaType}</code></p>
${media.schema !== undefined ? schemaBlock(spec, media.schema) : ''}${examples(spec, media, mediaType)}</div>`;
  })}`;
}

function requestBody(spec: Json, op: ReferenceOperation): Html | '' {
  const body = deref(spec, op.operation.requestBody);
  if (!isObject(body)) return '';
  return html`<h4>${op.kind === 'webhook' ? 'Payload' : 'Request body'}${body.required === true ? html` <span class="required">required</span>` : ''}</h4>
${markdown(typeof body.description === 'string' ? body.description : undefined)}${content(spec, body.content)}`;
}

function responses(spec: Json, op: ReferenceOperation): Html | '' {
  const entries = Object.entries(isObject(op.operation.responses) ? op.operation.responses : {});
  if (entries.length === 0) return '';
  const firstSuccess = entries.find(([status]) => /^2/.test(status))?.[0];
  return html`<h4>${op.kind === 'webhook' ? 'Your answer' : 'Responses'}</h4>
${entries.map(([status, raw]) => {
  const response = deref(spec, raw);
  if (!isObject(response)) return '';
  const text = typeof response.description === 'string' ? response.description.trim() : '';
  // The first paragraph is the summary line; the rest shows when the response is opened.
  const [lead = '', ...rest] = text.split(/\n\s*\n/);
  const headers = Object.entries(isObject(response.headers) ? response.headers : {});
  return html`<details class="response"${status === firstSuccess ? html` open` : ''}>
<summary><span class="status-code">${status}</span> ${provenanceOf(isObject(raw) ? raw : {}) || provenanceOf(response)} ${markdownInline(lead)}</summary>
${markdown(rest.join('\n\n'))}
${
  headers.length > 0
    ? html`<p class="constraints">Headers</p><ul class="schema">${headers.map(([name, rawHeader]) => {
        const header = deref(spec, rawHeader);
        const h = isObject(header) ? header : {};
        return html`<li><code>${name}</code> <span class="type">${typeLabel(spec, h.schema)}</span>${markdown(typeof h.description === 'string' ? h.description : undefined)}</li>`;
      })}</ul>`
    : ''
}
${content(spec, response.content)}
</details>`;
})}`;
}

function securityLine(spec: Json, op: ReferenceOperation): Html | '' {
  if (op.kind === 'webhook') return '';
  const alternatives = (Array.isArray(op.operation.security) ? op.operation.security : list(spec.security)).filter(
    isObject,
  );
  if (alternatives.length === 0 || alternatives.some((r) => Object.keys(r).length === 0))
    return html`<li>No credentials needed</li>`;
  return html`<li>Credentials: ${alternatives.map(
    (requirement, i) =>
      html`${i > 0 ? ' or ' : ''}${Object.keys(requirement).map((name) => html`<a href="auth.html#scheme-${name}">${name}</a>`)}`,
  )} (authentication guide)</li>`;
}

function serversNote(op: ReferenceOperation): Html | '' {
  const servers = list(op.operation.servers).length > 0 ? list(op.operation.servers) : list(op.pathItem.servers);
  if (servers.length === 0) return '';
  return html`<p class="note">Sent to ${servers.filter(isObject).map((s, i) => html`${i > 0 ? ', ' : ''}<code>${String(s.url)}</code>${typeof s.description === 'string' ? html` (${s.description.trim()})` : ''}`)}, not to the API's server.</p>`;
}

function changelogLink(links: OperationLinks): Html {
  const last = links.lastChange;
  if (!last) return html`<li><a href="changelog.html">Changelog</a></li>`;
  return html`<li><a href="changelog.html#${last.anchor}"><span class="badge change ${last.kind}">${last.kind}</span> <time datetime="${last.date}">${last.date.slice(0, 10)}</time>${last.release ? `, ${last.release}` : ''}</a></li>`;
}

/** One operation or webhook: what it is, how to call it, what it answers, with its samples. */
export function operationSection(spec: Json, op: ReferenceOperation, links: OperationLinks): Html {
  const o = op.operation;
  return html`<section class="operation" id="${op.operationId}" aria-labelledby="${op.operationId}-title">
<h3 id="${op.operationId}-title">${op.summary || op.operationId}</h3>
<p class="endpoint"><span class="method ${op.method}">${op.kind === 'webhook' ? `${op.method} webhook` : op.method}</span> <code>${op.name}</code> ${provenanceOf(o)}${o.deprecated === true ? html` <span class="badge deprecated">deprecated</span>` : ''} <span class="constraints">operationId <code>${op.operationId}</code></span></p>
<ul class="actions">
${op.kind === 'operation' ? html`<li><a class="try" href="console.html#tag/${op.tagSlug}/${op.operationId}">Try it</a></li>` : ''}
${securityLine(spec, op)}
${changelogLink(links)}
</ul>
${serversNote(op)}
${markdown(typeof o.description === 'string' ? o.description : undefined)}
${parametersTable(spec, op)}
${requestBody(spec, op)}
${samplesBlock(op.operationId, list(o['x-codeSamples']))}
${responses(spec, op)}
</section>`;
}
