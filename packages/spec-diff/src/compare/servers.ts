import { asArray, asObject } from '../is-object.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';

const normalize = (url: unknown): string => String(url ?? '').replace(/\/+$/, '');

/** What a server holds besides its URL; `variables` is reported as not compared. */
const SERVER_KEYWORDS = new Set(['url', 'description']);

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
}
