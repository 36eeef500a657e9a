import { asObject, isObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { type OperationPair, type OperationSide, templateParameters } from './operation-pair.js';
import { compareDocumentation } from './documentation.js';
import { compareOperation } from './operations.js';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `/users/{id}` and `/users/{userId}` are the same URL: parameters count by position, not name. */
export const normalizePath = (template: string): string => template.replace(/\{[^}]+\}/g, '{}');

export interface PathEntry {
  template: string;
  pathItem: JsonObject;
  pointer: string;
}

/** The path items of `paths` or `webhooks`, by normalized key; `x-` extensions left out. */
export function pathEntries(
  container: unknown,
  root: string,
  resolve: (n: unknown) => unknown,
  normalizeKey: (k: string) => string,
): Map<string, PathEntry> {
  const map = new Map<string, PathEntry>();
  for (const [template, raw] of Object.entries(asObject(container))) {
    if (template.startsWith('x-')) continue; // an extension of the Paths object
    const key = normalizeKey(template);
    if (!map.has(key))
      map.set(key, { template, pathItem: asObject(resolve(raw)), pointer: childPointer(root, template) });
  }
  return map;
}

export const operationsOf = (item: JsonObject): Array<[string, JsonObject]> =>
  METHODS.filter((m) => isObject(item[m])).map((m) => [m, item[m] as JsonObject]);

export function comparePaths(ctx: DiffContext): void {
  const base = pathEntries(ctx.base.document.paths, '/paths', ctx.resolveBase, normalizePath);
  const head = pathEntries(ctx.head.document.paths, '/paths', ctx.resolveHead, normalizePath);
  compareContainers(ctx, base, head, 'operation');
}

export function compareWebhooks(ctx: DiffContext): void {
  const base = pathEntries(ctx.base.document.webhooks, '/webhooks', ctx.resolveBase, (k) => k);
  const head = pathEntries(ctx.head.document.webhooks, '/webhooks', ctx.resolveHead, (k) => k);
  compareContainers(ctx, base, head, 'webhook');
}

/** `GET /users/{id}`, `WEBHOOK name`, or `WEBHOOK name (PUT)` for a webhook that is not a POST. */
export function operationLabel(kind: OperationPair['kind'], method: string, template: string): string {
  if (kind === 'operation') return `${method.toUpperCase()} ${template}`;
  return method === 'post' ? `WEBHOOK ${template}` : `WEBHOOK ${template} (${method.toUpperCase()})`;
}

function compareContainers(
  ctx: DiffContext,
  base: Map<string, PathEntry>,
  head: Map<string, PathEntry>,
  kind: OperationPair['kind'],
): void {
  for (const [key, before] of base) {
    const after = head.get(key);
    const baseOperations = operationsOf(before.pathItem);
    if (!after) {
      if (kind === 'operation' && baseOperations.some(([, op]) => op.deprecated !== true)) {
        ctx.report(
          'path-removed',
          before.template,
          before.pointer,
          `path ${before.template} removed (${baseOperations.map(([m]) => m.toUpperCase()).join(', ')})`,
        );
      } else {
        for (const [method, op] of baseOperations) reportRemoved(ctx, kind, method, op, before);
      }
      continue;
    }
    if (kind === 'operation') compareTemplates(ctx, before, after);
    comparePathItem(ctx, kind === 'operation' ? after.template : `WEBHOOK ${after.template}`, before, after);
    const headOperations = new Map(operationsOf(after.pathItem));
    for (const [method, op] of baseOperations) {
      const headOp = headOperations.get(method);
      if (!headOp) {
        reportRemoved(ctx, kind, method, op, before);
        continue;
      }
      compareOperation(ctx, {
        label: operationLabel(kind, method, after.template),
        kind,
        base: side(before, method, op),
        head: side(after, method, headOp),
      });
    }
    for (const [method] of headOperations) {
      if (!isObject(before.pathItem[method])) {
        ctx.report(
          'operation-added',
          operationLabel(kind, method, after.template),
          childPointer(after.pointer, method),
          `${kind} added`,
        );
      }
    }
  }
  for (const [key, after] of head) {
    if (base.has(key)) continue;
    if (kind === 'operation') {
      const methods = operationsOf(after.pathItem).map(([m]) => m.toUpperCase());
      ctx.report('path-added', after.template, after.pointer, `path ${after.template} added (${methods.join(', ')})`);
    } else {
      for (const [method] of operationsOf(after.pathItem))
        ctx.report(
          'operation-added',
          operationLabel(kind, method, after.template),
          childPointer(after.pointer, method),
          'webhook added',
        );
    }
  }
}

function reportRemoved(
  ctx: DiffContext,
  kind: OperationPair['kind'],
  method: string,
  op: JsonObject,
  entry: PathEntry,
): void {
  const deprecated = op.deprecated === true;
  ctx.report(
    deprecated ? 'deprecated-operation-removed' : 'operation-removed',
    operationLabel(kind, method, entry.template),
    childPointer(entry.pointer, method),
    deprecated ? `deprecated ${kind} removed` : `${kind} removed without being deprecated first`,
  );
}

/** What a path item holds besides its operations; `servers` is reported as not compared. */
const PATH_ITEM_KEYWORDS = new Set<string>(['summary', 'description', 'parameters', '$ref', ...METHODS]);

function comparePathItem(ctx: DiffContext, label: string, before: PathEntry, after: PathEntry): void {
  compareDocumentation(ctx, label, after.pointer, 'path', before.pathItem, after.pathItem, ['summary', 'description']);
  ctx.reportRemaining(label, after.pointer, 'path', before.pathItem, after.pathItem, PATH_ITEM_KEYWORDS);
}

function side(entry: PathEntry, method: string, operation: JsonObject): OperationSide {
  return {
    operation,
    pathItem: entry.pathItem,
    operationPointer: childPointer(entry.pointer, method),
    pathPointer: entry.pointer,
    template: entry.template,
  };
}

function compareTemplates(ctx: DiffContext, before: PathEntry, after: PathEntry): void {
  if (before.template === after.template) return;
  const [oldNames, newNames] = [templateParameters(before.template), templateParameters(after.template)];
  const renames = oldNames
    .map((name, i) => (name === newNames[i] ? '' : `\`${name}\` → \`${newNames[i]}\``))
    .filter(Boolean);
  ctx.report(
    'path-parameter-renamed',
    after.template,
    after.pointer,
    `path parameter renamed: ${renames.join(', ')} (${before.template} → ${after.template})`,
  );
}
