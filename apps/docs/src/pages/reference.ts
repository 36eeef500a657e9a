import type { Provider } from '../providers.js';
import { findingKey, groupByTag, referenceOperations, type TagGroup } from '../reference-operations.js';
import { type LastChange, lastChanges, noteAnchor, type ReleaseLog } from '../release-log.js';
import { splitResearch } from '../research-notes.js';
import { isObject, type Json } from '../spec-json.js';
import { html, type Html } from './html.js';
import { page } from './layout.js';
import { markdown } from './markdown.js';
import type { SiteMap } from './nav.js';
import { type OperationLinks, operationSection, type ReferenceOperation } from './operation.js';
import { setupSection } from './samples.js';

function tocEntry(op: ReferenceOperation): Html {
  return html`<li><a href="#${op.operationId}"><span class="method ${op.method}">${op.method}</span><span>${op.summary || op.operationId}</span></a></li>`;
}

function contents(groups: readonly TagGroup[]): Html {
  return html`<nav class="toc" aria-label="Contents">
<details><summary>Contents</summary>
<ul><li><a href="#introduction">Introduction</a></li>${groups.map(
    (g) =>
      html`<li><p class="group"><a href="#tag-${g.slug}">${g.name}</a></p><ul>${g.operations.map(tocEntry)}</ul></li>`,
  )}</ul>
</details>
</nav>`;
}

function servers(spec: Json): Html | '' {
  const list = (Array.isArray(spec.servers) ? spec.servers : []).filter(isObject);
  if (list.length === 0) return '';
  return html`<h2 id="servers">Servers</h2>
<ul>${list.map((s) => html`<li><code>${String(s.url)}</code>${markdown(typeof s.description === 'string' ? s.description : undefined)}</li>`)}</ul>`;
}

function introduction(provider: Provider, spec: Json): Html {
  const info = isObject(spec.info) ? spec.info : {};
  const { reader, research } = splitResearch(typeof info.description === 'string' ? info.description : '');
  return html`<section id="introduction" aria-labelledby="introduction-title">
<h1 id="introduction-title">${provider.title} <span class="constraints">${provider.version}</span></h1>
${provider.summary ? html`<p class="lead">${provider.summary}</p>` : ''}
${markdown(reader)}
${servers(spec)}
${setupSection(provider)}
${
  research
    ? html`<details class="research" id="research-notes"><summary>Research notes: how this description was made, and the slips of the provider's docs</summary>
${markdown(research)}</details>`
    : ''
}
</section>`;
}

/** An operation's last change: its own, or its path's (a path added with all its methods). */
export function lastChangeOf(
  changes: ReadonlyMap<string, LastChange>,
  op: ReferenceOperation,
): OperationLinks['lastChange'] {
  const keys = op.kind === 'operation' ? [findingKey(op), op.name] : [findingKey(op)];
  const found = keys
    .map((key) => ({ key, change: changes.get(key) }))
    .filter((k): k is { key: string; change: LastChange } => k.change !== undefined)
    .sort((a, b) => Date.parse(b.change.date) - Date.parse(a.change.date))[0];
  if (!found) return undefined;
  const { group } = found.change;
  return {
    kind: found.change.kind,
    date: found.change.date,
    release: group.kind === 'day' ? undefined : group.title,
    anchor: noteAnchor(group, found.key),
  };
}

/**
 * The reference page, rendered here at build time: every operation and webhook is in the HTML, so
 * the first one shows with the first paint and the page reads without JavaScript. `spec` is the
 * provider's spec with its code samples.
 */
export function referencePage(site: SiteMap, provider: Provider, spec: Json, log: ReleaseLog | undefined): string {
  const groups = groupByTag(spec, referenceOperations(spec));
  const changes = log && !('unavailable' in log) ? lastChanges(log) : undefined;
  return page({
    title: `${provider.title} ${provider.version}: API reference`,
    site,
    place: { kind: 'reference', provider: provider.id },
    bodyClass: 'reference',
    body: html`<div class="reference-layout">
${contents(groups)}
<main id="main" class="page" tabindex="-1">
${introduction(provider, spec)}
${groups.map(
  (g) => html`<section class="tag" id="tag-${g.slug}" aria-labelledby="tag-${g.slug}-title">
<h2 id="tag-${g.slug}-title">${g.name}</h2>
${markdown(g.description)}
${g.operations.map((op) => operationSection(spec, op, { lastChange: changes && lastChangeOf(changes, op) }))}
</section>`,
)}
</main>
</div>`,
  });
}
