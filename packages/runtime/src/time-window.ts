import { assertPageSize } from './paginate.js';

export interface TimeWindowPage {
  readonly page: number;
  /** Inclusive lower bound of the window (`created[gte]`), in the unit `timeOf` returns; undefined for the first window. */
  readonly since: number | undefined;
}

export interface TimeWindowOptions<Item> {
  /** Records per page (Wootric: 50). */
  readonly perPage: number;
  /** The highest page number the API serves (Wootric: 30). */
  readonly maxPages: number;
  /** The record's sort time, e.g. `created_at` in UNIX seconds; pages come sorted by it, ascending. */
  readonly timeOf: (item: Item) => number;
  /** The record's unique id. */
  readonly idOf: (item: Item) => string | number;
  /** Start at this time (inclusive) instead of the list's beginning. */
  readonly since?: number;
}

/** More records share one time than the API lets a client page through: they cannot all be read. */
export class TimeWindowError extends Error {
  override readonly name = 'TimeWindowError';
  constructor(
    message: string,
    readonly time: number,
  ) {
    super(message);
  }
}

/**
 * Every record of a list that serves at most `maxPages` pages, sorted by time ascending, with an
 * inclusive lower bound on that time (Wootric's `created[gte]`): pages 1 to `maxPages` of a window,
 * then a new window starting at the time of the last record seen. Records at that exact time
 * were partly seen already; they come again at the start of the new window and are skipped by id.
 * So no record is skipped or repeated, provided the API orders records of equal time the same way
 * on every request and no more than `maxPages × perPage` records share one time: such a group
 * cannot be paged through and a `TimeWindowError` says so instead of looping.
 */
export async function* paginateByTimeWindow<Item>(
  fetchPage: (request: TimeWindowPage) => Promise<readonly Item[]>,
  options: TimeWindowOptions<Item>,
): AsyncGenerator<Item, void, undefined> {
  const { perPage, maxPages, timeOf, idOf } = options;
  assertPageSize(perPage, maxPages);
  let since = options.since;
  // Ids already yielded whose time equals `since`.
  let seenAtSince = new Set<string | number>();

  for (;;) {
    let firstTime: number | undefined;
    let lastTime: number | undefined;
    let idsAtLast = new Set<string | number>(seenAtSince);
    for (let page = 1; page <= maxPages; page += 1) {
      const items = await fetchPage({ page, since });
      for (const item of items) {
        const time = timeOf(item);
        const id = idOf(item);
        if (!Number.isFinite(time)) throw new TypeError(`Record ${id} has no usable time (${String(time)}) to page by`);
        if ((since !== undefined && time < since) || (lastTime !== undefined && time < lastTime)) {
          throw new TimeWindowError(
            `The API returned record ${id} out of order (time ${time}): pages must be sorted by time, ascending, from ${since ?? 'the start'}`,
            time,
          );
        }
        firstTime ??= time;
        if (time !== lastTime) {
          lastTime = time;
          idsAtLast = time === since ? new Set(seenAtSince) : new Set();
        }
        if (idsAtLast.has(id)) continue;
        idsAtLast.add(id);
        yield item;
      }
      if (items.length < perPage) return;
    }
    // Every page of the window was full: slide the window to the last time seen.
    if (lastTime === firstTime) {
      throw new TimeWindowError(
        `At least ${maxPages * perPage} records share the time ${lastTime}: the API serves ${maxPages} pages of ${perPage} per query, so the rest of them cannot be reached.`,
        lastTime!,
      );
    }
    since = lastTime;
    seenAtSince = idsAtLast;
  }
}
