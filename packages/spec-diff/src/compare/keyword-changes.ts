import { sameJson } from '../canonical-json.js';
import { escapeSegment } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { SchemaChange } from './direction.js';
import type { ExtensionJudge } from './extensions.js';

/**
 * A keyword whose change no comparison judges: an `x-` extension is judged by the extension table,
 * anything else is reported as not compared, so that no change goes unreported.
 */
export function keywordChanges(
  keyword: string,
  before: unknown,
  after: unknown,
  extensions: ExtensionJudge,
): SchemaChange[] {
  if (sameJson(before, after)) return [];
  if (keyword.startsWith('x-')) return extensions.judge(keyword, before, after);
  const what = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  return [
    {
      id: 'not-compared',
      pointer: `/${escapeSegment(keyword)}`,
      detail: `\`${keyword}\` ${what} (spec-diff does not compare it)`,
    },
  ];
}

/** The changes of the keywords of two objects that are not in `compared`. */
export function remainingChanges(
  before: JsonObject,
  after: JsonObject,
  compared: ReadonlySet<string>,
  extensions: ExtensionJudge,
): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!compared.has(key)) changes.push(...keywordChanges(key, before[key], after[key], extensions));
  }
  return changes;
}
