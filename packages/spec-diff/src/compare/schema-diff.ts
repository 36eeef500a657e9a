import { canonicalJson } from '../canonical-json.js';
import { isObject } from '../is-object.js';
import { escapeSegment } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import { type CompareSchemas, type Direction, emitAt, nest, type SchemaChange } from './direction.js';
import type { ExtensionJudge } from './extensions.js';
import { keywordChanges } from './keyword-changes.js';
import type { Resolve } from './resolve.js';
import { compareApplicators } from './schema-applicators.js';
import { compareConstraints } from './schema-constraints.js';
import {
  compareDefault,
  compareDocs,
  compareEnum,
  compareFormat,
  compareNullable,
  compareTypes,
  isWireArrayOf,
} from './schema-facets.js';
import { compareOneSidedVariants, compareVariantGroups, type VariantContext } from './schema-variant-diff.js';
import { type SchemaView, viewSchema } from './schema-view.js';

const MAX_DEPTH = 256;

/**
 * Compares two schemas in a direction and returns what changed, with pointers relative to the schema.
 * `text` is for the schema of a parameter or a header, whose values travel as text. Comparisons of
 * two `$ref`s (with or without sibling keywords) are memoized, so a shared component is compared
 * once however many operations use it; a comparison that met a cycle through an enclosing one is
 * not memoized, as its result depends on where the cycle was entered, and a comparison already in
 * progress ends the walk there.
 */
export class SchemaDiffer {
  private readonly memo = new Map<string, SchemaChange[]>();
  private readonly active = new Map<string, number>();
  private readonly frames: Array<{ low: number }> = [];
  private readonly refKeys = new WeakMap<object, { target: string; key: string }>();
  private depth = 0;

  constructor(
    private readonly resolveBase: Resolve,
    private readonly resolveHead: Resolve,
    private readonly extensions: ExtensionJudge,
  ) {}

  compare(base: unknown, head: unknown, direction: Direction, text = false): SchemaChange[] {
    const baseRef = this.refKey(base);
    const headRef = this.refKey(head);
    if (baseRef === undefined || headRef === undefined) return this.compareRaw(base, head, direction, text);
    const mode = `${direction}${text ? ' text' : ''}`;
    const key = `${mode} ${baseRef.key} ${headRef.key}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    // A cycle is a return to the same targets, whatever keywords sit beside the `$ref` on the way.
    const target = `${mode} ${baseRef.target} ${headRef.target}`;
    const activeIndex = this.active.get(target);
    if (activeIndex !== undefined) {
      const top = this.frames[this.frames.length - 1];
      if (top) top.low = Math.min(top.low, activeIndex);
      return this.compareSiblings(base as JsonObject, head as JsonObject, direction, text);
    }
    const index = this.frames.length;
    const frame = { low: index };
    this.frames.push(frame);
    this.active.set(target, index);
    let changes: SchemaChange[];
    try {
      changes = this.compareRaw(base, head, direction, text);
    } finally {
      this.frames.pop();
      this.active.delete(target);
    }
    if (frame.low >= index) this.memo.set(key, changes);
    else if (index > 0) this.frames[index - 1]!.low = Math.min(this.frames[index - 1]!.low, frame.low);
    return changes;
  }

  /** A `$ref` node's target, and its identity with the sibling keywords (OpenAPI 3.1) it has. */
  private refKey(node: unknown): { target: string; key: string } | undefined {
    if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
    const known = this.refKeys.get(node);
    if (known !== undefined) return known;
    const { $ref, ...siblings } = node;
    const key = Object.keys(siblings).length === 0 ? $ref : `${$ref}${canonicalJson(siblings)}`;
    const result = { target: $ref, key };
    this.refKeys.set(node, result);
    return result;
  }

  /** Where the walk returns to a schema it is inside: only what the `$ref`s add beside it. */
  private compareSiblings(base: JsonObject, head: JsonObject, direction: Direction, text: boolean): SchemaChange[] {
    const { $ref: _base, ...baseSiblings } = base;
    const { $ref: _head, ...headSiblings } = head;
    if (Object.keys(baseSiblings).length === 0 && Object.keys(headSiblings).length === 0) return [];
    return this.compareRaw(baseSiblings, headSiblings, direction, text);
  }

  private compareRaw(base: unknown, head: unknown, direction: Direction, text: boolean): SchemaChange[] {
    if (this.depth >= MAX_DEPTH) return [];
    this.depth += 1;
    try {
      return this.compareViews(viewSchema(base, this.resolveBase), viewSchema(head, this.resolveHead), direction, text);
    } finally {
      this.depth -= 1;
    }
  }

  private compareViews(base: SchemaView, head: SchemaView, direction: Direction, text: boolean): SchemaChange[] {
    const changes: SchemaChange[] = [];
    const emit = emitAt(changes, '');
    const compare: CompareSchemas = (b, h, d) => this.compare(b, h, d, text);
    const variants = (): VariantContext => ({
      resolveBase: this.resolveBase,
      resolveHead: this.resolveHead,
      compare,
      compareViews: (b, h, d) => this.compareViews(b, h, d, text),
    });
    if ((base.variants === undefined) !== (head.variants === undefined)) {
      compareOneSidedVariants(base, head, direction, variants(), changes);
      return changes;
    }
    if (text && this.compareWireArray(base, head, direction, changes)) return changes;
    const incompatible = compareTypes(base, head, direction, emit, text);
    compareNullable(base, head, direction, emit);
    if (!incompatible) compareFormat(base, head, direction, emit);
    compareEnum(base, head, direction, emit);
    compareConstraints(base, head, direction, emit);
    compareDefault(base, head, direction, emit);
    compareDocs(base, head, direction, emit);
    if (!incompatible) {
      this.compareProperties(base, head, direction, compare, changes);
      this.compareAdditionalProperties(base, head, direction, compare, changes);
      compareApplicators(base, head, direction, compare, changes);
    }
    if (base.variants || base.moreVariants.length > 0 || head.moreVariants.length > 0)
      compareVariantGroups(base, head, direction, variants(), changes);
    if (base.other.size + head.other.size === 0) return changes;
    for (const keyword of new Set([...base.other.keys(), ...head.other.keys()]))
      changes.push(
        ...keywordChanges(keyword, single(base.other.get(keyword)), single(head.other.get(keyword)), this.extensions),
      );
    return changes;
  }

  /** A parameter that became an array of what it was, or a response header that became one of its items. */
  private compareWireArray(base: SchemaView, head: SchemaView, direction: Direction, changes: SchemaChange[]): boolean {
    const [array, scalar] = direction === 'request' ? [head, base] : [base, head];
    if (!isWireArrayOf(array, scalar)) return false;
    const detail = direction === 'request' ? 'a value → an array of it' : 'an array → one value';
    changes.push({
      id: 'wire-type-compatible',
      pointer: '',
      detail: `${detail} (one value is an array of one on the wire)`,
    });
    const items = viewSchema(array.items, direction === 'request' ? this.resolveHead : this.resolveBase);
    const nested =
      direction === 'request'
        ? this.compareViews(base, items, direction, true)
        : this.compareViews(items, head, direction, true);
    nest(changes, direction === 'request' ? '/items' : '', nested);
    return true;
  }

  private compareProperties(
    base: SchemaView,
    head: SchemaView,
    direction: Direction,
    compare: CompareSchemas,
    changes: SchemaChange[],
  ): void {
    const names = new Set([...base.properties.keys(), ...head.properties.keys(), ...base.required, ...head.required]);
    for (const name of names) {
      const baseProperty = visibleProperty(base, name, direction, this.resolveBase);
      const headProperty = visibleProperty(head, name, direction, this.resolveHead);
      if (baseProperty === undefined && headProperty === undefined) continue;
      const pointer = `/properties/${escapeSegment(name)}`;
      const push = emitAt(changes, pointer);
      const [wasRequired, isRequired] = [base.required.has(name), head.required.has(name)];
      if (headProperty === undefined) {
        push(direction === 'request' ? 'request-property-removed' : 'response-property-removed', 'property removed');
      } else if (baseProperty === undefined) {
        if (direction === 'response') push('response-property-added', 'property added');
        else
          push(
            isRequired ? 'required-request-property-added' : 'request-property-added',
            isRequired ? 'required property added' : 'optional property added',
          );
      } else {
        if (wasRequired !== isRequired) {
          const madeRequired = isRequired ? 'became required' : 'became optional';
          if (direction === 'request' && isRequired) push('request-property-made-required', madeRequired);
          else if (direction === 'response' && !isRequired) push('response-property-made-optional', madeRequired);
          else push('schema-compatible-change', madeRequired);
        }
        nest(changes, pointer, compare(baseProperty, headProperty, direction));
      }
    }
  }

  /**
   * `false` accepts no other property, a schema only those it accepts, `true` (or nothing) any. In a
   * response, other properties appearing are like a property added; a dictionary's values loosening
   * is a loosened constraint.
   */
  private compareAdditionalProperties(
    base: SchemaView,
    head: SchemaView,
    direction: Direction,
    compare: CompareSchemas,
    changes: SchemaChange[],
  ): void {
    const [before, after] = [openness(base.additionalProperties), openness(head.additionalProperties)];
    const push = emitAt(changes, '');
    if (before === after) {
      if (before === 'schema')
        nest(
          changes,
          '/additionalProperties',
          compare(base.additionalProperties, head.additionalProperties, direction),
        );
      return;
    }
    const detail = `additional properties: ${before} → ${after}`;
    const narrows = RANK[after] < RANK[before];
    if (direction === 'request' && narrows)
      push(after === 'none' ? 'request-additional-properties-restricted' : 'request-constraint-added', detail);
    else if (direction === 'response' && !narrows && before === 'schema') push('response-constraint-loosened', detail);
    else push('schema-compatible-change', detail);
  }
}

const single = (values: unknown[] | undefined): unknown => (values?.length === 1 ? values[0] : values);

type Openness = 'none' | 'schema' | 'any';
const RANK: Record<Openness, number> = { none: 0, schema: 1, any: 2 };

function openness(value: unknown): Openness {
  if (value === false) return 'none';
  if (value === undefined || value === true || (isObject(value) && Object.keys(value).length === 0)) return 'any';
  return 'schema';
}

function visibleProperty(view: SchemaView, name: string, direction: Direction, resolve: Resolve): unknown {
  const property = view.properties.get(name) ?? (view.required.has(name) ? {} : undefined);
  if (property === undefined) return undefined;
  const resolved = resolve(property);
  const hiddenBy = direction === 'request' ? 'readOnly' : 'writeOnly';
  return isObject(resolved) && resolved[hiddenBy] === true ? undefined : property;
}
