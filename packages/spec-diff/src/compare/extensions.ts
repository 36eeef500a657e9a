import { canonicalJson, sameJson } from '../canonical-json.js';
import { isObject } from '../is-object.js';
import { escapeSegment } from '../json-pointer.js';
import type { RuleId } from '../rules.js';
import type { SchemaChange } from './direction.js';

/** How a change to an extension (or to one key of it) is judged. `docs` is a documentation change; `ignore` is none. */
export type ExtensionVerdict = 'breaking' | 'warning' | 'info' | 'docs' | 'ignore';
export const EXTENSION_VERDICTS: readonly ExtensionVerdict[] = ['breaking', 'warning', 'info', 'docs', 'ignore'];

/**
 * Extension name → the verdict for any change to it, or key path → verdict. A key path is dotted
 * (`grants.*.grantTypeIn`, `*` any one key) and matches the end of the changed key's path, so
 * `grantTypeIn` also judges `grants.authorization_code.grantTypeIn`; the longest match wins, and
 * `*` alone judges what nothing else matches.
 */
export type ExtensionTable = Readonly<Record<string, ExtensionVerdict | Readonly<Record<string, ExtensionVerdict>>>>;

const RULE: Record<Exclude<ExtensionVerdict, 'ignore'>, RuleId> = {
  breaking: 'extension-changed-breaking',
  warning: 'extension-changed-warning',
  info: 'extension-changed-info',
  docs: 'documentation-changed',
};

interface Leaf {
  path: string[];
  before: unknown;
  after: unknown;
}

/** Judges a change to an `x-` extension by the table; an extension the table does not list is unknown. */
export class ExtensionJudge {
  constructor(private readonly table: ExtensionTable = {}) {}

  judge(name: string, before: unknown, after: unknown): SchemaChange[] {
    const entry = Object.hasOwn(this.table, name) ? this.table[name] : undefined;
    const pointer = `/${escapeSegment(name)}`;
    if (entry === undefined) {
      const what = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
      return [{ id: 'unknown-extension-changed', pointer, detail: `\`${name}\` ${what} (not in the extension table)` }];
    }
    const changes: SchemaChange[] = [];
    for (const leaf of leaves(before, after, [])) {
      const verdict = typeof entry === 'string' ? entry : verdictFor(entry, leaf.path);
      if (verdict === 'ignore') continue;
      const key = leaf.path.length > 0 ? ` \`${leaf.path.join('.')}\`` : '';
      changes.push({
        id: verdict === undefined ? 'unknown-extension-changed' : RULE[verdict],
        pointer: pointer + leaf.path.map((s) => `/${escapeSegment(s)}`).join(''),
        detail: `\`${name}\`${key}: ${show(leaf.before)} → ${show(leaf.after)}`,
      });
    }
    return changes;
  }
}

/** The changed values of two extension values: objects are walked key by key, anything else is a leaf. */
function leaves(before: unknown, after: unknown, path: string[]): Leaf[] {
  const walkable = (v: unknown): boolean => v === undefined || isObject(v);
  if (sameJson(before, after)) return [];
  if (!walkable(before) || !walkable(after)) return [{ path, before, after }];
  const [b, a] = [(before ?? {}) as Record<string, unknown>, (after ?? {}) as Record<string, unknown>];
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].flatMap((key) => leaves(b[key], a[key], [...path, key]));
}

function verdictFor(entry: Readonly<Record<string, ExtensionVerdict>>, path: string[]): ExtensionVerdict | undefined {
  let best: { length: number; verdict: ExtensionVerdict } | undefined;
  for (const [pattern, verdict] of Object.entries(entry)) {
    if (pattern === '*') continue;
    const segments = pattern.split('.');
    const tail = path.slice(-segments.length);
    const matches = tail.length === segments.length && segments.every((s, i) => s === '*' || s === tail[i]);
    if (matches && (!best || segments.length > best.length)) best = { length: segments.length, verdict };
  }
  return best?.verdict ?? entry['*'];
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const json = canonicalJson(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}
