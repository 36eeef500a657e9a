import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Prism reads form bodies as OpenAPI deepObject fields: `a[b]=` and indexed arrays `a[0]=`. It
// reads a Rails array `a[]=x` as an empty array and never looks at its values, and it cannot read
// an array of hashes in any spelling. So that Prism validates what a Rails server would parse from
// a client's form body, the body is parsed as Rack does and spelled again the way Prism reads it.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fields(name: string, value: unknown, out: URLSearchParams): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (isRecord(item) || Array.isArray(item)) {
        throw new Error(
          `Prism cannot read "${name}[]" (an array of hashes or arrays) in a form body: check it against a stateful fake instead`,
        );
      }
      fields(`${name}[${index}]`, item, out);
    });
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) fields(`${name}[${key}]`, child, out);
  } else {
    out.append(name, String(value));
  }
}

/** Parsed form params spelled as OpenAPI deepObject fields with indexed arrays. */
export function deepObjectForm(params: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) fields(key, value, out);
  return out.toString();
}

/**
 * A fetch that re-spells every `application/x-www-form-urlencoded` body for Prism: parsed with
 * `parse` (a Rack-faithful parser), written with `deepObjectForm`. `wireBodies` keeps each body as
 * the client sent it, for assertions on the real spelling.
 */
export function prismFormDialect(fetch: typeof globalThis.fetch, parse: (body: string) => Record<string, unknown>) {
  const wireBodies: string[] = [];
  const dialectFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.headers.get('content-type') !== 'application/x-www-form-urlencoded') return fetch(request);
    const body = await request.text();
    wireBodies.push(body);
    return fetch(new Request(request, { body: deepObjectForm(parse(body)) }));
  };
  return { fetch: dialectFetch as typeof globalThis.fetch, wireBodies };
}

type Json = Record<string, unknown>;

/**
 * A copy of a bundled spec (its `.json` beside the given file) for Prism: every array property of a
 * form body that says `x-bracket-notation: rails` gets `style: deepObject` in its `encoding`, the
 * only spelling in which Prism reads arrays (`a[0]=`) and checks their items. OpenAPI leaves
 * deepObject undefined for arrays, so the spec itself declares no style for them; the test fills
 * the gap for Prism alone, and `prismFormDialect` spells the client's bodies to match.
 */
export function prismRailsFormSpec(specFile: string): string {
  const spec = JSON.parse(readFileSync(specFile.replace(/\.ya?ml$/, '.json'), 'utf8')) as Json;
  const resolve = (node: unknown): Json | undefined => {
    let current = node;
    for (let hops = 0; isRecord(current) && typeof current.$ref === 'string' && hops < 20; hops += 1) {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce<unknown>(
          (at, key) => (isRecord(at) ? at[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
          spec,
        );
    }
    return isRecord(current) ? current : undefined;
  };
  const arrayProperties = (schema: Json | undefined, seen = new Set<Json>()): string[] => {
    if (!schema || seen.has(schema)) return [];
    seen.add(schema);
    const own = Object.entries(isRecord(schema.properties) ? schema.properties : {})
      .filter(([, property]) => resolve(property)?.type === 'array')
      .map(([name]) => name);
    const parts = ['oneOf', 'anyOf', 'allOf'].flatMap((key) => (Array.isArray(schema[key]) ? schema[key] : []));
    return [...own, ...parts.flatMap((part) => arrayProperties(resolve(part), seen))];
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isRecord(node)) return;
    if (node['x-bracket-notation'] === 'rails') {
      const encoding = isRecord(node.encoding) ? node.encoding : {};
      for (const name of arrayProperties(resolve(node.schema)))
        encoding[name] ??= { style: 'deepObject', explode: true };
      node.encoding = encoding;
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(spec);
  const file = join(mkdtempSync(join(tmpdir(), 'prism-spec-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}
