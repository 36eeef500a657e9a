import { sameJson } from '../canonical-json.js';
import { asArray, asObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';

const normalize = (url: unknown): string => String(url ?? '').replace(/\/+$/, '');

/** What a server holds besides its URL and its variables (compared one by one). */
const SERVER_KEYWORDS = new Set(['url', 'description', 'variables']);
/** A server variable's `enum` and `default` are reported as not compared. */
const VARIABLE_KEYWORDS = new Set(['description']);

/** The document's servers: a client configured for a removed URL stops working. */
export function compareServers(ctx: DiffContext): void {
  const base = asArray(ctx.base.document.servers).map(asObject);
  const head = asArray(ctx.head.document.servers).map(asObject);
  const headUrls = head.map((s) => normalize(s.url));
  const baseUrls = base.map((s) => normalize(s.url));
  base.forEach((server, index) => {
    const match = headUrls.indexOf(baseUrls[index]!);
    if (match < 0) ctx.report('server-removed', null, `/servers/${index}`, `server ${baseUrls[index]} removed`);
    else compareServer(ctx, `/servers/${match}`, `server ${headUrls[match]}`, server, head[match]!);
  });
  headUrls.forEach((url, index) => {
    if (!baseUrls.includes(url)) ctx.report('server-added', null, `/servers/${index}`, `server ${url} added`);
  });
}

function compareServer(ctx: DiffContext, pointer: string, where: string, before: JsonObject, after: JsonObject): void {
  compareDocumentation(ctx, null, pointer, where, before, after, ['description']);
  ctx.reportRemaining(null, pointer, where, before, after, SERVER_KEYWORDS);
  compareVariables(ctx, pointer, where, asObject(before.variables), asObject(after.variables));
}

/**
 * The variables of a server whose URL template stayed: each one's description and extensions (an
 * `x-required` judged by the extension table, as the others). A variable added or removed under the
 * same template is a change to `variables` that spec-diff does not compare.
 */
function compareVariables(ctx: DiffContext, pointer: string, where: string, before: JsonObject, after: JsonObject) {
  const names = Object.keys(before);
  if (!sameJson(names.sort(), Object.keys(after).sort())) {
    ctx.reportRemaining(null, pointer, where, { variables: before }, { variables: after }, NONE);
    return;
  }
  for (const name of names) {
    const at = childPointer(pointer, 'variables', name);
    const [was, is] = [asObject(before[name]), asObject(after[name])];
    compareDocumentation(ctx, null, at, `${where} variable \`${name}\``, was, is, ['description']);
    ctx.reportRemaining(null, at, `${where} variable \`${name}\``, was, is, VARIABLE_KEYWORDS);
  }
}

const NONE = new Set<string>();
