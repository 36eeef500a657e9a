import type { Finding, HistoryEntry, Severity } from '@oapi/spec-diff';
import type { Changelog } from '../changelog.js';
import type { Provider } from '../providers.js';
import { escapeHtml, html, raw, type Html } from './html.js';
import { page } from './layout.js';
import type { SiteMap } from './nav.js';

const severityTitles: ReadonlyArray<readonly [Severity, string]> = [
  ['breaking', 'Breaking'],
  ['warning', 'Warnings'],
  ['info', 'Additions and other changes'],
];

const changeNotes: Readonly<Record<HistoryEntry['change'], string>> = {
  added: 'The first version of the spec.',
  changed: '',
  removed: 'The spec was removed.',
};

/** A finding's message, escaped, with its `code spans` (property paths, media types) set as code. */
export function findingMessage(text: string): Html {
  return raw(escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>'));
}

/** Findings of one severity by operation (`Document` for servers, security schemes, info), in order. */
function byOperation(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.operation ?? 'Document';
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return groups;
}

function findingsSection(entry: HistoryEntry, severity: Severity, title: string): Html {
  const findings = entry.findings.filter((f) => f.severity === severity);
  if (findings.length === 0) return html``;
  return html`<section class="findings ${severity}">
<h3>${title} (${findings.length})</h3>
<ul>${[...byOperation(findings)].map(([operation, group]) =>
    group.length === 1
      ? html`<li><code class="operation">${operation}</code>: ${findingMessage(group[0]!.message)}</li>`
      : html`<li><code class="operation">${operation}</code><ul>${group.map((f) => html`<li>${findingMessage(f.message)}</li>`)}</ul></li>`,
  )}</ul>
</section>`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function entryItem(entry: HistoryEntry): Html {
  const { breaking, warning, info } = entry.summary;
  return html`<li class="entry" id="commit-${entry.shortCommit}">
<h2><time datetime="${entry.date}">${entry.date.slice(0, 10)}</time> <span class="subject">${entry.subject}</span></h2>
<p class="meta"><code title="${entry.commit}">${entry.shortCommit}</code> · <span class="bump bump-${entry.bump}">${entry.bump === 'none' ? 'no release needed' : `${entry.bump} release`}</span> · ${plural(breaking, 'breaking change')}, ${plural(warning, 'warning')}, ${info} info</p>
${changeNotes[entry.change] ? html`<p>${changeNotes[entry.change]}</p>` : ''}
${entry.problem ? html`<p class="note problem">Not compared: ${entry.problem}</p>` : ''}
${severityTitles.map(([severity, title]) => findingsSection(entry, severity, title))}
</li>`;
}

function body(provider: Provider, changelog: Changelog): Html {
  if ('unavailable' in changelog) {
    return html`<p class="note problem" id="history-unavailable">The history of this spec could not be read, so there is no changelog: ${changelog.unavailable}</p>`;
  }
  if (changelog.entries.length === 0)
    return html`<p class="note" id="no-history">No commit has changed the ${provider.title} spec yet.</p>`;
  return html`<ol class="entries">${changelog.entries.map(entryItem)}</ol>`;
}

/** The changelog of one provider: each commit that changed its spec, with what changed and the release it needs. */
export function changelogPage(site: SiteMap, provider: Provider, changelog: Changelog): string {
  return page({
    title: `${provider.title}: changelog`,
    site,
    place: { kind: 'changelog', provider: provider.id },
    body: html`<main id="main" class="page changelog" tabindex="-1">
<h1>${provider.title}: changelog</h1>
<p class="lead">Every commit that changed the ${provider.title} spec (<code>${provider.id}</code>), newest first, compared with the commit before it by <code>@oapi/spec-diff</code>: what breaks clients, what is new, and the release of the client package the change needs.</p>
${body(provider, changelog)}
</main>`,
  });
}
