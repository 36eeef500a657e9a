import { asObject, isObject } from '../is-object.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';
import { compareContent } from './media-types.js';
import type { OperationPair } from './operation-pair.js';

/**
 * The body a client sends. A webhook's body is what the client receives, so it is judged like a
 * response: a media type it stops sending is breaking, its schema is read in the response direction.
 */
export function compareRequestBody(ctx: DiffContext, pair: OperationPair): void {
  const base = ctx.resolveBase(pair.base.operation.requestBody);
  const head = ctx.resolveHead(pair.head.operation.requestBody);
  const basePointer = `${pair.base.operationPointer}/requestBody`;
  const headPointer = `${pair.head.operationPointer}/requestBody`;
  if (!isObject(base) && !isObject(head)) return;
  const webhook = pair.kind === 'webhook';
  if (!webhook) {
    if (!isObject(base)) {
      const required = asObject(head).required === true;
      ctx.report(
        required ? 'request-body-made-required' : 'request-body-added',
        pair.label,
        headPointer,
        `${required ? 'required' : 'optional'} request body added`,
      );
      return;
    }
    if (!isObject(head)) {
      ctx.report('request-body-removed', pair.label, basePointer, 'request body removed');
      return;
    }
    if (base.required !== true && head.required === true)
      ctx.report('request-body-made-required', pair.label, headPointer, 'request body became required');
    if (base.required === true && head.required !== true)
      ctx.report('request-body-made-optional', pair.label, headPointer, 'request body became optional');
  }
  compareContent(
    ctx,
    pair.label,
    { content: asObject(base).content, pointer: basePointer },
    { content: asObject(head).content, pointer: headPointer },
    webhook
      ? {
          direction: 'response',
          where: 'webhook payload',
          removed: 'response-media-type-removed',
          added: 'response-media-type-added',
        }
      : {
          direction: 'request',
          where: 'request body',
          removed: 'request-media-type-removed',
          added: 'request-media-type-added',
        },
  );
  if (isObject(base) && isObject(head)) {
    const where = webhook ? 'webhook payload' : 'request body';
    compareDocumentation(ctx, pair.label, headPointer, where, base, head, ['description']);
    ctx.reportRemaining(pair.label, headPointer, where, base, head, REQUEST_BODY_KEYWORDS);
  }
}

const REQUEST_BODY_KEYWORDS = new Set(['description', 'content', 'required']);
