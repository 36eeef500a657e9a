// Reads a form body the way Rack 3 (`Rack::QueryParser#_normalize_params`) does, so that URL-encoded
// webhook payloads and test servers see exactly what a Rails app would. Keys are set as own
// properties and looked up with Object.hasOwn: a `__proto__[x]=1` field cannot reach a prototype.

export type RailsParamValue = string | RailsParams | RailsParamValue[];
export interface RailsParams {
  [key: string]: RailsParamValue;
}

const maxDepth = 32;

const own = (params: RailsParams, key: string): RailsParamValue | undefined =>
  Object.hasOwn(params, key) ? params[key] : undefined;
const assign = (params: RailsParams, key: string, value: RailsParamValue): void => {
  Object.defineProperty(params, key, { value, enumerable: true, writable: true, configurable: true });
};
const isHash = (value: unknown): value is RailsParams =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rack's `params_hash_has_key?`: does the path `key` (`a`, `[a][b]`) already exist in `hash`? */
function hasKeyPath(hash: RailsParams, key: string): boolean {
  if (key.includes('[]')) return false;
  let current: RailsParamValue = hash;
  for (const part of key.split(/[[\]]+/)) {
    if (part === '') continue;
    if (!isHash(current) || !Object.hasOwn(current, part)) return false;
    current = current[part]!;
  }
  return true;
}

function normalize(params: RailsParams, name: string, value: string, depth: number): RailsParamValue | undefined {
  if (depth >= maxDepth) throw new RangeError(`Form field "${name}" is nested more than ${maxDepth} levels deep`);
  let key: string;
  let after: string;
  const close = name.indexOf(']', 1);
  if (depth === 0) {
    const start = name.indexOf('[', 1);
    [key, after] = start > 0 ? [name.slice(0, start), name.slice(start)] : [name, ''];
  } else if (name.startsWith('[]')) {
    [key, after] = ['[]', name.slice(2)];
  } else if (name.startsWith('[') && close > 0) {
    [key, after] = [name.slice(1, close), name.slice(close + 1)];
  } else {
    [key, after] = [name, ''];
  }
  if (key === '') return undefined;

  if (after === '') {
    if (key === '[]' && depth !== 0) return [value];
    assign(params, key, value);
  } else if (after === '[') {
    assign(params, name, value);
  } else if (after === '[]') {
    const list = own(params, key) ?? [];
    if (!Array.isArray(list)) throw new TypeError(`Form field "${name}": expected an array for "${key}"`);
    list.push(value);
    assign(params, key, list);
  } else if (after.startsWith('[]')) {
    // `x[][y]` is a hash inside an array; anything else after `[]` nests further.
    const simple = /^\[\]\[([^[\]]+)\]$/.exec(after);
    const childKey = simple ? simple[1]! : after.slice(2);
    const list = own(params, key) ?? [];
    if (!Array.isArray(list)) throw new TypeError(`Form field "${name}": expected an array for "${key}"`);
    const last = list[list.length - 1];
    if (isHash(last) && !hasKeyPath(last, childKey)) {
      normalize(last, childKey, value, depth + 1);
    } else {
      const child = normalize(Object.create(Object.prototype) as RailsParams, childKey, value, depth + 1);
      if (child !== undefined) list.push(child);
    }
    assign(params, key, list);
  } else {
    const hash = own(params, key) ?? {};
    if (!isHash(hash)) throw new TypeError(`Form field "${name}": expected a hash for "${key}"`);
    assign(params, key, hash);
    normalize(hash, after, value, depth + 1);
  }
  return params;
}

/**
 * The params a Rails app reads from a form body (`application/x-www-form-urlencoded` text or its
 * URLSearchParams): `a[b]=1&c[]=2&d[][e]=3` → `{ a: { b: '1' }, c: ['2'], d: [{ e: '3' }] }`.
 * Every value is a string; a field that contradicts an earlier one (`a=1&a[b]=2`) is a TypeError.
 */
export function parseRailsForm(body: string | URLSearchParams): RailsParams {
  const params: RailsParams = {};
  const entries = typeof body === 'string' ? new URLSearchParams(body) : body;
  for (const [name, value] of entries) normalize(params, name, value, 0);
  return params;
}
