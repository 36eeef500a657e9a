// The time-window walk against an in-memory list that behaves like Wootric's: sorted by time
// ascending (ties in a fixed but arbitrary order), `since` inclusive, at most 30 pages of 50.
import { describe, expect, it } from 'vitest';
import { paginateByTimeWindow, TimeWindowError, type TimeWindowPage } from '../src/index.js';

interface Row {
  readonly id: number;
  readonly time: number;
}

/** Rows with the given group sizes: every row of a group shares one time. */
function rows(groupSizes: readonly number[]): Row[] {
  const out: Row[] = [];
  let time = 1_600_000_000;
  for (const size of groupSizes) {
    for (let i = 0; i < size; i += 1) out.push({ id: out.length + 1, time });
    time += 1 + (size % 3);
  }
  return out;
}

function list(all: readonly Row[], perPage = 50, maxPages = 30) {
  // Ties ordered by a scramble of the id: fixed across requests, unrelated to insertion order.
  const sorted = [...all].sort((a, b) => a.time - b.time || ((a.id * 7919) % 4001) - ((b.id * 7919) % 4001));
  const requests: TimeWindowPage[] = [];
  const served = { rows: 0 };
  const fetchPage = async (request: TimeWindowPage) => {
    requests.push(request);
    if (request.page > maxPages) throw new Error(`page ${request.page} is above ${maxPages}`);
    const window = sorted.filter((row) => request.since === undefined || row.time >= request.since);
    const page = window.slice((request.page - 1) * perPage, request.page * perPage);
    served.rows += page.length;
    return page;
  };
  return { fetchPage, requests, served };
}

async function collect(all: readonly Row[], options: { since?: number } = {}) {
  const { fetchPage, requests, served } = list(all);
  const seen: Row[] = [];
  const walk = paginateByTimeWindow(fetchPage, {
    perPage: 50,
    maxPages: 30,
    timeOf: (r) => r.time,
    idOf: (r) => r.id,
    ...options,
  });
  let error: unknown;
  try {
    for await (const row of walk) seen.push(row);
  } catch (e) {
    error = e;
  }
  return { seen, requests, error, served: served.rows };
}

const ids = (rowsSeen: readonly Row[]) => rowsSeen.map((r) => r.id).sort((a, b) => a - b);

describe('paginateByTimeWindow', () => {
  it('yields each of 4,000 records once, with many equal times across page and window boundaries', async () => {
    const sizes = Array.from({ length: 400 }, (_, i) => [1, 3, 7, 49, 51, 2, 120, 13, 1, 6][i % 10]!);
    const all = rows(sizes).slice(0, 4000);
    expect(all).toHaveLength(4000);
    const { seen, requests, error, served } = await collect(all);
    expect(error).toBeUndefined();
    expect(ids(seen)).toEqual(all.map((r) => r.id));
    expect(seen.map((r) => r.time)).toEqual([...seen.map((r) => r.time)].sort((a, b) => a - b));
    // The walk really slid: several windows, each restarting at the last time of the previous one.
    const windows = requests.filter((r) => r.page === 1).map((r) => r.since);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(requests.every((r) => r.page <= 30)).toBe(true);
    // Each new window served again the records of its first time already seen: they were skipped.
    expect(served).toBeGreaterThan(4000 + windows.length - 1);
  });

  it('handles a group of 1,450 equal times that straddles the 1,500-record window', async () => {
    const all = rows([...Array.from({ length: 1000 }, () => 1), 1450, ...Array.from({ length: 1550 }, () => 1)]);
    expect(all).toHaveLength(4000);
    const { seen, requests, error } = await collect(all);
    expect(error).toBeUndefined();
    expect(ids(seen)).toEqual(all.map((r) => r.id));
    const bigTime = all[1000]!.time;
    expect(requests.filter((r) => r.page === 1).map((r) => r.since)).toContain(bigTime);
  });

  it('throws a TimeWindowError, without looping or repeating, when more than 1,500 records share a time', async () => {
    const all = rows([...Array.from({ length: 100 }, () => 1), 1600, ...Array.from({ length: 100 }, () => 1)]);
    const { seen, requests, error } = await collect(all);
    expect(error).toBeInstanceOf(TimeWindowError);
    expect((error as TimeWindowError).time).toBe(all[100]!.time);
    expect((error as Error).message).toMatch(
      /At least 1500 records share the time \d+: the API serves 30 pages of 50 per query/,
    );
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    expect(requests.length).toBeLessThanOrEqual(60);
  });

  it('starts at `since` and stops at a short page', async () => {
    const all = rows(Array.from({ length: 120 }, () => 1));
    const { seen, requests } = await collect(all, { since: all[80]!.time });
    expect(ids(seen)).toEqual(all.slice(80).map((r) => r.id));
    expect(requests).toEqual([{ page: 1, since: all[80]!.time }]);
  });

  it('refuses a page that is not sorted by time, rather than skipping records', async () => {
    const walk = paginateByTimeWindow(
      async () => [
        { id: 1, time: 5 },
        { id: 2, time: 3 },
      ],
      { perPage: 50, maxPages: 30, timeOf: (r) => r.time, idOf: (r) => r.id },
    );
    await expect(walk.next().then(() => walk.next())).rejects.toThrow(/record 2 out of order/);
  });

  it('refuses a record without a usable time', async () => {
    const walk = paginateByTimeWindow(async () => [{ id: 1, time: Number.NaN }], {
      perPage: 50,
      maxPages: 30,
      timeOf: (r) => r.time,
      idOf: (r) => r.id,
    });
    await expect(walk.next()).rejects.toThrow(/Record 1 has no usable time/);
  });
});
