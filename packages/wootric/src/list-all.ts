import { paginateByTimeWindow } from '@oapi/runtime';
import type { WootricClient } from './client.js';
import { wootricEpochSeconds } from './date-time.js';
import type { paths } from './generated/openapi.js';
import { provider } from './generated/provider.js';
import { unwrap } from './errors.js';

/** The list endpoints that take a `created` filter, and so can be walked past 1,500 records. */
export type WindowedListPath = {
  [P in keyof paths]: paths[P] extends { get: { parameters: { query?: { created?: unknown } } } } ? P : never;
}[keyof paths];

type ListOperation<P extends WindowedListPath> = paths[P]['get'];
export type ListItem<P extends WindowedListPath> =
  ListOperation<P> extends { responses: { 200: { content: { 'application/json': Array<infer Item> } } } }
    ? Item
    : never;
type Query<P extends WindowedListPath> = NonNullable<ListOperation<P>['parameters']['query']>;

export type ListAllParams<P extends WindowedListPath> = {
  /** Filters; paging and sorting belong to the walk. `created` bounds the walk (`gt`/`gte` start it, `lt`/`lte` end it). */
  readonly query?: Omit<Query<P>, 'page' | 'per_page' | 'sort_order' | 'sort_key'>;
} & (ListOperation<P>['parameters'] extends { path: infer Path } ? { readonly path: Path } : { readonly path?: never });

/** Lists documented (end users) or observed (responses, declines) to take `sort_key=created_at`. */
const takesSortKey = new Set<string>(['/v1/end_users', '/v1/responses', '/v1/declines']);

/** The spec's `x-pagination`: at most 30 pages of at most 50 records per query. */
const { maxSize: perPage, maxPage: maxPages } = provider.pagination;

type TimeFilter = { eq?: number; lt?: number; lte?: number; gt?: number; gte?: number };

/**
 * Every record of a list, oldest first: pages of 50 sorted by `created_at`, and past the API's
 * 30-page ceiling a new `created[gte]` window from the last record's time, skipping (by id) the
 * records of that second already yielded. No record is skipped or repeated, unless more than
 * 1,500 records share one second: then a `TimeWindowError` says so (narrow the query).
 *
 * ```ts
 * for await (const response of listAll(wootric, '/v1/responses', { query: { created: { gte: 1704067200 } } })) {
 *   console.log(response.id, response.score);
 * }
 * ```
 */
export function listAll<P extends WindowedListPath>(
  client: WootricClient,
  path: P,
  params?: ListAllParams<P>,
): AsyncGenerator<ListItem<P>, void, undefined> {
  const { created = {}, ...filters } = (params?.query ?? {}) as { created?: TimeFilter } & Record<string, unknown>;
  const { gt, gte, ...upperBounds } = created;
  const since = gte ?? (gt === undefined ? undefined : gt + 1);
  const get = client.GET as unknown as (
    path: string,
    init: unknown,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  return paginateByTimeWindow<ListItem<P>>(
    async ({ page, since: from }) => {
      const createdFilter: TimeFilter = from === undefined ? upperBounds : { ...upperBounds, gte: from };
      const query = {
        ...filters,
        ...(Object.keys(createdFilter).length > 0 ? { created: createdFilter } : {}),
        page,
        per_page: perPage,
        sort_order: 'asc',
        ...(takesSortKey.has(path) ? { sort_key: 'created_at' } : {}),
      };
      return unwrap(
        await get(path, { params: { ...(params?.path ? { path: params.path } : {}), query } }),
      ) as ListItem<P>[];
    },
    {
      perPage,
      maxPages,
      ...(since === undefined ? {} : { since }),
      timeOf: (item) => wootricEpochSeconds((item as { created_at: string }).created_at),
      idOf: (item) => (item as { id: number }).id,
    },
  );
}
