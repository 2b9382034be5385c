import type { WorkbookGrid } from '../../../shared/src';
import { deflateGrid, inflateGrid } from '../db/grid-codec';
import type { Actor, Store } from '../db/store';
import { indexGrid } from './grid-index';
import { CHECK_TTL_MS, GridViews } from './grid-views';

const grid = (rows: number): WorkbookGrid => ({ sheets: [{ name: '数据', rows: Array.from({ length: rows }, (_, i) => [`第${i}行`, i * 7919]) }] });
const clerk = (userId: number): Actor => ({ userId, role: 'clerk', departmentId: 1 });

function setup(maxBytes: number, clock = { now: () => performance.now() }) {
  const reads: number[] = [];
  const indexed: number[] = [];
  const store = {
    submissions: {
      grid: async (_actor: Actor, id: number) => {
        reads.push(id);
        return id === 404 ? null : deflateGrid(JSON.stringify(grid(id)));
      },
    },
  } as unknown as Store;
  const workers = {
    index: async (deflated: Uint8Array) => {
      const g = inflateGrid(deflated);
      indexed.push(g.sheets[0].rows.length);
      return indexGrid(g);
    },
  };
  return { views: new GridViews(store, workers, maxBytes, clock), reads, indexed };
}

describe('GridViews', () => {
  test('a grid is read and indexed once, however many ask for it at the same time', async () => {
    const { views, reads } = setup(10_000_000);
    const [a, b] = await Promise.all([views.submission(3), views.submission(3)]);
    expect(a).toBe(b);
    expect(await views.submission(3)).toBe(a);
    expect(reads).toEqual([3]);
    expect(a.sheets[0].rowCount).toBe(3);
  });

  test('keeps within its byte budget, dropping the least recently used', async () => {
    const one = (await setup(10_000_000).views.submission(2000)).bytes;
    const { views, reads } = setup(Math.floor(one * 2.5));
    await views.submission(2000);
    await views.submission(2001);
    await views.submission(2000); // now 2001 is the least recently used
    await views.submission(2002);
    await views.submission(2000);
    expect(reads).toEqual([2000, 2001, 2002]);
    await views.submission(2001);
    expect(reads).toEqual([2000, 2001, 2002, 2001]);
  });

  test('a grid larger than the whole budget is still served', async () => {
    const { views } = setup(10);
    expect((await views.submission(600)).sheets[0].rowCount).toBe(600);
  });

  test('a missing grid is an error, not an empty sheet', async () => {
    await expect(setup(1000).views.submission(404)).rejects.toThrow();
  });

  test('a checked grid is kept for the one who checked it', () => {
    const { views } = setup(10_000_000);
    const index = indexGrid(grid(5));
    const id = views.keepCheck(clerk(1), index);
    expect(index.sheets[0].rowCount).toBe(5);
    expect(views.check(clerk(1), id)).toBe(index);
    expect(views.check(clerk(2), id)).toBeUndefined();
    expect(views.check(clerk(1), 'another-id')).toBeUndefined();
  });

  test('a checked grid is kept for 30 minutes, a stored one for as long as there is room', async () => {
    let now = 1_000_000;
    const { views, reads } = setup(10_000_000, { now: () => now });
    const id = views.keepCheck(clerk(1), indexGrid(grid(5)));
    await views.submission(7);
    // lru-cache reads the clock at most once a millisecond: let one pass between readings.
    const later = async (ms: number) => {
      now += ms;
      await new Promise((r) => setTimeout(r, 5));
    };
    await later(CHECK_TTL_MS - 1000);
    expect(views.check(clerk(1), id)).toBeDefined();
    await later(2000);
    expect(views.check(clerk(1), id)).toBeUndefined();
    await views.submission(7);
    expect(reads).toEqual([7]);
  });
});
