import { sameJson } from '../canonical-json.js';
import type { Direction, Emit } from './direction.js';
import { DOC_KEYWORDS, LENGTH_KEYWORDS, type NumericKeyword, type SchemaView } from './schema-view.js';

/** Compares the types of two views; returns true when the change is incompatible. */
export function compareTypes(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): boolean {
  if (sameTypes(base.types, head.types)) return false;
  const change = `type ${formatTypes(base.types)} → ${formatTypes(head.types)}`;
  const compatible = direction === 'request' ? covers(head.types, base.types) : covers(base.types, head.types);
  emit(
    compatible ? 'schema-compatible-change' : 'type-changed',
    compatible ? `${change} (${acceptsMore(direction)})` : change,
  );
  return !compatible;
}

export function compareNullable(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): void {
  if (base.nullable === head.nullable) return;
  if (direction === 'request') {
    if (base.nullable) emit('request-nullable-removed', 'no longer accepts null');
    else emit('schema-compatible-change', 'now accepts null');
  } else if (head.nullable) {
    emit('response-nullable-added', 'can now be null');
  } else {
    emit('schema-compatible-change', 'is no longer null');
  }
}

export function compareFormat(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): void {
  if (base.format === head.format) return;
  const change = `format ${base.format ?? '(none)'} → ${head.format ?? '(none)'}`;
  const narrows = direction === 'request' ? head.format !== undefined : base.format !== undefined;
  emit(narrows ? 'format-changed' : 'schema-compatible-change', change);
}

export function compareEnum(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): void {
  if (base.enum === undefined && head.enum === undefined) return;
  const removed = missingValues(base.enum, head.enum);
  const added = missingValues(head.enum, base.enum);
  if (direction === 'request' && removed.length > 0) {
    emit('request-enum-value-removed', `no longer accepts ${removed.join(', ')}`);
  } else if (direction === 'response' && added.length > 0) {
    emit('response-enum-value-added', `can now return ${added.join(', ')}`);
  } else if (removed.length + added.length > 0) {
    const parts = [
      added.length ? `added ${added.join(', ')}` : '',
      removed.length ? `removed ${removed.join(', ')}` : '',
    ];
    emit('schema-compatible-change', `enum ${parts.filter(Boolean).join('; ')}`);
  }
}

/** Length, range and pattern: tightening breaks a request, loosening surprises a response reader. */
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
}

export function compareDocs(base: SchemaView, head: SchemaView, emit: Emit): void {
  const changed = DOC_KEYWORDS.filter((k) => !sameJson(base.docs[k], head.docs[k]));
  if (changed.length > 0) emit('documentation-changed', `${changed.join(', ')} changed`);
}

function judge(
  direction: Direction,
  emit: Emit,
  requestRule: 'request-length-tightened' | 'request-range-tightened' | 'request-pattern-changed',
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
  if (keyword.startsWith('min')) return (to ?? 0) > (from ?? 0);
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

function missingValues(from: string[] | undefined, to: string[] | undefined): string[] {
  if (to === undefined) return [];
  if (from === undefined) return [`values outside ${formatValues(to)}`];
  return from.filter((v) => !to.includes(v));
}

function formatValues(values: string[]): string {
  return values.length > 5 ? `[${values.slice(0, 5).join(', ')}, …]` : `[${values.join(', ')}]`;
}

function sameTypes(a: Set<string> | null, b: Set<string> | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && [...a].every((t) => b.has(t));
}

/** Whether every value of type set `inner` is accepted by type set `outer`. */
function covers(outer: Set<string> | null, inner: Set<string> | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

export function formatTypes(types: Set<string> | null): string {
  return types === null ? 'any' : types.size === 0 ? 'nothing' : [...types].sort().join(' | ');
}

function acceptsMore(direction: Direction): string {
  return direction === 'request' ? 'accepts more' : 'returns less';
}
