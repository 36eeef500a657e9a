import { asObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';
import { compareContent } from './media-types.js';
import type { OperationPair } from './operation-pair.js';
import { compareValueSchemas, serialization, valueSchema } from './value-schema.js';

const isSuccess = (status: string): boolean => /^2/.test(status);

/** The responses a client receives: statuses, headers, media types and schemas. */
export function compareResponses(ctx: DiffContext, pair: OperationPair): void {
  const base = byStatus(pair.base.operation.responses);
  const head = byStatus(pair.head.operation.responses);
  const basePointer = `${pair.base.operationPointer}/responses`;
  const headPointer = `${pair.head.operationPointer}/responses`;
  for (const [status, [key, baseResponse]] of base) {
    const match = head.get(status);
    if (!match) {
      const id = isSuccess(status) ? 'success-status-removed' : 'error-status-removed';
      ctx.report(id, pair.label, childPointer(basePointer, key), `response ${key} removed`);
      continue;
    }
    const [headKey, headResponse] = match;
    const before = asObject(ctx.resolveBase(baseResponse));
    const after = asObject(ctx.resolveHead(headResponse));
    const pointer = childPointer(headPointer, headKey);
    compareHeaders(ctx, pair.label, headKey, before, after, childPointer(basePointer, key), pointer);
    compareContent(
      ctx,
      pair.label,
      { content: before.content, pointer: childPointer(basePointer, key) },
      { content: after.content, pointer },
      {
        direction: 'response',
        where: `response ${headKey}`,
        removed: 'response-media-type-removed',
        added: 'response-media-type-added',
      },
    );
    compareDocumentation(ctx, pair.label, pointer, `response ${headKey}`, before, after, ['description']);
    ctx.reportRemaining(pair.label, pointer, `response ${headKey}`, before, after, RESPONSE_KEYWORDS);
  }
  const [baseExtensions, headExtensions] = [
    extensionsOf(pair.base.operation.responses),
    extensionsOf(pair.head.operation.responses),
  ];
  ctx.reportRemaining(pair.label, headPointer, 'responses', baseExtensions, headExtensions, new Set());
  for (const [status, [key]] of head) {
    if (!base.has(status))
      ctx.report('response-status-added', pair.label, childPointer(headPointer, key), `response ${key} added`);
  }
}

const RESPONSE_KEYWORDS = new Set(['description', 'headers', 'content']);
const HEADER_KEYWORDS = new Set([
  'description',
  'required',
  'deprecated',
  'schema',
  'content',
  'style',
  'explode',
  'example',
  'examples',
]);

/** The responses by status, without the `x-` extensions that share the Responses object. */
function byStatus(responses: unknown): Map<string, [string, unknown]> {
  const map = new Map<string, [string, unknown]>();
  for (const [key, response] of Object.entries(asObject(responses)))
    if (!key.startsWith('x-')) map.set(key.toUpperCase(), [key, response]);
  return map;
}

function extensionsOf(object: unknown): JsonObject {
  return Object.fromEntries(Object.entries(asObject(object)).filter(([key]) => key.startsWith('x-')));
}

function compareHeaders(
  ctx: DiffContext,
  operation: string,
  status: string,
  before: JsonObject,
  after: JsonObject,
  basePointer: string,
  headPointer: string,
): void {
  const base = byName(before.headers);
  const head = byName(after.headers);
  for (const [name, [key, header]] of base) {
    const match = head.get(name);
    if (!match) {
      ctx.report(
        'response-header-removed',
        operation,
        childPointer(basePointer, 'headers', key),
        `response ${status} header \`${key}\` removed`,
      );
      continue;
    }
    const pointer = childPointer(headPointer, 'headers', match[0]);
    compareHeader(
      ctx,
      operation,
      `response ${status} header \`${match[0]}\``,
      pointer,
      asObject(ctx.resolveBase(header)),
      asObject(ctx.resolveHead(match[1])),
    );
  }
  for (const [name, [key]] of head) {
    if (!base.has(name))
      ctx.report(
        'response-header-added',
        operation,
        childPointer(headPointer, 'headers', key),
        `response ${status} header \`${key}\` added`,
      );
  }
}

function byName(headers: unknown): Map<string, [string, unknown]> {
  const map = new Map<string, [string, unknown]>();
  for (const [key, header] of Object.entries(asObject(headers))) map.set(key.toLowerCase(), [key, header]);
  return map;
}

/** One response header in both versions: whether it is always sent, how it is written, its value. */
function compareHeader(
  ctx: DiffContext,
  operation: string,
  where: string,
  pointer: string,
  before: JsonObject,
  after: JsonObject,
): void {
  const [wasRequired, isRequired] = [before.required === true, after.required === true];
  if (wasRequired && !isRequired)
    ctx.report('response-header-made-optional', operation, pointer, `${where} became optional`);
  if (!wasRequired && isRequired)
    ctx.report('response-header-made-required', operation, pointer, `${where} became required`);
  const [styleBefore, styleAfter] = [serialization(before, 'header'), serialization(after, 'header')];
  if (styleBefore !== styleAfter)
    ctx.report('parameter-style-changed', operation, pointer, `${where} serialization ${styleBefore} → ${styleAfter}`);
  compareValueSchemas(ctx, operation, where, 'response', valueSchema(before, pointer), valueSchema(after, pointer));
  compareDocumentation(ctx, operation, pointer, where, before, after, [
    'description',
    'deprecated',
    'example',
    'examples',
  ]);
  ctx.reportRemaining(operation, pointer, where, before, after, HEADER_KEYWORDS);
}
