// listAll against a fake holding 4,000 responses with many equal creation times at page and
// window boundaries: every record once, oldest first, no page above 30 asked for.
import { secretsIn } from '@oapi/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { createWootricClient, listAll, passwordGrant, TimeWindowError } from '../src/index.js';
import { owner } from '@oapi/fakes/wootric-oauth';
import { accountToken, startFakeWootric, type FakeResponse, type FakeWootric } from '@oapi/fakes/wootric';

/** Records in groups of equal creation time. */
function records(groupSizes: readonly number[], start = 1_700_000_000): FakeResponse[] {
  const out: FakeResponse[] = [];
  let created = start;
  for (const size of groupSizes) {
    for (let i = 0; i < size; i += 1) out.push({ id: 10_000 + out.length, created });
    created += 1 + (size % 5);
  }
  return out;
}

let fake: FakeWootric | undefined;
afterEach(() => fake?.close());

async function walk(data: readonly FakeResponse[], query?: { created?: { gt?: number; gte?: number; lt?: number } }) {
  fake = await startFakeWootric({ responses: data });
  const wootric = createWootricClient({ baseUrl: fake.url, accountToken, auth: passwordGrant(owner), retry: false });
  const ids: number[] = [];
  let error: unknown;
  try {
    for await (const response of listAll(wootric, '/v1/responses', query ? { query } : undefined))
      ids.push(response.id);
  } catch (e) {
    error = e;
  }
  const pages = fake.requests.filter((r) => r.path === '/v1/responses');
  return { ids, error, pages };
}

describe('listAll', () => {
  it('yields all 4,000 records once, oldest first, sliding the created window past page 30', async () => {
    const sizes = Array.from({ length: 500 }, (_, i) => [1, 4, 9, 50, 51, 2, 120, 17][i % 8]!);
    const data = records(sizes).slice(0, 4000);
    const { ids, error, pages } = await walk(data);
    expect(error).toBeUndefined();
    expect(ids).toHaveLength(4000);
    expect(new Set(ids).size).toBe(4000);
    expect([...ids].sort((a, b) => a - b)).toEqual(data.map((r) => r.id));
    // Oldest first: ids were assigned in creation order, so their times never go down.
    const created = new Map(data.map((r) => [r.id, r.created]));
    expect(ids.map((id) => created.get(id)!)).toEqual(data.map((r) => r.created));

    expect(pages.every((p) => Number(p.query.get('page')) <= 30 && p.query.get('per_page') === '50')).toBe(true);
    expect(pages.every((p) => p.query.get('sort_order') === 'asc' && p.query.get('sort_key') === 'created_at')).toBe(
      true,
    );
    const windows = pages.filter((p) => p.query.get('page') === '1').map((p) => p.query.get('created[gte]'));
    expect(windows[0]).toBeNull();
    expect(windows.length).toBeGreaterThanOrEqual(3);
  });

  it('gets through a group of 1,450 equal times that straddles the 1,500-record window', async () => {
    const data = records([...Array.from({ length: 1000 }, () => 1), 1450, ...Array.from({ length: 1550 }, () => 1)]);
    const { ids, error } = await walk(data);
    expect(error).toBeUndefined();
    expect([...ids].sort((a, b) => a - b)).toEqual(data.map((r) => r.id));
  });

  it('throws TimeWindowError instead of looping when more than 1,500 records share one second', async () => {
    const data = records([20, 1600, 20]);
    const { ids, error, pages } = await walk(data);
    expect(error).toBeInstanceOf(TimeWindowError);
    expect((error as Error).message).toMatch(/^At least 1500 records share the time \d+/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.length).toBeLessThanOrEqual(60);
    expect(secretsIn(error, [owner.password])).toEqual([]);
  });

  it("keeps the caller's created bounds: gt starts the walk, lt ends it", async () => {
    const data = records(Array.from({ length: 300 }, () => 2));
    const from = data[100]!.created;
    const to = data[500]!.created;
    const { ids, pages } = await walk(data, { created: { gt: from, lt: to } });
    expect([...ids].sort((a, b) => a - b)).toEqual(
      data.filter((r) => r.created > from && r.created < to).map((r) => r.id),
    );
    expect(pages[0]?.query.get('created[gte]')).toBe(String(from + 1));
    expect(pages.every((p) => p.query.get('created[lt]') === String(to))).toBe(true);
  });
});
