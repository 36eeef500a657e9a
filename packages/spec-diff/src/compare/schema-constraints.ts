import type { RuleId } from '../rules.js';
import type { Direction, Emit } from './direction.js';
import { LENGTH_KEYWORDS, type NumericKeyword, STRING_KEYWORDS } from './schema-keywords.js';
import type { SchemaView } from './schema-view.js';

/** The rule a request constraint that narrows is reported under. */
export type NarrowingRule = Extract<
  RuleId,
  'request-length-tightened' | 'request-range-tightened' | 'request-pattern-changed' | 'request-constraint-added'
>;

/** Length, range, pattern and the other value constraints: tightening breaks a request, loosening surprises a response reader. */
export function compareConstraints(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): void {
  const length = LENGTH_KEYWORDS.filter((k) => base.numbers[k] !== head.numbers[k]);
  const lengthTight = length.some((k) => tightens(k, base.numbers[k], head.numbers[k]));
  const lengthLoose = length.some((k) => tightens(k, head.numbers[k], base.numbers[k]));
  judge(direction, emit, 'request-length-tightened', lengthTight, lengthLoose, describe(length, base, head));

  const rangeKeys = (['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf'] as const).filter(
    (k) => base.numbers[k] !== head.numbers[k],
  );
  if (rangeKeys.length > 0) {
    const tight = rangeNarrows(base, head);
    const loose = rangeNarrows(head, base);
    judge(direction, emit, 'request-range-tightened', tight, loose, describe(rangeKeys, base, head));
  }

  if (base.pattern !== head.pattern) {
    const change = `pattern ${base.pattern ?? '(none)'} → ${head.pattern ?? '(none)'}`;
    judge(direction, emit, 'request-pattern-changed', head.pattern !== undefined, base.pattern !== undefined, change);
  }
  if (base.uniqueItems !== head.uniqueItems) {
    const change = `uniqueItems ${base.uniqueItems} → ${head.uniqueItems}`;
    judge(direction, emit, 'request-constraint-added', head.uniqueItems, base.uniqueItems, change);
  }
  for (const keyword of STRING_KEYWORDS) {
    const [before, after] = [base.strings[keyword], head.strings[keyword]];
    if (before === after) continue;
    const change = `${keyword} ${before ?? '(none)'} → ${after ?? '(none)'}`;
    judge(direction, emit, 'request-constraint-added', after !== undefined, before !== undefined, change);
  }
  compareDependentRequired(base, head, direction, emit);
}

/** `dependentRequired`: a property that, when sent, requires others. */
function compareDependentRequired(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): void {
  if (base.dependentRequired.size + head.dependentRequired.size === 0) return;
  const names = new Set([...base.dependentRequired.keys(), ...head.dependentRequired.keys()]);
  for (const name of names) {
    const before = base.dependentRequired.get(name) ?? new Set<string>();
    const after = head.dependentRequired.get(name) ?? new Set<string>();
    const added = [...after].filter((p) => !before.has(p));
    const removed = [...before].filter((p) => !after.has(p));
    if (added.length + removed.length === 0) continue;
    const parts = [
      added.length ? `now requires ${added.join(', ')}` : '',
      removed.length ? `no longer requires ${removed.join(', ')}` : '',
    ];
    const change = `dependentRequired \`${name}\` ${parts.filter(Boolean).join('; ')}`;
    judge(direction, emit, 'request-constraint-added', added.length > 0, removed.length > 0, change);
  }
}

/**
 * Judges a constraint that changed: `tight` when the head rejects some value the base accepted,
 * `loose` when it accepts one the base rejected (both, for a change that can go either way).
 */
export function judge(
  direction: Direction,
  emit: Emit,
  requestRule: NarrowingRule,
  tight: boolean,
  loose: boolean,
  change: string,
): void {
  if (!tight && !loose) return;
  if (direction === 'request' && tight) emit(requestRule, change);
  else if (direction === 'response' && loose) emit('response-constraint-loosened', change);
  else emit('schema-compatible-change', change);
}

/** Whether moving a length keyword from `from` to `to` accepts fewer values. */
function tightens(keyword: NumericKeyword, from: number | undefined, to: number | undefined): boolean {
  // Without minContains, `contains` needs one match.
  const floor = keyword === 'minContains' ? 1 : 0;
  if (keyword.startsWith('min')) return (to ?? floor) > (from ?? floor);
  return (to ?? Infinity) < (from ?? Infinity);
}

interface Bound {
  value: number;
  exclusive: boolean;
}

function lowerBound(view: SchemaView): Bound {
  const inclusive = view.numbers.minimum ?? -Infinity;
  const exclusive = view.numbers.exclusiveMinimum ?? -Infinity;
  return exclusive >= inclusive
    ? { value: exclusive, exclusive: exclusive !== -Infinity }
    : { value: inclusive, exclusive: false };
}

function upperBound(view: SchemaView): Bound {
  const inclusive = view.numbers.maximum ?? Infinity;
  const exclusive = view.numbers.exclusiveMaximum ?? Infinity;
  return exclusive <= inclusive
    ? { value: exclusive, exclusive: exclusive !== Infinity }
    : { value: inclusive, exclusive: false };
}

/** Whether `to` rejects some number that `from` accepted. */
function rangeNarrows(from: SchemaView, to: SchemaView): boolean {
  const [lowFrom, lowTo] = [lowerBound(from), lowerBound(to)];
  const [highFrom, highTo] = [upperBound(from), upperBound(to)];
  const lowerRaised =
    lowTo.value > lowFrom.value || (lowTo.value === lowFrom.value && lowTo.exclusive && !lowFrom.exclusive);
  const upperLowered =
    highTo.value < highFrom.value || (highTo.value === highFrom.value && highTo.exclusive && !highFrom.exclusive);
  const fromStep = from.numbers.multipleOf;
  const toStep = to.numbers.multipleOf;
  const stepNarrows = toStep !== undefined && (fromStep === undefined || !isMultiple(fromStep, toStep));
  return lowerRaised || upperLowered || stepNarrows;
}

function isMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

function describe(keys: readonly NumericKeyword[], base: SchemaView, head: SchemaView): string {
  return keys.map((k) => `${k} ${base.numbers[k] ?? '(none)'} → ${head.numbers[k] ?? '(none)'}`).join(', ');
}
