// The changelog page and its reader: rendering, escaping, and what a page says when the history
// cannot be read (outside a repository, a shallow clone).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { HistoryEntry } from '@oapi/spec-diff';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogNotice, readChangelogs } from '../src/changelog.js';
import { changelogPage, findingMessage } from '../src/pages/changelog.js';
import { providerFromSpec } from '../src/providers.js';

const temp = mkdtempSync(join(tmpdir(), 'docs-changelog-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const site = { providers: [{ id: 'acme', title: 'Acme API' }] };

const provider = providerFromSpec(
  { id: 'acme', name: 'acme@v1', version: 'v1' },
  {
    openapi: '3.1.0',
    info: { title: 'Acme <API>', version: '1' },
    servers: [{ url: 'https://api.acme.test' }],
    paths: {},
  },
  { yaml: '/dev/null', json: '/dev/null' },
  undefined,
);

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

describe('the changelog page', () => {
  const html = changelogPage(site, provider, {
    entries: [breakingEntry, entry({ shortCommit: 'ccccccc', subject: 'first', change: 'added', bump: 'minor' })],
  });
  const first = html.slice(html.indexOf('id="commit-aaaaaaa"'), html.indexOf('id="commit-ccccccc"'));

  it('shows each entry with its date, subject, short hash and the release it needs', () => {
    expect(first).toContain('<time datetime="2026-11-20T10:00:00+01:00">2026-11-20</time>');
    expect(first).toContain(`<code title="${'a'.repeat(40)}">aaaaaaa</code>`);
    expect(first).toContain('<span class="bump bump-major">major release</span>');
    expect(first).toContain('1 breaking change, 1 warning, 2 info');
    expect(html).toMatch(/id="commit-ccccccc"[\s\S]*The first version of the spec\./);
  });

  it('groups the findings breaking, then warnings, then the rest, each under its operation', () => {
    const headings = [...first.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Breaking (1)', 'Warnings (1)', 'Additions and other changes (2)']);
    expect(first).toContain(
      '<code class="operation">GET /items</code>: response 200 application/json <code>[].name</code>: became optional',
    );
    expect(first).toContain('<code class="operation">DELETE /items/{id}</code>: deprecated');
    expect(first).toContain('<code class="operation">Document</code>: server https://eu.acme.test added');
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
    expect(unavailable).not.toContain('class="entries"');
    expect(changelogPage(site, provider, { entries: [] })).toContain(
      'No commit has changed the Acme &lt;API&gt; spec yet.',
    );
  });

  it('shows an entry whose spec did not load with the reason and no findings', () => {
    const page = changelogPage(site, provider, {
      entries: [entry({ problem: 'the spec does not load at this commit: x.yaml:3: bad' })],
    });
    expect(page).toContain(
      '<p class="note problem">Not compared: the spec does not load at this commit: x.yaml:3: bad</p>',
    );
    expect(page).toContain('no release needed');
  });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });

function commit(dir: string, files: Record<string, string>, message: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

const spec = (paths: string[]) =>
  `openapi: 3.1.0\ninfo: {title: Acme, version: '1'}\npaths:\n${paths.map((p) => `  ${p}:\n    get:\n      responses:\n        '200': {description: ok}\n`).join('')}`;

describe('readChangelogs', () => {
  const apis = [
    { id: 'acme', root: 'spec/acme/openapi.yaml' },
    { id: 'late', root: 'spec/late/openapi.yaml' },
  ];

  it('reads each API history from the repository', async () => {
    const dir = join(temp, 'full');
    mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    commit(dir, { 'spec/acme/openapi.yaml': spec(['/a']) }, 'acme: first');
    commit(dir, { 'spec/acme/openapi.yaml': spec(['/a', '/b']) }, 'acme: /b');
    commit(dir, { 'spec/late/openapi.yaml': spec(['/x']) }, 'late: first');
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
