import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { sameJson } from '../canonical-json.js';

/** Reports one `documentation-changed` finding when any of `keywords` differs between two objects. */
export function compareDocumentation(
  ctx: DiffContext,
  operation: string | null,
  pointer: string,
  where: string,
  base: JsonObject,
  head: JsonObject,
  keywords: readonly string[],
): void {
  const changed = keywords.filter((k) => !sameJson(base[k], head[k]));
  if (changed.length > 0)
    ctx.report('documentation-changed', operation, pointer, `${where}: ${changed.join(', ')} changed`);
}
