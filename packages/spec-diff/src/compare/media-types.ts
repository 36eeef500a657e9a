import { asObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { RuleId } from '../rules.js';
import type { DiffContext } from './context.js';
import type { Direction } from './direction.js';
import { compareDocumentation } from './documentation.js';
import { type MediaType, parseMediaType, relation } from './media-type-names.js';

export interface ContentSide {
  content: unknown;
  /** Pointer of the object that holds `content` (a request body, a response). */
  pointer: string;
}

interface Entry {
  key: string;
  type: MediaType;
  media: unknown;
}

const MEDIA_TYPE_KEYWORDS = new Set(['schema', 'example', 'examples']);

function entries(content: unknown): Entry[] {
  const seen = new Set<string>();
  const list: Entry[] = [];
  for (const [key, media] of Object.entries(asObject(content))) {
    const type = parseMediaType(key);
    if (seen.has(type.full)) continue;
    seen.add(type.full);
    list.push({ key, type, media });
  }
  return list;
}

/**
 * Compares the media types of a body and the schema of each media type both versions have. Media
 * types pair when they are equal (up to case and a JSON `charset`), then when only their parameters
 * differ, then when the head's is a specialisation (a response: `application/json` →
 * `application/problem+json`) or a generalisation (a request: `application/json` → `application/*`)
 * of the base's, the direction in which what was valid stays valid.
 */
export function compareContent(
  ctx: DiffContext,
  operation: string,
  base: ContentSide,
  head: ContentSide,
  options: { direction: Direction; where: string; removed: RuleId; added: RuleId },
): void {
  const before = entries(base.content);
  const after = entries(head.content);
  const pairs: Array<[Entry, Entry, RuleId | undefined]> = [];
  const pairBy = (related: (b: Entry, h: Entry) => boolean, id: RuleId | undefined): void => {
    for (const b of [...before]) {
      const candidates = after.filter((h) => related(b, h));
      if (candidates.length !== 1) continue;
      const h = candidates[0]!;
      pairs.push([b, h, id]);
      before.splice(before.indexOf(b), 1);
      after.splice(after.indexOf(h), 1);
    }
  };
  pairBy((b, h) => b.type.full === h.type.full, undefined);
  pairBy((b, h) => b.type.essence === h.type.essence, 'media-type-parameters-changed');
  if (options.direction === 'response')
    pairBy((b, h) => relation(b.type, h.type) === 'specialised', 'response-media-type-specialised');
  else pairBy((b, h) => relation(b.type, h.type) === 'generalised', 'request-media-type-generalised');

  const unpaired = (id: RuleId, side: ContentSide, entry: Entry, what: string): void =>
    ctx.report(
      id,
      operation,
      childPointer(side.pointer, 'content', entry.key),
      `${options.where}: media type ${entry.key} ${what}`,
    );
  for (const b of before) unpaired(options.removed, base, b, 'removed');
  for (const [b, h, id] of pairs) {
    const pointer = childPointer(head.pointer, 'content', h.key);
    if (id) ctx.report(id, operation, pointer, `${options.where}: media type ${b.key} → ${h.key}`);
    const baseMedia = asObject(ctx.resolveBase(b.media));
    const headMedia = asObject(ctx.resolveHead(h.media));
    const where = `${options.where} ${h.key}`;
    if (baseMedia.schema !== undefined || headMedia.schema !== undefined) {
      const changes = ctx.schemas.compare(baseMedia.schema ?? {}, headMedia.schema ?? {}, options.direction);
      ctx.reportSchema(operation, `${pointer}/schema`, where, changes);
    }
    compareDocumentation(ctx, operation, pointer, where, baseMedia, headMedia, ['example', 'examples']);
    ctx.reportRemaining(operation, pointer, where, baseMedia, headMedia, MEDIA_TYPE_KEYWORDS);
  }
  for (const h of after) unpaired(options.added, head, h, 'added');
}
