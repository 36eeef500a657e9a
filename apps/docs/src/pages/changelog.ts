import type { ReleaseNote, ReleaseNoteChange, Severity } from '@oapi/spec-diff';
import type { Provider } from '../providers.js';
import { findingKey, referenceOperations } from '../reference-operations.js';
import { type ChangeGroup, noteAnchor, type ReleaseLog } from '../release-log.js';
import { escapeHtml, html, raw, type Html } from './html.js';
import { page } from './layout.js';
import { markdown } from './markdown.js';
import type { SiteMap } from './nav.js';
import type { ReferenceOperation } from './operation.js';

const severityTitles: ReadonlyArray<readonly [Severity, string]> = [
  ['breaking', 'Breaking changes, and what to do'],
  ['warning', 'Deprecations and warnings'],
  ['info', 'New and changed'],
];

/** A sentence, escaped, with its `code spans` (properties, media types) set as code. */
export function findingMessage(text: string): Html {
  return raw(escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>'));
}

/** The operation a note is about, linked to the reference while the spec still has it. */
function operationLink(key: string | null, operations: readonly ReferenceOperation[]): Html {
  if (key === null) return html`The API as a whole`;
  const op =
    operations.find((o) => findingKey(o) === key) ?? operations.find((o) => o.kind === 'operation' && o.name === key);
  return op
    ? html`<a href="index.html#${op.operationId}"><code>${key}</code></a>`
    : html`<code>${key}</code> (no longer in the spec)`;
}

function changeItem(change: ReleaseNoteChange): Html {
  const accepted = change.accepted && !change.accepted.expired ? change.accepted.reason : undefined;
  return html`<li>${findingMessage(change.sentence)}${change.action ? html` <span class="action"><strong>What to do:</strong> ${findingMessage(change.action)}</span>` : ''}${accepted ? html` <span class="accepted">Accepted: ${accepted}</span>` : ''}</li>`;
}

/** The notes' changes of one severity, by operation; each operation's anchor on its first list. */
function notesList(
  g: ChangeGroup,
  notes: readonly ReleaseNote[],
  severity: Severity | undefined,
  context: { operations: readonly ReferenceOperation[]; anchored: Set<string> },
): Html | '' {
  const items = notes
    .map((note) => ({ note, changes: note.changes.filter((c) => !severity || c.severity === severity) }))
    .filter((item) => item.changes.length > 0);
  if (items.length === 0) return '';
  return html`<ul class="notes">${items.map(({ note, changes }) => {
    const anchor = noteAnchor(g, note.operation);
    const id = context.anchored.has(anchor) ? '' : html` id="${anchor}"`;
    context.anchored.add(anchor);
    return html`<li${id}>${operationLink(note.operation, context.operations)}<ul>${changes.map(changeItem)}</ul></li>`;
  })}</ul>`;
}

function meta(g: ChangeGroup, provider: Provider): Html {
  const date = html`<time datetime="${g.date}">${g.date.slice(0, 10)}</time>`;
  if (g.kind === 'release') return html`<p class="meta">Released ${date}</p>`;
  if (g.kind === 'next')
    return html`<p class="meta">A <span class="bump bump-${g.bump}">${g.bump} release</span>, from ${g.changesets.length} changeset${g.changesets.length === 1 ? '' : 's'}; last spec change ${date}</p>`;
  const client = provider.client?.name ?? 'the client';
  return html`<p class="meta">${date} · ${g.bump === 'none' ? 'no client release needed' : html`needs a <span class="bump bump-${g.bump}">${g.bump} release</span> of ${client}`}</p>`;
}

/** A group's content, without its heading: the page's section, and the Atom entry's content. */
export function groupBody(g: ChangeGroup, provider: Provider, operations: readonly ReferenceOperation[]): Html {
  const context = { operations, anchored: new Set<string>() };
  const documentationOnly = g.notes.length === 0 && !g.firstVersion && g.entries.length > 0;
  return html`${meta(g, provider)}
${severityTitles.map(([severity, title]) => {
  const list = notesList(g, g.notes, severity, context);
  return list ? html`<section class="changes ${severity}"><h3>${title}</h3>${list}</section>` : '';
})}
${
  g.changesets.length > 0
    ? html`<h3>What the client's changesets say</h3><ul class="changesets">${g.changesets.map((c) => html`<li>${markdown(c.summary)}</li>`)}</ul>`
    : ''
}
${documentationOnly ? html`<p>Only the documentation changed: descriptions and examples.</p>` : ''}
${
  g.firstVersion
    ? html`<details class="first-version"><summary>The first version of the spec (${g.firstVersion.length} item${g.firstVersion.length === 1 ? '' : 's'})</summary>${notesList(g, g.firstVersion, undefined, context)}</details>`
    : ''
}
${
  g.entries.length > 0
    ? html`<details class="commits"><summary>${g.entries.length} commit${g.entries.length === 1 ? '' : 's'} to the spec</summary><ul>${g.entries.map(
        (e) =>
          html`<li id="commit-${e.shortCommit}"><time datetime="${e.date}">${e.date.slice(0, 10)}</time> <code title="${e.commit}">${e.shortCommit}</code> ${e.subject}${e.problem ? html` <span class="note problem">Not compared: ${e.problem}</span>` : ''}</li>`,
      )}</ul></details>`
    : ''
}`;
}

function body(provider: Provider, log: ReleaseLog): Html {
  if ('unavailable' in log) {
    return html`<p class="note problem" id="history-unavailable">The history of this spec could not be read, so there is no changelog: ${log.unavailable}</p>`;
  }
  if (log.groups.length === 0)
    return html`<p class="note" id="no-history">No commit has changed the ${provider.title} spec yet.</p>`;
  const operations = referenceOperations(provider.spec);
  return html`${log.groups.map(
    (g) => html`<section class="release ${g.kind}" id="${g.id}" aria-labelledby="${g.id}-title">
<h2 id="${g.id}-title">${g.title}</h2>
${groupBody(g, provider, operations)}
</section>`,
  )}`;
}

/** The changelog of one provider: its spec's changes as release notes, by client release or by day. */
export function changelogPage(site: SiteMap, provider: Provider, log: ReleaseLog): string {
  const client = provider.client?.name;
  return page({
    title: `${provider.title}: changelog`,
    site,
    place: { kind: 'changelog', provider: provider.id },
    feed: { href: 'changelog.atom', title: `${provider.title}: changelog (Atom)` },
    body: html`<main id="main" class="page changelog" tabindex="-1">
<h1>${provider.title}: changelog</h1>
<p class="lead">What changed in the ${provider.title} API description, newest first, ${client ? html`by release of its client <code>${client}</code> (its tags and waiting changesets)` : 'by day'}: breaking changes first, each with what to do, and every change linked to its operation. Compared commit by commit by <code>@oapi/spec-diff</code>. Follow it in a feed reader: <a href="changelog.atom">Atom feed</a>.</p>
${body(provider, log)}
</main>`,
  });
}
