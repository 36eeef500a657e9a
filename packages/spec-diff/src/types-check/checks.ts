import { asObject, isObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import { parseMediaType } from '../compare/media-type-names.js';
import { normalizePath, operationLabel, operationsOf, type PathEntry, pathEntries } from '../compare/paths.js';
import type { Resolve } from '../compare/resolve.js';

/** One assignment the compiler checks: code written against the old types against the new ones. */
export interface TypeCheck {
  operation: string;
  /** What is checked: `query parameters`, `response 200 application/json`, … */
  where: string;
  pointer: string;
  /** A statement assigning a value of one type to a variable of the other. */
  code: string;
}

interface Side {
  type: string;
  operation: JsonObject;
  pointer: string;
}

interface Pair {
  label: string;
  base: Side;
  head: Side;
}

const LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;
const key = JSON.stringify;

/** `const v: To = value<From>();`: a value of the old type where the new one is expected, or back. */
const assign = (to: string, from: string): string => `{ const v: ${to} = value<${from}>(); }`;

/**
 * The checks for the operations (and webhooks) both versions have, limited to `labels` when given:
 * every request value the old types allow is allowed by the new ones (parameters, body per media
 * type, a body becoming required), every response the new types describe is one the old ones
 * describe (per status and media type, headers, and the union of success bodies when the success
 * statuses change). A webhook payload is received, so it is checked like a response.
 */
export function typeChecks(
  base: JsonObject,
  head: JsonObject,
  resolve: { base: Resolve; head: Resolve },
  labels?: ReadonlySet<string>,
): TypeCheck[] {
  const checks: TypeCheck[] = [];
  for (const pair of pairs(base, head, resolve)) {
    if (labels && !labels.has(pair.label)) continue;
    const add = (where: string, pointer: string, code: string): void =>
      void checks.push({ operation: pair.label, where, pointer, code });
    const [O, N] = [pair.base.type, pair.head.type];
    const webhook = pair.label.startsWith('WEBHOOK ');
    if (!webhook) {
      for (const location of LOCATIONS)
        add(
          `${location} parameters`,
          `${pair.head.pointer}/parameters`,
          assign(`${N}["parameters"][${key(location)}]`, `${O}["parameters"][${key(location)}]`),
        );
      add(
        'request body',
        `${pair.head.pointer}/requestBody`,
        assign(`${N}["requestBody"]`, `Extract<${O}["requestBody"], undefined>`),
      );
    }
    const [baseBody, headBody] = [
      asObject(resolve.base(pair.base.operation.requestBody)),
      asObject(resolve.head(pair.head.operation.requestBody)),
    ];
    for (const [b, h] of commonMediaTypes(baseBody.content, headBody.content)) {
      const [from, to] = [
        `NonNullable<${O}["requestBody"]>["content"][${key(b)}]`,
        `NonNullable<${N}["requestBody"]>["content"][${key(h)}]`,
      ];
      const where = `${webhook ? 'webhook payload' : 'request body'} ${h}`;
      add(
        where,
        childPointer(pair.head.pointer, 'requestBody', 'content', h, 'schema'),
        webhook ? assign(from, to) : assign(to, from),
      );
    }
    if (!webhook) responseChecks(pair, resolve, add);
  }
  return checks;
}

function responseChecks(
  pair: Pair,
  resolve: { base: Resolve; head: Resolve },
  add: (where: string, pointer: string, code: string) => void,
): void {
  const [O, N] = [pair.base.type, pair.head.type];
  const [before, after] = [asObject(pair.base.operation.responses), asObject(pair.head.operation.responses)];
  for (const status of Object.keys(before)) {
    if (!(status in after) || status.startsWith('x-')) continue;
    const [b, h] = [asObject(resolve.base(before[status])), asObject(resolve.head(after[status]))];
    const [from, to] = [`${O}["responses"][${key(status)}]`, `${N}["responses"][${key(status)}]`];
    const pointer = childPointer(pair.head.pointer, 'responses', status);
    if (isObject(b.headers) || isObject(h.headers))
      add(`response ${status} headers`, `${pointer}/headers`, assign(`${from}["headers"]`, `${to}["headers"]`));
    for (const [bm, hm] of commonMediaTypes(b.content, h.content))
      add(
        `response ${status} ${hm}`,
        childPointer(pointer, 'content', hm, 'schema'),
        assign(`${from}["content"][${key(bm)}]`, `${to}["content"][${key(hm)}]`),
      );
  }
  const success = (responses: JsonObject): string =>
    Object.keys(responses)
      .filter((s) => s.startsWith('2'))
      .sort()
      .join();
  if (success(before) !== success(after))
    add('success responses', `${pair.head.pointer}/responses`, assign(`SuccessBody<${O}>`, `SuccessBody<${N}>`));
}

/** The media types both contents have, as each names them. */
function commonMediaTypes(before: unknown, after: unknown): Array<[string, string]> {
  const head = new Map(Object.keys(asObject(after)).map((m) => [parseMediaType(m).full, m]));
  return Object.keys(asObject(before)).flatMap((m) => {
    const match = head.get(parseMediaType(m).full);
    return match ? [[m, match] as [string, string]] : [];
  });
}

function pairs(base: JsonObject, head: JsonObject, resolve: { base: Resolve; head: Resolve }): Pair[] {
  const result: Pair[] = [];
  for (const [container, kind, type, normalize] of [
    ['paths', 'operation', 'Old', normalizePath],
    ['webhooks', 'webhook', 'OldHooks', (k: string) => k],
  ] as const) {
    const heads = pathEntries(head[container], `/${container}`, resolve.head, normalize);
    for (const [normalized, before] of pathEntries(base[container], `/${container}`, resolve.base, normalize)) {
      const after = heads.get(normalized);
      if (!after) continue;
      const headOperations = new Map(operationsOf(after.pathItem));
      for (const [method, operation] of operationsOf(before.pathItem)) {
        const headOperation = headOperations.get(method);
        if (!headOperation) continue;
        const side = (entry: PathEntry, types: string, op: JsonObject): Side => ({
          type: `${types}[${key(entry.template)}][${key(method)}]`,
          operation: op,
          pointer: childPointer(entry.pointer, method),
        });
        result.push({
          label: operationLabel(kind, method, after.template),
          base: side(before, type, operation),
          head: side(after, type.replace('Old', 'New'), headOperation),
        });
      }
    }
  }
  return result;
}

/** The head of the checked file: the two generated modules and the helpers the checks use. */
export const CHECK_PRELUDE = [
  'import type { paths as Old, webhooks as OldHooks } from "./old";',
  'import type { paths as New, webhooks as NewHooks } from "./new";',
  'declare function value<T>(): T;',
  'type Bodies<C> = C extends { content: infer M } ? M[keyof M] : never;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source for the checked file, not a template.
  'type SuccessBody<Op> = Op extends { responses: infer R } ? { [S in keyof R]: `${S & (string | number)}` extends `2${string}` ? Bodies<R[S]> : never }[keyof R] : never;',
];
