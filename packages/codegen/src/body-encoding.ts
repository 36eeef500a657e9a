import type { SpecDescriptor } from './descriptor.js';
import { specOperations } from './operations.js';
import { isObject, type Json, pointerSegment, resolveRef, SpecError } from './spec-json.js';

const forms = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * `rails-form` when a request body says `x-bracket-notation: rails`: the client then writes every
 * body as a form in Rails bracket notation, so every operation's body must offer a form media type.
 */
export function bodyEncodingOf(spec: Json): SpecDescriptor['bodyEncoding'] {
  let rails: string | undefined;
  const withoutForm: string[] = [];
  for (const { path, method, operation } of specOperations(spec)) {
    const body = resolveRef(spec, operation.requestBody);
    if (!body || !isObject(body.content)) continue;
    const at = `#/paths/${pointerSegment(path)}/${method}/requestBody/content`;
    for (const [type, media] of Object.entries(body.content)) {
      const notation = isObject(media) ? media['x-bracket-notation'] : undefined;
      if (notation === undefined) continue;
      if (notation !== 'rails' || !forms.has(type))
        throw new SpecError(
          `${at}/${pointerSegment(type)}/x-bracket-notation`,
          'must be "rails", on a form media type',
        );
      rails ??= at;
    }
    if (!Object.keys(body.content).some((type) => forms.has(type))) withoutForm.push(at);
  }
  if (rails === undefined) return 'json';
  if (withoutForm.length > 0) {
    throw new SpecError(
      withoutForm[0]!,
      `offers no form media type, but ${rails} makes every request body a Rails form`,
    );
  }
  return 'rails-form';
}
