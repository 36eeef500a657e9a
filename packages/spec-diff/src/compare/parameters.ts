import { asArray, isObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';
import { type OperationPair, type OperationSide, templateParameters } from './operation-pair.js';
import type { Resolve } from './resolve.js';
import { compareValueSchemas, serialization, valueSchema } from './value-schema.js';

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
    } else if (before.parameter.deprecated === true) {
      const where = `deprecated ${before.in} parameter \`${before.name}\``;
      ctx.report('deprecated-parameter-removed', pair.label, before.pointer, `${where} removed`);
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
    const [styleBefore, styleAfter] = [
      serialization(before.parameter, before.in),
      serialization(after.parameter, after.in),
    ];
    if (styleBefore !== styleAfter)
      ctx.report(
        'parameter-style-changed',
        pair.label,
        after.pointer,
        `${where} serialization ${styleBefore} → ${styleAfter}`,
      );
  }
  const direction = pair.kind === 'webhook' ? 'response' : 'request';
  compareValueSchemas(
    ctx,
    pair.label,
    where,
    direction,
    valueSchema(before.parameter, before.pointer),
    valueSchema(after.parameter, after.pointer),
  );
  const newlyDeprecated = before.parameter.deprecated !== true && after.parameter.deprecated === true;
  if (newlyDeprecated && pair.kind === 'operation')
    ctx.report('parameter-deprecated', pair.label, after.pointer, `${where} deprecated`);
  compareDocumentation(ctx, pair.label, after.pointer, where, before.parameter, after.parameter, [
    'description',
    ...(newlyDeprecated && pair.kind === 'operation' ? [] : ['deprecated']),
    'example',
    'examples',
  ]);
  ctx.reportRemaining(pair.label, after.pointer, where, before.parameter, after.parameter, PARAMETER_KEYWORDS);
}

const PARAMETER_KEYWORDS = new Set([
  'name',
  'in',
  'description',
  'required',
  'deprecated',
  'style',
  'explode',
  'allowReserved',
  'schema',
  'content',
  'example',
  'examples',
]);
