import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { CatalogueSnapshot } from './catalogue';
import { checkReceived, type CheckResult, type Purpose, type Received, type SubmitLimits } from './check-workbook';
import { index as indexInline, type CheckTask, type WorkerAnswer } from './check-worker';
import type { GridIndex } from './grid-index';

/**
 * Runs submission checks, and the indexing of stored grids for reading (grid-index.ts), on worker
 * threads, so that parsing and validating one workbook does not hold up every other request (and
 * the accepting of new connections) on the main thread.
 * From TypeScript sources (tests) there is no compiled worker to start; checks then run inline.
 */
export class SubmissionChecker {
  private readonly pool: Piscina | null;
  private readonly courier: CatalogueCourier;

  constructor(workers = defaultWorkers()) {
    const compiled = __filename.endsWith('.js');
    this.courier = new CatalogueCourier(workers);
    // stricterFIFO: by default piscina sends a task it cannot place at once to the back of its
    // queue, so under load each finished task moved one waiting request behind all the others
    // and a few requests waited many times longer than the rest (the p99 was 3.5 times the p50).
    this.pool = workers > 0 && compiled ? new Piscina({ filename: join(__dirname, 'check-worker.js'), minThreads: workers, maxThreads: workers, idleTimeout: 60_000, stricterFIFO: true }) : null;
  }

  get threads(): number {
    return this.pool ? this.pool.threads.length : 0;
  }

  /** Reads and validates a received workbook, and prepares it for `purpose`. */
  async check(received: Received, catalogue: CatalogueSnapshot, limits: SubmitLimits, purpose: Purpose): Promise<CheckResult> {
    const pool = this.pool;
    if (!pool) return checkReceived(received, catalogue.resources, limits, purpose);
    return this.courier.check((task, transferList) => pool.run(task, { transferList }), received, catalogue, limits, purpose);
  }

  /** The stored grid (deflated) indexed for windowed reading. */
  async index(deflated: Uint8Array): Promise<GridIndex> {
    if (!this.pool) return indexInline(deflated);
    const bytes = movable(deflated);
    return this.pool.run(bytes, { name: 'index', transferList: [bytes.buffer] }) as Promise<GridIndex>;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/**
 * A check on some worker, without the catalogue when the workers should hold its version. A
 * worker that does not (after a start or an approval) answers that it needs it; the check is
 * sent again with it, and so are the next checks, one for each other worker, so that every worker has
 * it soon whichever of them piscina picks.
 */
export class CatalogueCourier {
  private version = -1;
  private sendWithNext = 0;

  constructor(private readonly workers: number) {}

  async check(
    run: (task: CheckTask, transferList: ArrayBuffer[]) => Promise<WorkerAnswer>,
    received: Received,
    catalogue: CatalogueSnapshot,
    limits: SubmitLimits,
    purpose: Purpose,
  ): Promise<CheckResult> {
    const post = (withCatalogue: boolean) => {
      const bytes = movable(received.bytes);
      const task: CheckTask = { received: { format: received.format, bytes }, purpose, catalogueVersion: catalogue.version, catalogue: withCatalogue ? catalogue.resources : undefined, limits };
      return run(task, [bytes.buffer]);
    };
    if (catalogue.version !== this.version) {
      this.version = catalogue.version;
      this.sendWithNext = 0;
    }
    const first = await post(this.take());
    if (!('needCatalogue' in first)) return first;
    // The retry is one delivery; the next checks carry it for the other workers.
    if (catalogue.version === this.version) this.sendWithNext = this.workers - 1;
    const second = await post(true);
    if ('needCatalogue' in second) throw new Error('检查线程未能接收目录');
    return second;
  }

  private take(): boolean {
    if (this.sendWithNext === 0) return false;
    this.sendWithNext--;
    return true;
  }
}

/** The bytes in a buffer of their own (a Buffer may share a pooled one), which can then move to a worker. */
function movable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const own = new Uint8Array(bytes.byteLength);
  own.set(bytes);
  return own;
}

/** One worker per core beyond the main thread's, at least two (one alone was measured to serve requests unevenly). */
export function defaultWorkers(): number {
  return Math.max(2, Math.min(4, availableParallelism() - 1));
}
