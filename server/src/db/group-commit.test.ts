/**
 * Group commit on a real SQLite file: batching, and that one bad write or a failed COMMIT
 * neither loses nor duplicates the other writes of its batch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './connect';
import { GroupCommit, MAX_BATCH } from './group-commit';
import type { Store } from './store';

let dir: string;
let store: Store;
let seq = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-group-commit-'));
  store = await openStore(`sqlite:${join(dir, 'govcat.db')}`);
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store, counting the transactions it is asked for; `failCommit` makes the next multi-write one fail at its end. */
function counting() {
  const stats = { transactions: 0, failCommit: false };
  const wrapped: Pick<Store, 'transaction'> = {
    transaction: (work) =>
      store.transaction(async (tx) => {
        stats.transactions++;
        const result = await work(tx);
        if (stats.failCommit && Array.isArray(result) && result.length > 1) {
          stats.failCommit = false;
          throw new Error('COMMIT 失败（模拟）');
        }
        return result;
      }),
  };
  return { stats, commits: new GroupCommit(wrapped) };
}

/** Writes a department named `name` and returns its id. */
const write = (name: string) => async (tx: Store) => (await tx.departments.create({ name })).id;

async function stored(prefix: string): Promise<string[]> {
  return (await store.departments.list()).map((d) => d.name).filter((n) => n.startsWith(prefix)).sort();
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

it('commits writes that arrive together in one transaction, and answers each with its own result', async () => {
  const { stats, commits } = counting();
  const prefix = `批量${++seq}`;
  const ids = await Promise.all(names(prefix, 20).map((n) => commits.run(write(n))));
  expect(new Set(ids).size).toBe(20);
  expect(stats.transactions).toBe(1);
  expect(await stored(prefix)).toEqual(names(prefix, 20));
});

it('splits a burst larger than a batch into several transactions', async () => {
  const { stats, commits } = counting();
  const prefix = `大批${++seq}`;
  await Promise.all(names(prefix, MAX_BATCH + 5).map((n) => commits.run(write(n))));
  expect(stats.transactions).toBe(2);
  expect(await stored(prefix)).toEqual(names(prefix, MAX_BATCH + 5));
});

it('fails a bad write alone: the others of its batch are stored once each', async () => {
  const { commits } = counting();
  const prefix = `坏一个${++seq}`;
  const all = names(prefix, 10);
  // The same name twice: the second is refused by the unique index.
  const outcomes = await Promise.allSettled([...all.map((n) => commits.run(write(n))), commits.run(write(all[3]))]);
  expect(outcomes.slice(0, 10).every((o) => o.status === 'fulfilled')).toBe(true);
  expect(outcomes[10].status).toBe('rejected');
  expect(await stored(prefix)).toEqual(all);
});

it('runs each write again on its own when the batch fails to commit, storing each once', async () => {
  const { stats, commits } = counting();
  stats.failCommit = true;
  const prefix = `提交失败${++seq}`;
  const ids = await Promise.all(names(prefix, 8).map((n) => commits.run(write(n))));
  expect(new Set(ids).size).toBe(8);
  // The failed batch, then one transaction per write.
  expect(stats.transactions).toBe(1 + 8);
  expect(await stored(prefix)).toEqual(names(prefix, 8));
});

it('answers nobody before the batch is committed', async () => {
  const prefix = `先提交${++seq}`;
  let committed = false;
  const slow: Pick<Store, 'transaction'> = {
    transaction: async (work) => {
      const result = await store.transaction(work);
      committed = true;
      return result;
    },
  };
  const commits = new GroupCommit(slow);
  const seen = await Promise.all(names(prefix, 5).map((n) => commits.run(write(n)).then(() => committed)));
  expect(seen).toEqual([true, true, true, true, true]);
});

it('settles once every queued write is answered', async () => {
  const { commits } = counting();
  const prefix = `收尾${++seq}`;
  const pending = names(prefix, 5).map((n) => commits.run(write(n)));
  await commits.settled();
  expect(await stored(prefix)).toEqual(names(prefix, 5));
  await Promise.all(pending);
  await commits.settled();
});
