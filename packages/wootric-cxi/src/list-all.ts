import { paginate } from '@oapi/runtime';
import type { WootricCxiClient } from './client.js';
import type { paths } from './generated/openapi.js';
import { provider } from './generated/provider.js';
import { unwrap } from './errors.js';

/** The paged lists: `/v1/responses` answers `{ total_count, items }`, the others bare arrays. */
export type PagedListPath = '/v1/tags' | '/v1/imports' | '/v1/responses';

type Answer<P extends PagedListPath> = paths[P]['get']['responses'][200]['content']['application/json'];
export type CxiListItem<P extends PagedListPath> =
  Answer<P> extends ReadonlyArray<infer Item>
    ? Item
    : Answer<P> extends { items: ReadonlyArray<infer Item> }
      ? Item
      : never;
type Query<P extends PagedListPath> = NonNullable<paths[P]['get']['parameters']['query']>;

/** The spec's `x-pagination`: the CXI lists serve pages 1 to 30 of at most 50 records. */
const { maxSize: perPage, maxPage: maxPages } = provider.pagination;

/**
 * Every record of a paged CXI list, page by page (50 a page). Past the 30-page ceiling nothing can
 * be fetched: a `PageLimitError` is thrown (before the first record for `/v1/responses`, whose
 * `total_count` shows it) instead of ending the list early.
 *
 * ```ts
 * for await (const tag of listAll(cxi, '/v1/tags', { query: { flat: true } })) console.log(tag.name);
 * ```
 */
export function listAll<P extends PagedListPath>(
  client: WootricCxiClient,
  path: P,
  params: { readonly query?: Omit<Query<P>, 'page' | 'per_page'> } = {},
): AsyncGenerator<CxiListItem<P>, void, undefined> {
  const get = client.GET as unknown as (
    path: string,
    init: unknown,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  return paginate<CxiListItem<P>>(
    async (page) => {
      const data = unwrap(await get(path, { params: { query: { ...params.query, page, per_page: perPage } } }));
      if (Array.isArray(data)) return data as CxiListItem<P>[];
      const { items, total_count: total } = data as { items: CxiListItem<P>[]; total_count: number };
      return { items, total };
    },
    { perPage, maxPages },
  );
}
