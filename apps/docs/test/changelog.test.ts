// The changelog page, its Atom feed and its reader: release notes rendered and escaped, and what a
// page says when the history cannot be read (outside a repository, a shallow clone).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEntry } from '@oapi/spec-diff';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogNotice, readChangelogs } from '../src/changelog.js';
import { changelogPage, findingMessage } from '../src/pages/changelog.js';
import { changelogFeed } from '../src/pages/changelog-feed.js';
import { releaseLog } from '../src/release-log.js';
import { providerFromSpec } from '../src/providers.js';
import { commit, git, specYaml } from './git-repo.js';

const temp = mkdtempSync(join(tmpdir(), 'docs-changelog-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const site = { providers: [{ id: 'acme', title: 'Acme API' }] };

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  commit: 'a'.repeat(40),
  shortCommit: 'aaaaaaa',
  parent: 'b'.repeat(40),
  date: '2026-11-20T10:00:00+01:00',
  subject: 'a change',
  change: 'changed',
  findings: [],
  summary: { breaking: 0, warning: 0, info: 0 },
  bump: 'none',
  ...overrides,
});

const breakingEntry = entry({
  subject: 'drop <script>alert("x")</script> & friends',
  findings: [
    {
      id: 'response-property-made-optional',
      severity: 'breaking',
      operation: 'GET /items',
      pointer: '/p',
      message: 'response 200 application/json `[].name`: became optional',
    },
    {
      id: 'operation-deprecated',
      severity: 'warning',
      operation: 'DELETE /items/{id}',
      pointer: '/q',
      message: 'deprecated',
    },
    {
      id: 'server-added',
      severity: 'info',
      operation: null,
      pointer: '/servers/1',
      message: 'server https://eu.acme.test added',
    },
    {
      id: 'path-added',
      severity: 'info',
      operation: '/things',
      pointer: '/paths/~1things',
      message: 'path /things added (GET)',
    },
  ],
  summary: { breaking: 1, warning: 1, info: 2 },
  bump: 'major',
});

const acmeSpec = {
  openapi: '3.1.0',
  info: { title: 'Acme <API>', version: '1' },
  servers: [{ url: 'https://api.acme.test' }],
  paths: {
    '/items': { get: { operationId: 'listItems', responses: {} } },
    '/things': { get: { operationId: 'listThings', responses: {} } },
  },
};
const provider = providerFromSpec(
  { id: 'acme', name: 'acme@v1', version: 'v1' },
  acmeSpec,
  { yaml: '/dev/null', json: '/dev/null' },
  undefined,
);

describe('the changelog page', () => {
  const log = releaseLog(
    {
      entries: [
        breakingEntry,
        entry({
          commit: 'c'.repeat(40),
          shortCommit: 'ccccccc',
          date: '2026-11-01T09:00:00Z',
          subject: 'first',
          change: 'added',
          bump: 'minor',
          findings: [
            {
              id: 'path-added',
              severity: 'info',
              operation: '/items',
              pointer: '/paths/~1items',
              message: 'path /items added (GET)',
            },
          ],
        }),
      ],
    },
    undefined,
  );
  const html = changelogPage(site, provider, log);
  const day = html.slice(html.indexOf('id="day-2026-11-20"'), html.indexOf('id="day-2026-11-01"'));

  it('groups the changes by day where there is no client release, newest first', () => {
    expect([...html.matchAll(/<section class="release (\w+)" id="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'day day-2026-11-20',
      'day day-2026-11-01',
    ]);
    expect(day).toContain(
      '<time datetime="2026-11-20T10:00:00+01:00">2026-11-20</time> · needs a <span class="bump bump-major">major release</span> of the client',
    );
  });

  it('lists breaking changes first, each with what to do, then warnings, then the rest, in sentences', () => {
    const headings = [...day.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Breaking changes, and what to do', 'Deprecations and warnings', 'New and changed']);
    expect(day).toContain(
      '<li id="day-2026-11-20--get-items"><a href="index.html#listItems"><code>GET /items</code></a><ul><li><code>[].name</code> in the 200 response (application/json) became optional. <span class="action"><strong>What to do:</strong> Handle responses without this property.</span></li></ul></li>',
    );
    expect(day).toContain('<code>DELETE /items/{id}</code> (no longer in the spec)');
    expect(day).toContain('The API as a whole<ul><li>The server https://eu.acme.test was added.</li></ul>');
    expect(day).toContain(
      '<a href="index.html#listThings"><code>/things</code></a><ul><li>The path /things was added (GET).</li>',
    );
    expect(day).not.toMatch(/\d+ breaking changes?, \d+ warnings?/);
  });

  it('keeps the first version of the spec collapsed, and lists the commits', () => {
    expect(html).toMatch(
      /<details class="first-version"><summary>The first version of the spec \(1 item\)<\/summary>.*The path \/items was added \(GET\)\./s,
    );
    expect(day).toContain(
      `<li id="commit-aaaaaaa"><time datetime="2026-11-20T10:00:00+01:00">2026-11-20</time> <code title="${'a'.repeat(40)}">aaaaaaa</code> drop`,
    );
  });

  it('announces its Atom feed', () => {
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Acme &lt;API&gt;: changelog (Atom)" href="changelog.atom">',
    );
  });

  it('escapes subjects, titles and messages', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('drop &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends');
    expect(html).toContain('<h1>Acme &lt;API&gt;: changelog</h1>');
    expect(findingMessage('property `<b>`: <i>x</i>').value).toBe(
      'property <code>&lt;b&gt;</code>: &lt;i&gt;x&lt;/i&gt;',
    );
  });

  it('says why there is no changelog when the history could not be read, and when nothing changed yet', () => {
    const unavailable = changelogPage(site, provider, {
      unavailable: 'spec/acme/openapi.yaml: the clone is shallow <here>',
    });
    expect(unavailable).toContain(
      '<p class="note problem" id="history-unavailable">The history of this spec could not be read, so there is no changelog: spec/acme/openapi.yaml: the clone is shallow &lt;here&gt;</p>',
    );
    expect(unavailable).not.toContain('class="release');
    expect(changelogPage(site, provider, { groups: [] })).toContain(
      'No commit has changed the Acme &lt;API&gt; spec yet.',
    );
  });

  it('shows an entry whose spec did not load with the reason, and says when only the documentation changed', () => {
    const page = changelogPage(
      site,
      provider,
      releaseLog({ entries: [entry({ problem: 'the spec does not load at this commit: x.yaml:3: bad' })] }, undefined),
    );
    expect(page).toContain(
      '<span class="note problem">Not compared: the spec does not load at this commit: x.yaml:3: bad</span>',
    );
    expect(page).toContain('no client release needed');
    expect(page).toContain('Only the documentation changed');
  });
});

describe('the Atom feed', () => {
  const log = releaseLog({ entries: [breakingEntry] }, undefined);
  const feed = changelogFeed(provider, log);

  it('has the feed elements RFC 4287 requires, and an entry per group with its content as escaped HTML', () => {
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed).toContain('<id>tag:oapi-clients,2026:acme/changelog</id>');
    expect(feed).toContain('<title>Acme &lt;API&gt;: changelog</title>');
    expect(feed).toContain('<updated>2026-11-20T10:00:00+01:00</updated>');
    expect(feed).toContain('<author><name>oapi-clients</name></author>');
    expect(feed).toContain(
      '<entry>\n<id>tag:oapi-clients,2026:acme/changelog/day-2026-11-20</id>\n<title>2026-11-20</title>',
    );
    expect(feed).toContain('<link rel="alternate" type="text/html" href="changelog.html#day-2026-11-20"/>');
    expect(feed).toContain('<content type="html">&lt;p class=&quot;meta&quot;&gt;');
    expect(feed).not.toContain('<script>');
  });

  it('is still a feed, with no entry, when the history could not be read', () => {
    const empty = changelogFeed(provider, { unavailable: 'shallow' });
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});

describe('readChangelogs', () => {
  const apis = [
    { id: 'acme', root: 'spec/acme/openapi.yaml' },
    { id: 'late', root: 'spec/late/openapi.yaml' },
  ];

  it('reads each API history from the repository', async () => {
    const dir = join(temp, 'full');
    mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    commit(dir, { 'spec/acme/openapi.yaml': specYaml(['/a']) }, 'acme: first');
    commit(dir, { 'spec/acme/openapi.yaml': specYaml(['/a', '/b']) }, 'acme: /b');
    commit(dir, { 'spec/late/openapi.yaml': specYaml(['/x']) }, 'late: first');
    const changelogs = await readChangelogs(dir, apis);
    expect(changelogs.get('acme')).toMatchObject({
      entries: [
        { subject: 'acme: /b', bump: 'minor' },
        { subject: 'acme: first', change: 'added' },
      ],
    });
    expect(changelogs.get('late')).toMatchObject({ entries: [{ subject: 'late: first', change: 'added' }] });

    // A shallow clone of two commits: late's history is whole, acme's stops after acme was added.
    const shallow = join(temp, 'shallow');
    git(temp, 'clone', '-q', '--depth', '2', `file://${dir}`, shallow);
    const cut = await readChangelogs(shallow, apis);
    expect(cut.get('late')).toMatchObject({ entries: [{ subject: 'late: first' }] });
    const acme = cut.get('acme')!;
    expect(acme).toEqual({
      unavailable: expect.stringMatching(/^spec\/acme\/openapi\.yaml: the clone is shallow: .*fetch-depth: 0\)$/),
    });
    expect(changelogNotice('acme', acme)).toEqual({
      stream: 'stderr',
      text: `docs: warning: acme/changelog.html says the history could not be read: ${'unavailable' in acme ? acme.unavailable : ''}`,
    });
    expect(changelogNotice('late', cut.get('late')!)).toEqual({
      stream: 'stdout',
      text: 'docs: late changelog: 1 entry',
    });
  });

  it('says the history cannot be read outside a git repository, for every API', async () => {
    const dir = join(temp, 'plain');
    mkdirSync(dir);
    const changelogs = await readChangelogs(dir, apis);
    for (const { id } of apis)
      expect(changelogs.get(id)).toEqual({
        unavailable: `${dir}: not inside a git repository: the history of the specs cannot be read`,
      });
  });
});
