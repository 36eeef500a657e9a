// A spec's history as release notes: its commits grouped by the client release that ships them
// (tags, then the changesets waiting for the next release), or by day where the API has no client
// releases; each group's changes as spec-diff's release notes (sentences, breaking first).
import { type Bump, type HistoryEntry, maxBump, type ReleaseNote, releaseNotes, rules } from '@oapi/spec-diff';
import type { Changelog } from './changelog.js';
import type { ClientReleases, PendingChangeset } from './client-releases.js';

export interface ChangeGroup {
  /** Its anchor on the changelog page and its Atom entry. */
  readonly id: string;
  /** `release`: a tagged client release; `next`: the release the changesets wait for; `day`: no release. */
  readonly kind: 'release' | 'next' | 'day';
  readonly title: string;
  /** ISO 8601: the release's, or the newest commit's. */
  readonly date: string;
  /** The release the spec changes ask for (spec-diff's bump), or the changesets' for the next release. */
  readonly bump: Bump;
  readonly changesets: readonly PendingChangeset[];
  /** The changes as sentences, breaking first, without the spec's first version (see `firstVersion`). */
  readonly notes: readonly ReleaseNote[];
  /** What the spec's first version holds, when the group starts the spec's history. */
  readonly firstVersion: readonly ReleaseNote[] | undefined;
  /** Newest first. */
  readonly entries: readonly HistoryEntry[];
}

export type ReleaseLog = { readonly groups: readonly ChangeGroup[] } | { readonly unavailable: string };

/** The last change of an operation (or a path: every method of it): added or changed, and where. */
export interface LastChange {
  readonly kind: 'added' | 'changed';
  readonly date: string;
  readonly group: ChangeGroup;
}

const ADDITIONS = new Set<string>(['path-added', 'operation-added']);

/** A finding release notes list: not a documentation-only change (descriptions, examples). */
const listed = (id: keyof typeof rules) => !(rules[id].severity === 'info' && rules[id].bump === 'patch');

/** `GET /v1/end_users/{id}` → `get-v1-end-users-id`: an operation's part of an anchor. */
export const keySlug = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The anchor of an operation's notes inside a group. */
export const noteAnchor = (group: ChangeGroup, key: string | null) => `${group.id}--${key ? keySlug(key) : 'api'}`;

function group(
  fields: Pick<ChangeGroup, 'id' | 'kind' | 'title'> & { date?: string; bump?: Bump; changesets?: PendingChangeset[] },
  entries: HistoryEntry[],
): ChangeGroup {
  const first = entries.find((e) => e.change === 'added');
  return {
    ...fields,
    date: fields.date ?? entries[0]?.date ?? '',
    bump: fields.bump ?? entries.reduce<Bump>((bump, e) => maxBump(bump, e.bump), 'none'),
    changesets: fields.changesets ?? [],
    notes: releaseNotes(entries.filter((e) => e !== first).flatMap((e) => e.findings)),
    firstVersion: first && releaseNotes(first.findings),
    entries,
  };
}

/**
 * Groups the changelog's entries (newest first) by the client release that holds them: a tagged
 * release holds the commits its tag reaches that no earlier release holds; the commits after the
 * last tag go to the next release when changesets wait for it, else they are grouped by day.
 */
export function releaseLog(changelog: Changelog, releases: ClientReleases | undefined): ReleaseLog {
  if ('unavailable' in changelog) return changelog;
  const released = releases?.released ?? [];
  const byRelease = new Map(released.map((r) => [r, [] as HistoryEntry[]]));
  const after: HistoryEntry[] = [];
  for (const entry of changelog.entries) {
    const release = released.find((r) => r.commits.has(entry.commit));
    (release ? byRelease.get(release)! : after).push(entry);
  }
  const groups: ChangeGroup[] = [];
  const name = releases?.packageName;
  if (releases?.next) {
    groups.push(
      group(
        {
          id: `release-${keySlug(releases.next.version)}`,
          kind: 'next',
          title: `${name} ${releases.next.version} (not released yet)`,
          bump: releases.next.bump,
          changesets: [...releases.pending],
        },
        after,
      ),
    );
  } else {
    const days = new Map<string, HistoryEntry[]>();
    for (const entry of after) days.set(entry.date.slice(0, 10), [...(days.get(entry.date.slice(0, 10)) ?? []), entry]);
    for (const [day, entries] of days) groups.push(group({ id: `day-${day}`, kind: 'day', title: day }, entries));
  }
  for (const release of [...released].reverse()) {
    const entries = byRelease.get(release)!;
    const id = `release-${keySlug(release.version)}`;
    groups.push(group({ id, kind: 'release', title: `${name} ${release.version}`, date: release.date }, entries));
  }
  return { groups: groups.filter((g) => g.entries.length > 0 || g.changesets.length > 0) };
}

/**
 * The last change of each finding key (`GET /path`, `WEBHOOK name`, or a path for all its methods),
 * among the changes the release notes list: added when its newest change added it.
 */
export function lastChanges(log: ReleaseLog): Map<string, LastChange> {
  const last = new Map<string, LastChange>();
  if ('unavailable' in log) return last;
  for (const g of log.groups) {
    for (const entry of g.entries) {
      const here = new Map<string, LastChange['kind']>();
      for (const f of entry.findings) {
        if (f.operation === null || last.has(f.operation) || !listed(f.id)) continue;
        const kind = entry.change === 'added' || ADDITIONS.has(f.id) ? 'added' : 'changed';
        if (here.get(f.operation) !== 'added') here.set(f.operation, kind);
      }
      for (const [key, kind] of here) last.set(key, { kind, date: entry.date, group: g });
    }
  }
  return last;
}
