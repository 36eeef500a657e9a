import type { CompareSchemas, Direction, SchemaChange } from './direction.js';
import { emitAt, nest } from './direction.js';
import type { Resolve } from './resolve.js';
import { judge } from './schema-constraints.js';
import type { VariantGroup } from './schema-variants.js';
import { withOwnKeywords } from './schema-merge.js';
import { type SchemaView, viewSchema } from './schema-view.js';
import { matchVariants, type ViewedVariant } from './variants.js';

/** What comparing oneOf/anyOf alternatives needs from the schema walk. */
export interface VariantContext {
  resolveBase: Resolve;
  resolveHead: Resolve;
  compare: CompareSchemas;
  /** Compares two views already built (an alternative merged with the keywords around it). */
  compareViews: (base: SchemaView, head: SchemaView, direction: Direction) => SchemaChange[];
}

/**
 * The oneOf/anyOf lists of two views. The first lists are paired (a plain schema on one side is a
 * single alternative of the other's list); further lists (an anyOf beside a oneOf, one per allOf
 * part) are paired in order, and one that appears narrows what the schema accepts.
 */
export function compareVariantGroups(
  base: SchemaView,
  head: SchemaView,
  direction: Direction,
  ctx: VariantContext,
  changes: SchemaChange[],
): void {
  if (base.variants && head.variants) compareLists(base.variants, head.variants, direction, ctx, changes);
  const count = Math.max(base.moreVariants.length, head.moreVariants.length);
  for (let i = 0; i < count; i += 1) {
    const [before, after] = [base.moreVariants[i], head.moreVariants[i]];
    if (before && after) compareLists(before, after, direction, ctx, changes);
    else {
      const group = (after ?? before)!;
      const emit = emitAt(changes, '');
      judge(
        direction,
        emit,
        'request-constraint-added',
        !!after,
        !!before,
        `another ${group.keyword} ${after ? 'added' : 'removed'}`,
      );
    }
  }
}

function compareLists(
  base: VariantGroup,
  head: VariantGroup,
  direction: Direction,
  ctx: VariantContext,
  changes: SchemaChange[],
): void {
  const match = matchVariants(
    viewed(base, ctx.resolveBase),
    viewed(head, ctx.resolveHead),
    ctx.resolveBase,
    ctx.resolveHead,
  );
  for (const [b, h] of match.pairs)
    nest(changes, `/${head.keyword}/${h.variant.index}`, ctx.compare(b.variant.schema, h.variant.schema, direction));
  reportUnmatched(match.removed, match.added, base.keyword, head.keyword, direction, changes);
}

/** One side is a plain schema, the other a oneOf/anyOf: the plain one is a single alternative. */
export function compareOneSidedVariants(
  base: SchemaView,
  head: SchemaView,
  direction: Direction,
  ctx: VariantContext,
  changes: SchemaChange[],
): void {
  const asList = (view: SchemaView, resolve: Resolve): ViewedVariant[] =>
    view.variants
      ? viewed(view.variants, resolve).map((v) => ({ variant: v.variant, view: withOwnKeywords(view, v.view) }))
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
    asList(base, ctx.resolveBase),
    asList(head, ctx.resolveHead),
    ctx.resolveBase,
    ctx.resolveHead,
  );
  const keyword = (head.variants ?? base.variants)!.keyword;
  for (const [b, h] of match.pairs) {
    const index = h.variant.index >= 0 ? h.variant.index : b.variant.index;
    nest(changes, index >= 0 ? `/${keyword}/${index}` : '', ctx.compareViews(b.view, h.view, direction));
  }
  reportUnmatched(match.removed, match.added, base.variants?.keyword ?? keyword, keyword, direction, changes);
}

function reportUnmatched(
  removed: ViewedVariant[],
  added: ViewedVariant[],
  baseKeyword: string,
  headKeyword: string,
  direction: Direction,
  changes: SchemaChange[],
): void {
  for (const r of removed) {
    const pointer = r.variant.index >= 0 ? `/${baseKeyword}/${r.variant.index}` : '';
    const id = direction === 'request' ? 'request-variant-removed' : 'schema-compatible-change';
    changes.push({ id, pointer, detail: `alternative ${variantLabel(r)} removed` });
  }
  for (const a of added) {
    const pointer = a.variant.index >= 0 ? `/${headKeyword}/${a.variant.index}` : '';
    const id = direction === 'response' ? 'response-variant-added' : 'schema-compatible-change';
    changes.push({ id, pointer, detail: `alternative ${variantLabel(a)} added` });
  }
}

function viewed(group: VariantGroup, resolve: Resolve): ViewedVariant[] {
  return group.variants.map((variant) => ({ variant, view: viewSchema(variant.schema, resolve) }));
}

function variantLabel(v: ViewedVariant): string {
  if (v.variant.name) return `\`${v.variant.name}\``;
  return v.view.types ? `#${v.variant.index} (${[...v.view.types].sort().join(' | ')})` : `#${v.variant.index}`;
}
