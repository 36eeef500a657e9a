import type { PaginationDescriptor } from '@oapi/runtime';
import { specOperations } from './operations.js';
import { assertKnownKeys, isObject, type Json, positiveInteger, resolveRef, SpecError } from './spec-json.js';

/** The `maximum` of every query parameter named `name` that declares one. */
function maxima(spec: Json, name: string): number[] {
  const found: number[] = [];
  for (const { item, operation } of specOperations(spec)) {
    for (const raw of [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])]) {
      const parameter = resolveRef(spec, raw);
      if (!isObject(parameter) || parameter.name !== name || parameter.in !== 'query') continue;
      if (isObject(parameter.schema) && typeof parameter.schema.maximum === 'number')
        found.push(parameter.schema.maximum);
    }
  }
  return found;
}

/** `x-pagination`, checked against the parameters' own `maximum` where they declare one. */
export function paginationOf(spec: Json): PaginationDescriptor | undefined {
  const raw = spec['x-pagination'];
  if (raw === undefined) return undefined;
  const at = '#/x-pagination';
  if (!isObject(raw) || typeof raw.pageParameter !== 'string' || typeof raw.sizeParameter !== 'string')
    throw new SpecError(at, 'must name its pageParameter and sizeParameter');
  assertKnownKeys(raw, ['pageParameter', 'sizeParameter', 'maxPage', 'maxSize'], at);
  const pagination: { -readonly [K in keyof PaginationDescriptor]: PaginationDescriptor[K] } = {
    pageParameter: raw.pageParameter,
    sizeParameter: raw.sizeParameter,
  };
  for (const [key, parameter] of [
    ['maxPage', raw.pageParameter],
    ['maxSize', raw.sizeParameter],
  ] as const) {
    if (raw[key] === undefined) continue;
    const value = positiveInteger(raw[key], `${at}/${key}`);
    const other = maxima(spec, parameter).find((maximum) => maximum !== value);
    if (other !== undefined)
      throw new SpecError(`${at}/${key}`, `is ${value}, but the ${parameter} parameter's maximum is ${other}`);
    pagination[key] = value;
  }
  return pagination;
}
