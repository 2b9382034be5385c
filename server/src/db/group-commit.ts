import type { Store } from './store';

/**
 * Group commit: writes that arrive while the database is busy wait, and then all run in one
 * transaction, so that a burst of N submissions costs one COMMIT (one disk sync) instead of N.
 * Nobody is answered before the COMMIT that holds their write has returned, so durability is
 * that of a transaction per write.
 *
 * If anything in a batch fails (one write's constraint, or BEGIN or COMMIT themselves), the
 * batch is rolled back whole and every write in it is run again in a transaction of its own:
 * a bad write then fails alone and the others are stored. (Savepoints per write would keep the
 * batch, but some SQLite errors roll back the whole transaction behind the savepoints' back, and
 * later writes would then commit one by one, outside any batch the code thinks it has.)
 * So `work` must be safe to run a second time after a rollback: it may touch only the database.
 */
type Work<T> = (tx: Store) => Promise<T>;

interface Queued {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Large enough to take a full burst of concurrent requests, small enough to keep one transaction short. */
export const MAX_BATCH = 64;

export class GroupCommit {
  private queue: Queued[] = [];
  private running = false;
  private idle: Array<() => void> = [];

  constructor(private readonly store: Pick<Store, 'transaction'>) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // setImmediate, not at once: writes that arrive in the same turn of the event loop join the batch.
      if (!this.running && this.queue.length === 1) setImmediate(() => void this.drain());
    });
  }

  /** Resolves once every write queued so far has been answered. */
  settled(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const outcomes = await this.together(batch).catch(() => this.oneByOne(batch));
        batch.forEach((q, i) => {
          const o = outcomes[i];
          if (o.ok) q.resolve(o.value);
          else q.reject(o.error);
        });
      }
    } finally {
      this.running = false;
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** The batch in one transaction; throws, having stored nothing, if any part of it fails. */
  private async together(batch: Queued[]): Promise<Outcome[]> {
    if (batch.length === 1) return [await settle(() => this.store.transaction(batch[0].work))];
    const values = await this.store.transaction(async (tx) => {
      const done: unknown[] = [];
      for (const q of batch) done.push(await q.work(tx));
      return done;
    });
    return values.map((value) => ({ ok: true, value }));
  }

  private async oneByOne(batch: Queued[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const q of batch) outcomes.push(await settle(() => this.store.transaction(q.work)));
    return outcomes;
  }
}

async function settle(f: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await f() };
  } catch (error) {
    return { ok: false, error };
  }
}
