import { sameJson } from '../canonical-json.js';
import { isObject } from '../is-object.js';
import { escapeSegment } from '../json-pointer.js';
import { rules } from '../rules.js';
import type { CompareSchemas, Direction, SchemaChange } from './direction.js';
import { emitAt, nest } from './direction.js';
import { judge } from './schema-constraints.js';
import type { SubschemaKeyword } from './schema-keywords.js';
import type { SchemaView } from './schema-view.js';

/**
 * The keywords that hold subschemas, beyond properties and oneOf/anyOf: each subschema both
 * versions have is compared in the same direction (a narrower `contains` accepts fewer arrays);
 * one that appears narrows what the schema accepts, one that goes away loosens it. `not` works the
 * other way round, and a changed `if` moves which values `then` and `else` apply to.
 */
export function compareApplicators(
  base: SchemaView,
  head: SchemaView,
  direction: Direction,
  compare: CompareSchemas,
  changes: SchemaChange[],
): void {
  const oneSided = (pointer: string, added: boolean, what: string): void => {
    judge(
      direction,
      emitAt(changes, pointer),
      'request-constraint-added',
      added,
      !added,
      `${what} ${added ? 'added' : 'removed'}`,
    );
  };
  const pair = (pointer: string, what: string, before: unknown, after: unknown): void => {
    const [hasBefore, hasAfter] = [constrains(before), constrains(after)];
    if (hasBefore && hasAfter) nest(changes, pointer, compare(before, after, direction));
    else if (hasBefore !== hasAfter) oneSided(pointer, hasAfter, what);
  };

  pair('/items', '`items`', base.items, head.items);
  const more = (v: SchemaView): number => v.subschemas.size + v.keyed.size + (v.prefixItems?.length ?? 0);
  if (more(base) + more(head) === 0) return;
  const prefixLength = Math.max(base.prefixItems?.length ?? 0, head.prefixItems?.length ?? 0);
  for (let i = 0; i < prefixLength; i += 1)
    pair(`/prefixItems/${i}`, `\`prefixItems\` #${i}`, base.prefixItems?.[i], head.prefixItems?.[i]);
  for (const keyword of ['patternProperties', 'dependentSchemas'] as const) {
    const [before, after] = [base.keyed.get(keyword), head.keyed.get(keyword)];
    for (const key of new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]))
      pair(`/${keyword}/${escapeSegment(key)}`, `\`${keyword}\` \`${key}\``, before?.get(key), after?.get(key));
  }
  // Without an `if` on one side, `then` and `else` compare as added or removed.
  const [ifBefore, ifAfter] = [base.subschemas.get('if'), head.subschemas.get('if')];
  const conditionMoved = ifBefore !== undefined && ifAfter !== undefined && !sameJson(ifBefore, ifAfter);
  if (conditionMoved) {
    judge(
      direction,
      emitAt(changes, '/if'),
      'request-constraint-added',
      true,
      true,
      '`if` changed: `then` and `else` apply to other values',
    );
  }
  for (const keyword of SAME_DIRECTION) {
    if (conditionMoved && (keyword === 'then' || keyword === 'else')) continue;
    const [before, after] = [base.subschemas.get(keyword) ?? [], head.subschemas.get(keyword) ?? []];
    for (let i = 0; i < Math.max(before.length, after.length); i += 1)
      pair(`/${keyword}`, `\`${keyword}\``, before[i], after[i]);
  }
  compareNot(base, head, direction, compare, changes);
}

const SAME_DIRECTION: SubschemaKeyword[] = [
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
  'then',
  'else',
];

/** An incompatible change that is about which values a schema accepts (not a default or an extension). */
const changesAcceptance = (change: SchemaChange): boolean =>
  rules[change.id].severity !== 'info' && !/^(request-default|extension)-/.test(change.id);

/** `true` and `{}` accept everything: they constrain nothing. */
function constrains(schema: unknown): boolean {
  if (schema === undefined || schema === true) return false;
  return !(isObject(schema) && Object.keys(schema).length === 0);
}

/** A value passes `not: S` when S rejects it: S accepting more makes the schema accept less. */
function compareNot(
  base: SchemaView,
  head: SchemaView,
  direction: Direction,
  compare: CompareSchemas,
  changes: SchemaChange[],
): void {
  const [before, after] = [base.subschemas.get('not') ?? [], head.subschemas.get('not') ?? []];
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const emit = emitAt(changes, '/not');
    const [b, h] = [before[i], after[i]];
    if (b === undefined || h === undefined) {
      judge(
        direction,
        emit,
        'request-constraint-added',
        h !== undefined,
        b !== undefined,
        `\`not\` ${h !== undefined ? 'added' : 'removed'}`,
      );
      continue;
    }
    // Judged as a response, S accepting more is incompatible; judged as a request, S accepting less.
    const sAcceptsMore = compare(b, h, 'response').filter(changesAcceptance);
    const sAcceptsLess = compare(b, h, 'request').filter(changesAcceptance);
    if (sAcceptsMore.length + sAcceptsLess.length === 0) continue;
    const example = (list: SchemaChange[]): string => (list[0] ? ` (${list[0].detail})` : '');
    judge(
      direction,
      emit,
      'request-constraint-added',
      sAcceptsMore.length > 0,
      sAcceptsLess.length > 0,
      sAcceptsMore.length > 0
        ? `\`not\` excludes more values${example(sAcceptsMore)}`
        : `\`not\` excludes fewer values${example(sAcceptsLess)}`,
    );
  }
}
