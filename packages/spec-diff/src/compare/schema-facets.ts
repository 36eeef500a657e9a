import { sameJson } from '../canonical-json.js';
import type { Direction, Emit } from './direction.js';
import { DOC_KEYWORDS } from './schema-keywords.js';
import type { SchemaView } from './schema-view.js';

/**
 * Compares the types of two views; returns true when the change is incompatible. In `text` mode (a
 * parameter, a header) values travel as text, so a string accepts every number and boolean.
 */
export function compareTypes(
  base: SchemaView,
  head: SchemaView,
  direction: Direction,
  emit: Emit,
  text: boolean,
): boolean {
  if (sameTypes(base.types, head.types)) return false;
  const change = `type ${formatTypes(base.types)} → ${formatTypes(head.types)}`;
  const [outer, inner] = direction === 'request' ? [head.types, base.types] : [base.types, head.types];
  if (covers(outer, inner, false)) {
    emit('schema-compatible-change', `${change} (${acceptsMore(direction)})`);
    return false;
  }
  if (text && covers(outer, inner, true)) {
    emit('wire-type-compatible', `${change} (${TEXT_NOTE[direction]})`);
    return false;
  }
  emit('type-changed', change);
  return true;
}

const TEXT_NOTE: Record<Direction, string> = {
  request: 'it is text on the wire: every value sent before is still accepted',
  response: 'it is text on the wire: every value it can carry now was valid before',
};

/**
 * A parameter or header that becomes an array of what it was (request), or an array that becomes
 * one of its items (response): on the wire one value is an array of one, in every style.
 */
export function isWireArrayOf(array: SchemaView, scalar: SchemaView): boolean {
  return (
    array.types?.size === 1 &&
    array.types.has('array') &&
    array.items !== undefined &&
    scalar.types !== null &&
    scalar.types.size > 0 &&
    !scalar.types.has('array') &&
    !scalar.types.has('object')
  );
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

export function compareDocs(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): void {
  const changed: string[] = DOC_KEYWORDS.filter((k) => !sameJson(base.docs[k], head.docs[k]));
  // What a server does with a value the client leaves out; in a response a default only documents.
  if (base.default !== head.default && direction === 'response') changed.push('default');
  if (changed.length > 0) emit('documentation-changed', `${changed.join(', ')} changed`);
}

/** A request default tells what the server does when the client leaves the value out. */
export function compareDefault(base: SchemaView, head: SchemaView, direction: Direction, emit: Emit): void {
  if (base.default === head.default || direction !== 'request') return;
  if (base.default === undefined) emit('request-default-added', `default ${head.default} added`);
  else emit('request-default-changed', `default ${base.default} → ${head.default ?? '(none)'}`);
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

/** Whether every value of type set `inner` is accepted by type set `outer`, as JSON or as text. */
function covers(outer: Set<string> | null, inner: Set<string> | null, text: boolean): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return [...inner].every(
    (t) =>
      outer.has(t) ||
      (t === 'integer' && outer.has('number')) ||
      (text && outer.has('string') && (t === 'integer' || t === 'number' || t === 'boolean')),
  );
}

export function formatTypes(types: Set<string> | null): string {
  return types === null ? 'any' : types.size === 0 ? 'nothing' : [...types].sort().join(' | ');
}

function acceptsMore(direction: Direction): string {
  return direction === 'request' ? 'accepts more' : 'returns less';
}
