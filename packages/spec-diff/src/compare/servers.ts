import { asArray, asObject } from '../is-object.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';

const normalize = (url: unknown): string => String(url ?? '').replace(/\/+$/, '');

/** The document's servers: a client configured for a removed URL stops working. */
export function compareServers(ctx: DiffContext): void {
  const base = asArray(ctx.base.document.servers).map((s) => normalize(asObject(s).url));
  const head = asArray(ctx.head.document.servers).map((s) => normalize(asObject(s).url));
  base.forEach((url, index) => {
    if (!head.includes(url)) ctx.report('server-removed', null, `/servers/${index}`, `server ${url} removed`);
  });
  head.forEach((url, index) => {
    if (!base.includes(url)) ctx.report('server-added', null, `/servers/${index}`, `server ${url} added`);
  });
}

export function compareInfo(ctx: DiffContext): void {
  const base = asObject(ctx.base.document.info);
  const head = asObject(ctx.head.document.info);
  compareDocumentation(ctx, null, '/info', 'info', base, head, [
    'title',
    'description',
    'termsOfService',
    'contact',
    'license',
  ]);
}
