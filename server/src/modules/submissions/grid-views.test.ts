import type { WorkbookGrid } from '../../../../shared/src';
import { deflateGrid, inflateGrid } from '../../db/grid-codec';
import type { Actor, Store } from '../../db/store';
import { indexGrid } from './grid-index';
import { CHECK_TTL_MS, GridViews } from './grid-views';

const grid = (rows: number): WorkbookGrid => ({ sheets: [{ name: '数据', rows: Array.from({ length: rows }, (_, i) => [`第${i}行`, i * 7919]) }] });
const clerk = (userId: number): Actor => ({ userId, role: 'clerk', departmentId: 1 });

/** A stand-in for the database: submissions' grids by id, and kept checks (which the test can expire). */
function fakeStore() {
  const reads: number[] = [];
  const checks = new Map<string, { userId: number; gridDeflated: Buffer; expiresAt: string }>();
  const store = {
    submissions: {
      grid: async (_actor: Actor, id: number) => {
        reads.push(id);
        return id === 404 ? null : deflateGrid(JSON.stringify(grid(id)));
      },
    },
    checkedUploads: {
      create: async (input: { id: string; userId: number; gridDeflated: Uint8Array; expiresAt: string }) => void checks.set(input.id, { ...input, gridDeflated: Buffer.from(input.gridDeflated) }),
      grid: async (userId: number, id: string) => {
        const c = checks.get(id);
        return c && c.userId === userId && Date.parse(c.expiresAt) > Date.now() ? c : null;
      },
    },
  } as unknown as Store;
  return { store, reads, checks };
}

function setup(maxBytes: number, clock = { now: () => performance.now() }, db = fakeStore()) {
  const { store, reads } = db;
  const indexed: number[] = [];
  const workers = {
    index: async (deflated: Uint8Array) => {
      const g = inflateGrid(deflated);
      indexed.push(g.sheets[0].rows.length);
      return indexGrid(g);
    },
  };
  return { views: new GridViews(store, workers, maxBytes, clock), reads, indexed, db };
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

  const keep = (views: GridViews, owner: Actor, rows: number) => {
    const g = grid(rows);
    return views.keepCheck(owner, indexGrid(g), deflateGrid(JSON.stringify(g)));
  };

  test('a checked grid is kept for the one who checked it', async () => {
    const { views, indexed } = setup(10_000_000);
    const id = await keep(views, clerk(1), 5);
    expect((await views.check(clerk(1), id))?.sheets[0].rowCount).toBe(5);
    expect(await views.check(clerk(2), id)).toBeUndefined();
    expect(await views.check(clerk(1), 'another-id')).toBeUndefined();
    // Served from memory on this instance: nothing was indexed again.
    expect(indexed).toEqual([]);
  });

  test('another server instance serves the check from the database', async () => {
    const db = fakeStore();
    const here = setup(10_000_000, undefined, db);
    const id = await keep(here.views, clerk(1), 7);
    const there = setup(10_000_000, undefined, db);
    expect((await there.views.check(clerk(1), id))?.sheets[0].rowCount).toBe(7);
    expect(await there.views.check(clerk(2), id)).toBeUndefined();
    expect(there.indexed).toEqual([7]);
  });

  test('a checked grid is kept for 30 minutes, a stored one for as long as there is room', async () => {
    let now = 1_000_000;
    const { views, reads, db } = setup(10_000_000, { now: () => now });
    const id = await keep(views, clerk(1), 5);
    await views.submission(7);
    // lru-cache reads the clock at most once a millisecond: let one pass between readings.
    const later = async (ms: number) => {
      now += ms;
      await new Promise((r) => setTimeout(r, 5));
    };
    await later(CHECK_TTL_MS - 1000);
    expect(await views.check(clerk(1), id)).toBeDefined();
    await later(2000);
    // Out of memory; and in the database it has expired too.
    db.checks.get(id)!.expiresAt = new Date(Date.now() - 1).toISOString();
    expect(await views.check(clerk(1), id)).toBeUndefined();
    await views.submission(7);
    expect(reads).toEqual([7]);
  });
});
