// Paging by a one-based `pageIndex` query parameter over replies shaped like a Spring Data `Page`
// (`number` zero-based, `totalPages`, `content`). Nothing here is CloudCX-specific.

import { assertPositiveInteger } from '@oapi/runtime';

/** The part of a Spring Data `Page` that paging needs. */
export interface IndexedPage<Item> {
  readonly totalPages: number;
  /** Zero-based: the page asked for with `pageIndex = number + 1`. */
  readonly number: number;
  readonly content: readonly Item[];
}

/** The server answered a page other than the one asked for: going on would skip or repeat items. */
export class PaginationError extends Error {
  override readonly name = 'PaginationError';
  constructor(
    message: string,
    readonly pageIndex: number,
  ) {
    super(message);
  }
}

export interface PageIndexOptions {
  /** The one-based page to start at (to resume). Default 1. */
  readonly firstPageIndex?: number | undefined;
  /** Names the operation in errors: `GET /openapi/v2/user/page`. */
  readonly operation: string;
}

/**
 * Every page, in order, fetched one at a time: pageIndex 1, 2, … until the reply says it is the
 * last (`pageIndex >= totalPages`) or comes back empty. A reply whose `number` is not
 * `pageIndex - 1` stops the walk with a PaginationError instead of silently repeating a page.
 */
export async function* pagesByIndex<Page extends IndexedPage<unknown>>(
  fetchPage: (pageIndex: number) => Promise<Page>,
  options: PageIndexOptions,
): AsyncGenerator<Page, void, undefined> {
  const { firstPageIndex = 1 } = options;
  assertPositiveInteger(firstPageIndex, 'firstPageIndex');
  for (let pageIndex = firstPageIndex; ; pageIndex += 1) {
    const page = await fetchPage(pageIndex);
    if (page.number !== pageIndex - 1) {
      throw new PaginationError(
        `${options.operation} answered page number ${page.number} for pageIndex=${pageIndex}; expected ${pageIndex - 1} ` +
          '(pageIndex is one-based, number zero-based). Stopping rather than skipping or repeating items.',
        pageIndex,
      );
    }
    yield page;
    if (page.content.length === 0 || pageIndex >= page.totalPages) return;
  }
}

/** The items of every page, in order. */
export async function* itemsOf<Item>(pages: AsyncIterable<IndexedPage<Item>>): AsyncGenerator<Item, void, undefined> {
  for await (const page of pages) yield* page.content;
}
