import { asObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';
import { compareContent } from './media-types.js';
import type { OperationPair } from './operation-pair.js';

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
  }
  for (const [status, [key]] of head) {
    if (!base.has(status))
      ctx.report('response-status-added', pair.label, childPointer(headPointer, key), `response ${key} added`);
  }
}

function byStatus(responses: unknown): Map<string, [string, unknown]> {
  const map = new Map<string, [string, unknown]>();
  for (const [key, response] of Object.entries(asObject(responses))) map.set(key.toUpperCase(), [key, response]);
  return map;
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
    const baseHeader = asObject(ctx.resolveBase(header));
    const headHeader = asObject(ctx.resolveHead(match[1]));
    const changes = ctx.schemas.compare(baseHeader.schema ?? {}, headHeader.schema ?? {}, 'response');
    ctx.reportSchema(operation, `${pointer}/schema`, `response ${status} header \`${match[0]}\``, changes);
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
