import { asArray, asObject } from '../is-object.js';
import { childPointer } from '../json-pointer.js';
import type { JsonObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compareDocumentation } from './documentation.js';

/**
 * What the document says outside its paths: info, tags, and the keywords of the root, Paths and
 * Components objects that no other comparison covers (`jsonSchemaDialect`, extensions).
 * `info.version` is not compared: the release a change needs is what spec-diff works out.
 */
export function compareDocument(ctx: DiffContext): void {
  const [base, head] = [ctx.base.document, ctx.head.document];
  const info = [asObject(base.info), asObject(head.info)] as const;
  compareDocumentation(ctx, null, '/info', 'info', ...info, INFO_DOCS);
  ctx.reportRemaining(null, '/info', 'info', ...info, INFO_KEYWORDS);
  compareDocumentation(ctx, null, '', 'document', base, head, ['externalDocs']);
  compareTags(ctx);
  ctx.reportRemaining(null, '', 'document', base, head, ROOT_KEYWORDS);
  ctx.reportRemaining(null, '/paths', 'paths', extensions(base.paths), extensions(head.paths), NONE);
  ctx.reportRemaining(
    null,
    '/components',
    'components',
    extensions(base.components),
    extensions(head.components),
    NONE,
  );
}

const INFO_DOCS = ['title', 'summary', 'description', 'termsOfService', 'contact', 'license', 'externalDocs'];
const INFO_KEYWORDS = new Set([...INFO_DOCS, 'version']);
const ROOT_KEYWORDS = new Set([
  'openapi',
  'info',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
]);
const TAG_KEYWORDS = new Set(['name', 'description', 'externalDocs']);
const NONE = new Set<string>();

function extensions(object: unknown): JsonObject {
  return Object.fromEntries(Object.entries(asObject(object)).filter(([key]) => key.startsWith('x-')));
}

/** Tags by name: what each says, a tag added or removed is documentation. */
function compareTags(ctx: DiffContext): void {
  const byName = (tags: unknown): Map<string, [number, JsonObject]> =>
    new Map(asArray(tags).map((tag, i) => [String(asObject(tag).name), [i, asObject(tag)]]));
  const [base, head] = [byName(ctx.base.document.tags), byName(ctx.head.document.tags)];
  for (const name of new Set([...base.keys(), ...head.keys()])) {
    const [before, after] = [base.get(name), head.get(name)];
    const pointer = childPointer('/tags', (after ?? before)![0]);
    const where = `tag \`${name}\``;
    if (!before || !after) {
      ctx.report('documentation-changed', null, pointer, `${where} ${after ? 'added' : 'removed'}`);
      continue;
    }
    compareDocumentation(ctx, null, pointer, where, before[1], after[1], ['description', 'externalDocs']);
    ctx.reportRemaining(null, pointer, where, before[1], after[1], TAG_KEYWORDS);
  }
}
