import { assertPositiveInteger } from './assert-number.js';

/** One page of a list: its records and, when the API says, how many there are in all. */
export interface Page<Item> {
  readonly items: readonly Item[];
  readonly total?: number | undefined;
}

export interface PaginateOptions {
  /** Records per page to ask for; a shorter page is the last one. */
  readonly perPage: number;
  /** The highest page number the API serves (Wootric: 30). Default: no limit. */
  readonly maxPages?: number;
}

/** The API's page ceiling keeps the rest of a list out of reach; narrow the query (filters) instead. */
export class PageLimitError extends Error {
  override readonly name = 'PageLimitError';
  constructor(
    readonly maxPages: number,
    readonly perPage: number,
    readonly total: number | undefined,
  ) {
    const reach = maxPages * perPage;
    const known =
      total === undefined ? `${reach} or more records (the last page it serves is full)` : `${total} records`;
    super(
      `The list has ${known}, but the API serves at most ${maxPages} pages of ${perPage} (${reach} records): narrow the query with filters.`,
    );
  }
}

export function assertPageSize(perPage: number, maxPages: number | undefined): void {
  assertPositiveInteger(perPage, 'perPage');
  if (maxPages !== undefined) assertPositiveInteger(maxPages, 'maxPages');
}

/**
 * Every record of a page-numbered list, page 1 first. `fetchPage(page)` returns the page's records
 * (a bare array) or `{ items, total }`. The walk stops at a short page or once `total` records
 * came. Past `maxPages` nothing can be fetched: a `PageLimitError` is thrown, before the first
 * record when `total` already shows it, else after the last reachable page, rather than ending
 * the list early without a word.
 */
export async function* paginate<Item>(
  fetchPage: (page: number) => Promise<Page<Item> | readonly Item[]>,
  options: PaginateOptions,
): AsyncGenerator<Item, void, undefined> {
  const { perPage, maxPages } = options;
  assertPageSize(perPage, maxPages);
  let count = 0;
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page);
    const { items, total } = Array.isArray(result)
      ? { items: result as readonly Item[], total: undefined }
      : (result as Page<Item>);
    if (page === 1 && total !== undefined && maxPages !== undefined && total > maxPages * perPage) {
      throw new PageLimitError(maxPages, perPage, total);
    }
    yield* items;
    count += items.length;
    if (items.length < perPage || items.length === 0) return;
    if (total !== undefined && count >= total) return;
    if (maxPages !== undefined && page >= maxPages) throw new PageLimitError(maxPages, perPage, total);
  }
}
