import { asObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { RuleId } from '../rules.js';
import type { DiffContext } from './context.js';
import type { Direction } from './direction.js';

export interface ContentSide {
  content: unknown;
  /** Pointer of the object that holds `content` (a request body, a response). */
  pointer: string;
}

/** `application/json; charset=utf-8` and `Application/JSON` are the same media type. */
export function normalizeMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

function byMediaType(content: unknown): Map<string, [string, unknown]> {
  const map = new Map<string, [string, unknown]>();
  for (const [mediaType, media] of Object.entries(asObject(content))) {
    const key = normalizeMediaType(mediaType);
    if (!map.has(key)) map.set(key, [mediaType, media]);
  }
  return map;
}

/** Compares the media types of a body and the schema of each media type both versions have. */
export function compareContent(
  ctx: DiffContext,
  operation: string,
  base: ContentSide,
  head: ContentSide,
  options: { direction: Direction; where: string; removed: RuleId; added: RuleId },
): void {
  const baseMedia = byMediaType(base.content);
  const headMedia = byMediaType(head.content);
  for (const [key, [mediaType, baseEntry]] of baseMedia) {
    const headMatch = headMedia.get(key);
    if (!headMatch) {
      ctx.report(
        options.removed,
        operation,
        childPointer(base.pointer, 'content', mediaType),
        `${options.where}: media type ${mediaType} removed`,
      );
      continue;
    }
    const [headType, headEntry] = headMatch;
    const pointer = childPointer(head.pointer, 'content', headType);
    const baseSchema = asObject(ctx.resolveBase(baseEntry)).schema;
    const headSchema = asObject(ctx.resolveHead(headEntry)).schema;
    if (baseSchema === undefined && headSchema === undefined) continue;
    const changes = ctx.schemas.compare(baseSchema ?? {}, headSchema ?? {}, options.direction);
    ctx.reportSchema(operation, `${pointer}/schema`, `${options.where} ${headType}`, changes);
  }
  for (const [key, [mediaType]] of headMedia) {
    if (!baseMedia.has(key))
      ctx.report(
        options.added,
        operation,
        childPointer(head.pointer, 'content', mediaType),
        `${options.where}: media type ${mediaType} added`,
      );
  }
}
