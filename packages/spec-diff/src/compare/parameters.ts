import { asArray, asObject, isObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';
import { type OperationPair, type OperationSide, templateParameters } from './operation-pair.js';
import type { Resolve } from './resolve.js';

interface EffectiveParameter {
  key: string;
  name: string;
  in: string;
  parameter: JsonObject;
  pointer: string;
}

/**
 * The parameters an operation takes: its path item's, overridden by its own (same name and `in`).
 * Path parameters are keyed by their position in the template, so renaming one is not a removal.
 */
function effectiveParameters(side: OperationSide, resolve: Resolve): Map<string, EffectiveParameter> {
  const positions = templateParameters(side.template);
  const result = new Map<string, EffectiveParameter>();
  const add = (list: unknown, pointer: string): void => {
    asArray(list).forEach((raw, index) => {
      const parameter = resolve(raw);
      if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') return;
      const { name, in: location } = parameter;
      const position = location === 'path' ? positions.indexOf(name) : -1;
      const key =
        position >= 0
          ? `path#${position}`
          : location === 'header'
            ? `header:${name.toLowerCase()}`
            : `${location}:${name}`;
      result.set(key, { key, name, in: location, parameter, pointer: childPointer(pointer, 'parameters', index) });
    });
  };
  add(side.pathItem.parameters, side.pathPointer);
  add(side.operation.parameters, side.operationPointer);
  return result;
}

const isRequired = (p: EffectiveParameter): boolean => p.parameter.required === true || p.in === 'path';

export function compareParameters(ctx: DiffContext, pair: OperationPair): void {
  const base = effectiveParameters(pair.base, ctx.resolveBase);
  const head = effectiveParameters(pair.head, ctx.resolveHead);
  const webhook = pair.kind === 'webhook';
  const moved = new Set<string>();
  for (const [key, before] of base) {
    const after = head.get(key);
    if (after) {
      compareParameter(ctx, pair, before, after);
      continue;
    }
    const relocated = [...head.values()].find(
      (p) => !base.has(p.key) && p.name.toLowerCase() === before.name.toLowerCase() && p.in !== before.in,
    );
    if (relocated) {
      moved.add(relocated.key);
      ctx.report(
        'parameter-location-changed',
        pair.label,
        relocated.pointer,
        `parameter \`${before.name}\` moved from ${before.in} to ${relocated.in}`,
      );
    } else {
      ctx.report('parameter-removed', pair.label, before.pointer, `${before.in} parameter \`${before.name}\` removed`);
    }
  }
  for (const [key, after] of head) {
    if (base.has(key) || moved.has(key)) continue;
    const required = isRequired(after);
    const id = required && !webhook ? 'required-parameter-added' : 'parameter-added';
    ctx.report(
      id,
      pair.label,
      after.pointer,
      `${required ? 'required' : 'optional'} ${after.in} parameter \`${after.name}\` added`,
    );
  }
}

function compareParameter(
  ctx: DiffContext,
  pair: OperationPair,
  before: EffectiveParameter,
  after: EffectiveParameter,
): void {
  const where = `${after.in} parameter \`${after.name}\``;
  const [wasRequired, nowRequired] = [isRequired(before), isRequired(after)];
  if (pair.kind === 'webhook') {
    if (wasRequired && !nowRequired)
      ctx.report('webhook-parameter-made-optional', pair.label, after.pointer, `${where} became optional`);
  } else if (!wasRequired && nowRequired) {
    ctx.report('parameter-made-required', pair.label, after.pointer, `${where} became required`);
  } else if (wasRequired && !nowRequired) {
    ctx.report('parameter-made-optional', pair.label, after.pointer, `${where} became optional`);
  }
  if (pair.kind === 'operation') {
    const [styleBefore, styleAfter] = [serialization(before), serialization(after)];
    if (styleBefore !== styleAfter)
      ctx.report(
        'parameter-style-changed',
        pair.label,
        after.pointer,
        `${where} serialization ${styleBefore} → ${styleAfter}`,
      );
  }
  const [baseSchema, baseSchemaPointer] = parameterSchema(before);
  const [headSchema, headSchemaPointer] = parameterSchema(after);
  if (baseSchema !== undefined || headSchema !== undefined) {
    const direction = pair.kind === 'webhook' ? 'response' : 'request';
    ctx.reportSchema(
      pair.label,
      headSchema !== undefined ? headSchemaPointer : baseSchemaPointer,
      where,
      ctx.schemas.compare(baseSchema ?? {}, headSchema ?? {}, direction),
    );
  }
  compareDocumentation(ctx, pair.label, after.pointer, where, before.parameter, after.parameter, [
    'description',
    'deprecated',
    'example',
    'examples',
  ]);
}

/** `style` and `explode` with their defaults filled in, as OpenAPI defines them per location. */
function serialization(p: EffectiveParameter): string {
  const style =
    typeof p.parameter.style === 'string'
      ? p.parameter.style
      : p.in === 'query' || p.in === 'cookie'
        ? 'form'
        : 'simple';
  const explode = typeof p.parameter.explode === 'boolean' ? p.parameter.explode : style === 'form';
  return `style=${style} explode=${explode}`;
}

function parameterSchema(p: EffectiveParameter): [unknown, string] {
  if (p.parameter.schema !== undefined) return [p.parameter.schema, `${p.pointer}/schema`];
  const [mediaType, media] = Object.entries(asObject(p.parameter.content))[0] ?? [];
  if (mediaType === undefined) return [undefined, p.pointer];
  return [asObject(media).schema, childPointer(p.pointer, 'content', mediaType, 'schema')];
}
