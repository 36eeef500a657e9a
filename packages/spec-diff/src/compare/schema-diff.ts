import { isObject } from '../is-object.js';
import { escapeSegment } from '../json-pointer.js';
import type { RuleId } from '../rules.js';
import type { Direction, Emit, SchemaChange } from './direction.js';
import { pureRef, type Resolve } from './resolve.js';
import {
  compareConstraints,
  compareDocs,
  compareEnum,
  compareFormat,
  compareNullable,
  compareTypes,
} from './schema-facets.js';
import { type SchemaView, viewSchema, withOwnKeywords } from './schema-view.js';
import { matchVariants, type ViewedVariant } from './variants.js';

const MAX_DEPTH = 256;

/**
 * Compares two schemas in a direction and returns what changed, with pointers relative to the schema.
 * Comparisons of two `$ref`s are memoized, so a shared component is compared once however many
 * operations use it; a comparison that met a cycle through an enclosing one is not memoized, as its
 * result depends on where the cycle was entered.
 */
export class SchemaDiffer {
  private readonly memo = new Map<string, SchemaChange[]>();
  private readonly active = new Map<string, number>();
  private readonly frames: Array<{ low: number }> = [];
  private depth = 0;

  constructor(
    private readonly resolveBase: Resolve,
    private readonly resolveHead: Resolve,
  ) {}

  compare(base: unknown, head: unknown, direction: Direction): SchemaChange[] {
    const baseRef = pureRef(base);
    const headRef = pureRef(head);
    if (baseRef === undefined || headRef === undefined) return this.compareRaw(base, head, direction);
    const key = `${direction} ${baseRef} ${headRef}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const activeIndex = this.active.get(key);
    if (activeIndex !== undefined) {
      const top = this.frames[this.frames.length - 1];
      if (top) top.low = Math.min(top.low, activeIndex);
      return [];
    }
    const index = this.frames.length;
    const frame = { low: index };
    this.frames.push(frame);
    this.active.set(key, index);
    let changes: SchemaChange[];
    try {
      changes = this.compareRaw(base, head, direction);
    } finally {
      this.frames.pop();
      this.active.delete(key);
    }
    if (frame.low >= index) this.memo.set(key, changes);
    else if (index > 0) this.frames[index - 1]!.low = Math.min(this.frames[index - 1]!.low, frame.low);
    return changes;
  }

  private compareRaw(base: unknown, head: unknown, direction: Direction): SchemaChange[] {
    if (this.depth >= MAX_DEPTH) return [];
    this.depth += 1;
    try {
      return this.compareViews(viewSchema(base, this.resolveBase), viewSchema(head, this.resolveHead), direction);
    } finally {
      this.depth -= 1;
    }
  }

  private compareViews(base: SchemaView, head: SchemaView, direction: Direction): SchemaChange[] {
    const changes: SchemaChange[] = [];
    const emit: Emit = (id, detail) => changes.push({ id, pointer: '', detail });
    if ((base.variants === undefined) !== (head.variants === undefined)) {
      this.compareOneSidedVariants(base, head, direction, changes);
      return changes;
    }
    const incompatible = compareTypes(base, head, direction, emit);
    compareNullable(base, head, direction, emit);
    if (!incompatible) compareFormat(base, head, direction, emit);
    compareEnum(base, head, direction, emit);
    compareConstraints(base, head, direction, emit);
    compareDocs(base, head, emit);
    if (!incompatible) {
      this.compareProperties(base, head, direction, changes);
      this.compareAdditionalProperties(base, head, direction, changes);
      if (base.items !== undefined && head.items !== undefined)
        this.nest(changes, '/items', this.compare(base.items, head.items, direction));
    }
    if (base.variants && head.variants) this.compareVariantLists(base, head, direction, changes);
    return changes;
  }

  private compareProperties(base: SchemaView, head: SchemaView, direction: Direction, changes: SchemaChange[]): void {
    const names = new Set([...base.properties.keys(), ...head.properties.keys(), ...base.required, ...head.required]);
    for (const name of names) {
      const baseProperty = visibleProperty(base, name, direction, this.resolveBase);
      const headProperty = visibleProperty(head, name, direction, this.resolveHead);
      if (baseProperty === undefined && headProperty === undefined) continue;
      const pointer = `/properties/${escapeSegment(name)}`;
      const push = (id: RuleId, detail: string): void => void changes.push({ id, pointer, detail });
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
        this.nest(changes, pointer, this.compare(baseProperty, headProperty, direction));
      }
    }
  }

  private compareAdditionalProperties(
    base: SchemaView,
    head: SchemaView,
    direction: Direction,
    changes: SchemaChange[],
  ): void {
    const [before, after] = [base.additionalProperties, head.additionalProperties];
    if (direction === 'request' && before !== false && after === false) {
      changes.push({
        id: 'request-additional-properties-restricted',
        pointer: '',
        detail: 'no longer accepts additional properties',
      });
    } else if (direction === 'request' && before === false && after !== false) {
      changes.push({ id: 'schema-compatible-change', pointer: '', detail: 'now accepts additional properties' });
    }
    if (isObject(before) && isObject(after))
      this.nest(changes, '/additionalProperties', this.compare(before, after, direction));
  }

  private compareVariantLists(base: SchemaView, head: SchemaView, direction: Direction, changes: SchemaChange[]): void {
    const match = matchVariants(
      this.viewVariants(base, this.resolveBase),
      this.viewVariants(head, this.resolveHead),
      this.resolveBase,
      this.resolveHead,
    );
    for (const [b, h] of match.pairs) {
      this.nest(
        changes,
        `/${head.variantKeyword}/${h.variant.index}`,
        this.compare(b.variant.schema, h.variant.schema, direction),
      );
    }
    this.reportUnmatched(match.removed, match.added, base, head, direction, changes);
  }

  /** One side is a plain schema, the other a oneOf/anyOf: the plain one is a single alternative. */
  private compareOneSidedVariants(
    base: SchemaView,
    head: SchemaView,
    direction: Direction,
    changes: SchemaChange[],
  ): void {
    const asList = (view: SchemaView, resolve: Resolve): ViewedVariant[] =>
      view.variants
        ? this.viewVariants(view, resolve).map((v) => ({ variant: v.variant, view: withOwnKeywords(view, v.view) }))
        : [
            {
              variant: {
                schema: undefined,
                index: -1,
                name: typeof view.docs.title === 'string' ? view.docs.title : undefined,
              },
              view,
            },
          ];
    const match = matchVariants(
      asList(base, this.resolveBase),
      asList(head, this.resolveHead),
      this.resolveBase,
      this.resolveHead,
    );
    for (const [b, h] of match.pairs) {
      const index = h.variant.index >= 0 ? h.variant.index : b.variant.index;
      const keyword = head.variants ? head.variantKeyword : base.variantKeyword;
      this.nest(changes, index >= 0 ? `/${keyword}/${index}` : '', this.compareViews(b.view, h.view, direction));
    }
    this.reportUnmatched(match.removed, match.added, base, head, direction, changes);
  }

  private reportUnmatched(
    removed: ViewedVariant[],
    added: ViewedVariant[],
    base: SchemaView,
    head: SchemaView,
    direction: Direction,
    changes: SchemaChange[],
  ): void {
    for (const r of removed) {
      const pointer = r.variant.index >= 0 ? `/${base.variantKeyword}/${r.variant.index}` : '';
      const id = direction === 'request' ? 'request-variant-removed' : 'schema-compatible-change';
      changes.push({ id, pointer, detail: `alternative ${variantLabel(r)} removed` });
    }
    for (const a of added) {
      const pointer = a.variant.index >= 0 ? `/${head.variantKeyword}/${a.variant.index}` : '';
      const id = direction === 'response' ? 'response-variant-added' : 'schema-compatible-change';
      changes.push({ id, pointer, detail: `alternative ${variantLabel(a)} added` });
    }
  }

  private viewVariants(view: SchemaView, resolve: Resolve): ViewedVariant[] {
    return (view.variants ?? []).map((variant) => ({ variant, view: viewSchema(variant.schema, resolve) }));
  }

  private nest(changes: SchemaChange[], prefix: string, nested: SchemaChange[]): void {
    for (const change of nested) changes.push({ ...change, pointer: prefix + change.pointer });
  }
}

function visibleProperty(view: SchemaView, name: string, direction: Direction, resolve: Resolve): unknown {
  const property = view.properties.get(name) ?? (view.required.has(name) ? {} : undefined);
  if (property === undefined) return undefined;
  const resolved = resolve(property);
  const hiddenBy = direction === 'request' ? 'readOnly' : 'writeOnly';
  return isObject(resolved) && resolved[hiddenBy] === true ? undefined : property;
}

function variantLabel(v: ViewedVariant): string {
  if (v.variant.name) return `\`${v.variant.name}\``;
  return v.view.types ? `#${v.variant.index} (${[...v.view.types].sort().join(' | ')})` : `#${v.variant.index}`;
}
