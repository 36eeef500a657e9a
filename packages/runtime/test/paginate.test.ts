import { describe, expect, it } from 'vitest';
import { paginate, PageLimitError } from '../src/index.js';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function pages(all: readonly number[], perPage: number, options: { withTotal?: boolean } = {}) {
  const asked: number[] = [];
  const fetchPage = async (page: number) => {
    asked.push(page);
    const items = all.slice((page - 1) * perPage, page * perPage);
    return options.withTotal ? { items, total: all.length } : items;
  };
  return { fetchPage, asked };
}

async function collect<T>(iterator: AsyncIterable<T>) {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

describe('paginate', () => {
  it.each([
    ['a bare array list, a short last page', 120, false, [1, 2, 3]],
    ['a bare array list ending on a full page (one empty page more)', 100, false, [1, 2, 3]],
    ['a { total, items } list, stopping at the total', 100, true, [1, 2]],
    ['an empty list', 0, false, [1]],
  ])('yields every record of %s', async (_name, size, withTotal, expectedPages) => {
    const { fetchPage, asked } = pages(numbers(size), 50, { withTotal });
    expect(await collect(paginate(fetchPage, { perPage: 50, maxPages: 30 }))).toEqual(numbers(size));
    expect(asked).toEqual(expectedPages);
  });

  it('throws PageLimitError after the last page it may fetch, when that page was full', async () => {
    const { fetchPage, asked } = pages(numbers(200), 50);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const n of paginate(fetchPage, { perPage: 50, maxPages: 3 })) seen.push(n);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageLimitError);
    expect((error as Error).message).toBe(
      'The list has 150 or more records (the last page it serves is full), but the API serves at most 3 pages of 50 (150 records): narrow the query with filters.',
    );
    expect([seen.length, asked]).toEqual([150, [1, 2, 3]]);
  });

  it('throws before the first record when the total already shows the list is out of reach', async () => {
    const { fetchPage } = pages(numbers(2000), 50, { withTotal: true });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const n of paginate(fetchPage, { perPage: 50, maxPages: 30 })) seen.push(n);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PageLimitError', total: 2000 });
    expect(seen).toEqual([]);
  });

  it.each([
    [{ perPage: 0 }, /"perPage" must be a positive integer, got 0/],
    [{ perPage: 50, maxPages: 1.5 }, /"maxPages" must be a positive integer, got 1.5/],
  ])('refuses %o', async (options, message) => {
    await expect(paginate(async () => [], options).next()).rejects.toThrow(message);
  });
});
