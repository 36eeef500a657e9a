import { InputError } from '../errors.js';
import { isObject } from '../is-object.js';
import { getAtPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';

export type Resolve = (node: unknown) => unknown;

const MAX_HOPS = 64;

/**
 * Follows local `$ref`s of a bundled document. Sibling keywords beside a `$ref` (OpenAPI 3.1) override
 * the target's. A `$ref` that resolves nowhere is an input error naming the document.
 */
export function createResolver(document: unknown, label: string): Resolve {
  const targets = new Map<string, unknown>();
  const lookup = (ref: string): unknown => {
    if (targets.has(ref)) return targets.get(ref);
    if (!ref.startsWith('#'))
      throw new InputError(label, `$ref "${ref}" points outside the document and was not bundled`);
    const target = getAtPointer(document, decodeURIComponent(ref.slice(1)));
    if (target === undefined) throw new InputError(label, `$ref "${ref}" does not resolve`);
    targets.set(ref, target);
    return target;
  };
  return (node) => {
    let current = node;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops += 1) {
      if (hops === MAX_HOPS) throw new InputError(label, `$ref "${current.$ref}" loops`);
      const target = lookup(current.$ref);
      current = Object.keys(current).length > 1 ? withSiblings(target, current) : target;
    }
    return current;
  };
}

function withSiblings(target: unknown, refNode: JsonObject): unknown {
  if (!isObject(target)) return target;
  const { $ref: _ref, ...siblings } = refNode;
  return { ...target, ...siblings };
}

/** The `$ref` string of a node that is a pure reference, for memoizing comparisons of shared components. */
export function pureRef(node: unknown): string | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
  return Object.keys(node).length === 1 ? node.$ref : undefined;
}
