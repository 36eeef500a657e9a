import { asObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import type { Direction } from './direction.js';

/** The schema of a parameter or header, where it is, and whether its value travels as text. */
export interface ValueSchema {
  schema: unknown;
  pointer: string;
  /** `schema` values are serialized as text; `content` ones by their media type. */
  text: boolean;
}

/** A parameter's or header's `schema`, or the schema of its one `content` media type. */
export function valueSchema(object: JsonObject, pointer: string): ValueSchema | undefined {
  if (object.schema !== undefined) return { schema: object.schema, pointer: `${pointer}/schema`, text: true };
  const [mediaType, media] = Object.entries(asObject(object.content))[0] ?? [];
  if (mediaType === undefined) return undefined;
  return {
    schema: asObject(media).schema,
    pointer: childPointer(pointer, 'content', mediaType, 'schema'),
    text: false,
  };
}

/** Compares the value schemas of a parameter or header; text only when both travel as text. */
export function compareValueSchemas(
  ctx: DiffContext,
  operation: string,
  where: string,
  direction: Direction,
  before: ValueSchema | undefined,
  after: ValueSchema | undefined,
): void {
  if (before === undefined && after === undefined) return;
  const text = (before?.text ?? true) && (after?.text ?? true);
  const changes = ctx.schemas.compare(before?.schema ?? {}, after?.schema ?? {}, direction, text);
  ctx.reportSchema(operation, (after ?? before)!.pointer, where, changes);
}

/**
 * `style`, `explode` and `allowReserved` with their defaults filled in, as OpenAPI defines them per
 * location (a response header is `simple`).
 */
export function serialization(object: JsonObject, location: string): string {
  const style =
    typeof object.style === 'string' ? object.style : location === 'query' || location === 'cookie' ? 'form' : 'simple';
  const explode = typeof object.explode === 'boolean' ? object.explode : style === 'form';
  const reserved = object.allowReserved === true ? ' allowReserved' : '';
  return `style=${style} explode=${explode}${reserved}`;
}
