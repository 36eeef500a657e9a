// The changelog's groups from a repository's history: tagged client releases (`@oapi/acme@x.y.z`),
// the next release its waiting changesets ask for, days where there is no release; and the last
// change of each operation, for the reference's badges.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEntry } from '@oapi/spec-diff';
import { afterAll, describe, expect, it } from 'vitest';
import { readChangelogs } from '../src/changelog.js';
import { bumpVersion, pendingChangesets, readClientReleases } from '../src/client-releases.js';
import { lastChanges, releaseLog } from '../src/release-log.js';
import { commit, git, specYaml } from './git-repo.js';

const temp = mkdtempSync(join(tmpdir(), 'docs-releases-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const root = 'spec/acme/openapi.yaml';
const changeset = (bumps: string, summary: string) => `---\n${bumps}\n---\n\n${summary}\n`;

/** acme: /a (released as 0.1.0), /b (0.2.0), then /c with a changeset waiting; a tag of another package. */
function repository(name: string, withChangeset: boolean): string {
  const dir = join(temp, name);
  mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  commit(dir, { [root]: specYaml(['/a']), '.changeset/README.md': '# Changesets\n' }, 'acme: first');
  git(dir, 'tag', '@oapi/acme@0.1.0');
  commit(dir, { [root]: specYaml(['/a', '/b']) }, 'acme: /b');
  git(dir, 'tag', '@oapi/acme@0.2.0');
  git(dir, 'tag', '@oapi/other@9.0.0');
  commit(
    dir,
    {
      [root]: specYaml(['/a', '/b', '/c']),
      ...(withChangeset
        ? {
            '.changeset/acme-c.md': changeset('"@oapi/acme": minor\n"@oapi/other": major', 'Adds `listC`.'),
            '.changeset/other.md': changeset('"@oapi/other": patch', 'Not about acme.'),
          }
        : {}),
    },
    'acme: /c',
  );
  return dir;
}

async function logOf(dir: string) {
  const changelog = (await readChangelogs(dir, [{ id: 'acme', root }])).get('acme')!;
  return releaseLog(changelog, readClientReleases(dir, '@oapi/acme', '0.2.0'));
}

describe('the release log', () => {
  it('groups commits by the tag that first holds them, and the rest under the release the changesets ask for', async () => {
    const dir = repository('released', true);
    const releases = readClientReleases(dir, '@oapi/acme', '0.2.0');
    expect(releases.released.map((r) => r.version)).toEqual(['0.1.0', '0.2.0']);
    expect(releases.next).toEqual({ version: '0.3.0', bump: 'minor' });
    expect(releases.pending).toEqual([{ file: 'acme-c.md', bump: 'minor', summary: 'Adds `listC`.' }]);

    const log = await logOf(dir);
    if ('unavailable' in log) throw new Error(log.unavailable);
    expect(log.groups.map((g) => [g.id, g.kind, g.title, g.entries.map((e) => e.subject)])).toEqual([
      ['release-0-3-0', 'next', '@oapi/acme 0.3.0 (not released yet)', ['acme: /c']],
      ['release-0-2-0', 'release', '@oapi/acme 0.2.0', ['acme: /b']],
      ['release-0-1-0', 'release', '@oapi/acme 0.1.0', ['acme: first']],
    ]);
    const [next, second, first] = log.groups;
    expect(next!.notes.map((n) => [n.operation, n.changes.map((c) => c.sentence)])).toEqual([
      ['/c', ['The path /c was added (GET).']],
    ]);
    expect(second!.firstVersion).toBeUndefined();
    expect(first!.notes).toEqual([]);
    expect(first!.firstVersion?.map((n) => n.operation)).toEqual(['/a']);
    expect(second!.date).toBe(git(dir, 'log', '-1', '--format=%cI', '@oapi/acme@0.2.0').trim());

    const last = lastChanges(log);
    expect([...last].map(([key, c]) => [key, c.kind, c.group.id])).toEqual([
      ['/c', 'added', 'release-0-3-0'],
      ['/b', 'added', 'release-0-2-0'],
      ['/a', 'added', 'release-0-1-0'],
    ]);
  });

  it('groups the commits after the last tag by day when no changeset waits', async () => {
    const log = await logOf(repository('unreleased', false));
    if ('unavailable' in log) throw new Error(log.unavailable);
    expect(log.groups.map((g) => g.kind)).toEqual(['day', 'release', 'release']);
    expect(log.groups[0]!.id).toMatch(/^day-\d{4}-\d\d-\d\d$/);
  });

  it('marks an operation changed when its newest change is not its addition', () => {
    const at = (date: string) => `2026-11-${date}T00:00:00Z`;
    const finding = (
      id: 'path-added' | 'response-property-made-optional' | 'documentation-changed',
      operation: string,
    ) => ({ id, severity: 'info', operation, pointer: '', message: '' }) as const;
    const entry = (
      n: number,
      change: 'added' | 'changed',
      id: Parameters<typeof finding>[0],
      operation: string,
    ): HistoryEntry => ({
      commit: String(n),
      shortCommit: String(n),
      parent: n > 1 ? String(n - 1) : null,
      date: at(`0${n}`),
      subject: 's',
      change,
      findings: [finding(id, operation)],
      summary: { breaking: 0, warning: 0, info: 1 },
      bump: 'minor',
    });
    const log = releaseLog(
      {
        entries: [
          entry(3, 'changed', 'documentation-changed', '/a'),
          entry(2, 'changed', 'response-property-made-optional', 'GET /a'),
          entry(1, 'added', 'path-added', '/a'),
        ],
      },
      undefined,
    );
    const last = lastChanges(log);
    // A description change is not listed in release notes, so it is not the operation's last change.
    expect(last.get('GET /a')).toMatchObject({ kind: 'changed', date: at('02') });
    expect(last.get('/a')).toMatchObject({ kind: 'added', date: at('01') });
  });
});

describe('client releases', () => {
  it('bumps as changesets does', () => {
    expect(bumpVersion('0.1.0', 'minor')).toBe('0.2.0');
    expect(bumpVersion('1.4.2', 'patch')).toBe('1.4.3');
    expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
  });

  it('names the changeset whose front matter is missing or whose bump is not one', () => {
    const dir = join(temp, 'bad');
    mkdirSync(join(dir, '.changeset'), { recursive: true });
    writeFileSync(join(dir, '.changeset', 'no-front.md'), 'Just text.\n');
    expect(() => pendingChangesets(dir, '@oapi/acme')).toThrow('.changeset/no-front.md: no front matter');
    rmSync(join(dir, '.changeset', 'no-front.md'));
    writeFileSync(join(dir, '.changeset', 'odd.md'), changeset('"@oapi/acme": huge', 'x'));
    expect(() => pendingChangesets(dir, '@oapi/acme')).toThrow(
      '.changeset/odd.md: "@oapi/acme": huge is not patch, minor or major',
    );
  });

  it('has no releases outside a git repository', () => {
    const dir = join(temp, 'plain');
    mkdirSync(dir);
    expect(readClientReleases(dir, '@oapi/acme', '0.1.0')).toEqual({
      packageName: '@oapi/acme',
      released: [],
      pending: [],
      next: undefined,
    });
  });
});
