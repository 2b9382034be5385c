import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { CatalogueResource } from '../../../shared/src';
import { checkJsonSubmission, type CheckResult, type SubmitLimits } from './check-workbook';

/**
 * Runs submission checks on worker threads, so that parsing and validating one workbook does not
 * hold up every other request (and the accepting of new connections) on the main thread.
 * From TypeScript sources (tests) there is no compiled worker to start; checks then run inline.
 */
export class SubmissionChecker {
  private readonly pool: Piscina | null;

  constructor(workers = defaultWorkers()) {
    const compiled = __filename.endsWith('.js');
    // stricterFIFO: by default piscina sends a task it cannot place at once to the back of its
    // queue, so under load each finished task moved one waiting request behind all the others
    // and a few requests waited many times longer than the rest (the p99 was 3.5 times the p50).
    this.pool = workers > 0 && compiled ? new Piscina({ filename: join(__dirname, 'check-worker.js'), minThreads: workers, maxThreads: workers, idleTimeout: 60_000, stricterFIFO: true }) : null;
  }

  get threads(): number {
    return this.pool ? this.pool.threads.length : 0;
  }

  async check(body: Buffer, catalogue: readonly CatalogueResource[], limits: SubmitLimits): Promise<CheckResult> {
    if (!this.pool) return checkJsonSubmission(body, catalogue, limits);
    // Copied once into a buffer of its own (a Buffer may share a pooled one), which then moves to the worker.
    const bytes = new Uint8Array(body.byteLength);
    bytes.set(body);
    return this.pool.run({ body: bytes, catalogue, limits }, { transferList: [bytes.buffer] });
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/** One worker per core beyond the main thread's, at least two (one alone was measured to serve requests unevenly). */
export function defaultWorkers(): number {
  return Math.max(2, Math.min(4, availableParallelism() - 1));
}
