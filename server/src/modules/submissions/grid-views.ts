import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Actor, SubmissionRepository } from '../../db/store';
import type { SubmissionChecker } from './checker';
import type { GridIndex } from './grid-index';

const SYSTEM: Actor = { userId: 0, role: 'admin', departmentId: null };

/** How long a checked upload that was not submitted can be paged through. */
export const CHECK_TTL_MS = 30 * 60_000;

/**
 * Indexed grids (grid-index.ts) kept in memory under a byte budget, least recently used first
 * out: a reviewer turning pages, and the diff and the approved catalogue reading the same
 * versions, parse each grid once. Submissions never change, so an entry is never stale.
 * A checked upload that was not submitted is kept too, for its owner only and for a while (in the
 * database as well, for the other instances), so the upload page can page through what it checked.
 *
 * Callers check that the actor may see a submission before asking for its index.
 */
export class GridViews {
  private readonly cache: LRUCache<string, GridIndex, void>;

  constructor(
    private readonly store: Pick<SubmissionRepository, 'submissions' | 'checkedUploads'>,
    private readonly workers: Pick<SubmissionChecker, 'index'>,
    maxBytes: number,
    /** The clock for how long checks are kept (tests set their own). */
    clock: { now(): number } = performance,
  ) {
    this.cache = new LRUCache<string, GridIndex, void>({
      perf: clock,
      maxSize: maxBytes,
      // An index larger than the whole budget is still served, just not kept.
      sizeCalculation: (v) => Math.max(1, v.bytes),
      fetchMethod: async (key) => {
        const id = Number(key.slice('submission:'.length));
        const deflated = await this.store.submissions.grid(SYSTEM, id);
        if (!deflated) throw new Error(`submission ${id} has no grid`);
        return this.workers.index(deflated);
      },
    });
  }

  /** The index of a stored submission's grid; concurrent requests for the same one share one parse. */
  async submission(id: number): Promise<GridIndex> {
    const index = await this.cache.fetch(`submission:${id}`);
    if (!index) throw new Error(`submission ${id} has no grid`);
    return index;
  }

  /**
   * Keeps a checked (not submitted) grid for its owner; returns the id to read it by. It is kept
   * in the database too, so that another server instance can serve its pages.
   */
  async keepCheck(owner: Actor, index: GridIndex, gridDeflated: Uint8Array): Promise<string> {
    const id = randomUUID();
    await this.store.checkedUploads.create({ id, userId: owner.userId, gridDeflated, expiresAt: new Date(Date.now() + CHECK_TTL_MS).toISOString() });
    this.cache.set(checkKey(owner, id), index, { ttl: CHECK_TTL_MS });
    return id;
  }

  /** A checked grid, if it is the caller's and still kept. */
  async check(owner: Actor, id: string): Promise<GridIndex | undefined> {
    const key = checkKey(owner, id);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const kept = await this.store.checkedUploads.grid(owner.userId, id);
    if (!kept) return undefined;
    const index = await this.workers.index(kept.gridDeflated);
    this.cache.set(key, index, { ttl: Math.max(1, Date.parse(kept.expiresAt) - Date.now()) });
    return index;
  }
}

const checkKey = (owner: Actor, id: string) => `check:${owner.userId}:${id}`;
