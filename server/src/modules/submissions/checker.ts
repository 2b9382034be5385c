import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { CatalogueSnapshot } from '../catalogue/service';
import { checkReceived, type CheckResult, type Purpose, type Received, type SubmitLimits } from './check-workbook';
import { index as indexInline, type CheckTask, type WorkerAnswer } from './check-worker';
import type { GridIndex } from './grid-index';

/** How long one check may run on a worker, and how much memory a worker may take. */
export interface CheckLimits {
  timeoutMs: number;
  workerMemoryMb: number;
}

export const DEFAULT_CHECK_LIMITS: CheckLimits = { timeoutMs: 120_000, workerMemoryMb: 2048 };

/**
 * Runs submission checks, and the indexing of stored grids for reading (grid-index.ts), on worker
 * threads, so that parsing and validating one workbook does not hold up every other request (and
 * the accepting of new connections) on the main thread.
 * A check that runs past its time is abandoned and its worker terminated; a worker that runs out
 * of memory dies alone. Either way piscina starts another, and the client is told its workbook was
 * too complex or too large.
 * From TypeScript sources (tests) there is no compiled worker to start; checks then run inline,
 * without these limits.
 */
export class SubmissionChecker {
  private readonly pool: Piscina | null;
  private readonly courier: CatalogueCourier;
  /** Checks posted and not yet started, by ticket: each starts its clock when its worker takes it up. */
  private readonly waiting = new Map<number, () => void>();
  private tickets = 0;

  constructor(
    workers = defaultWorkers(),
    private readonly limits: CheckLimits = DEFAULT_CHECK_LIMITS,
  ) {
    const compiled = __filename.endsWith('.js');
    this.courier = new CatalogueCourier(workers);
    // stricterFIFO: by default piscina sends a task it cannot place at once to the back of its
    // queue, so under load each finished task moved one waiting request behind all the others
    // and a few requests waited many times longer than the rest (the p99 was 3.5 times the p50).
    this.pool = workers > 0 && compiled
      ? new Piscina({
          filename: join(__dirname, 'check-worker.js'),
          minThreads: workers,
          maxThreads: workers,
          idleTimeout: 60_000,
          stricterFIFO: true,
          resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb },
        })
      : null;
    this.pool?.on('message', (m: unknown) => {
      if (isStarted(m)) this.waiting.get(m.started)?.();
    });
    // A worker that fails between tasks is replaced by piscina; without a listener the event would end the process.
    this.pool?.on('error', (e: unknown) => console.error(`校验线程出错，已替换：${e instanceof Error ? e.message : String(e)}`));
  }

  get threads(): number {
    return this.pool ? this.pool.threads.length : 0;
  }

  /** Reads and validates a received workbook, and prepares it for `purpose`. */
  async check(received: Received, catalogue: CatalogueSnapshot, limits: SubmitLimits, purpose: Purpose): Promise<CheckResult> {
    const pool = this.pool;
    if (!pool) return checkReceived(received, catalogue.resources, limits, purpose);
    try {
      return await this.courier.check((task, transferList) => this.runTimed(pool, task, transferList), received, catalogue, limits, purpose);
    } catch (e) {
      const refusal = checkRefusal(e, this.limits);
      if (refusal) return refusal;
      throw e;
    }
  }

  /** One task, abandoned (its worker terminated) once it has run for the time allowed. Queueing does not count. */
  private async runTimed(pool: Piscina, task: CheckTask, transferList: ArrayBuffer[]): Promise<WorkerAnswer> {
    const ticket = ++this.tickets;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    this.waiting.set(ticket, () => {
      timer = setTimeout(() => abort.abort(new CheckTimeout()), this.limits.timeoutMs);
    });
    try {
      return (await pool.run({ ...task, ticket }, { transferList, signal: abort.signal })) as WorkerAnswer;
    } catch (e) {
      throw abort.signal.aborted ? abort.signal.reason : e;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(ticket);
    }
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

class CheckTimeout extends Error {}

function isStarted(m: unknown): m is { started: number } {
  return typeof m === 'object' && m !== null && typeof (m as { started?: unknown }).started === 'number';
}

/** A check that ran out of time or memory, as the client's refusal: the workbook, not the server, is at fault. */
function checkRefusal(e: unknown, limits: CheckLimits): CheckResult | null {
  if (e instanceof CheckTimeout) {
    const seconds = Number((limits.timeoutMs / 1000).toFixed(1));
    return { ok: false, error: { status: 422, code: 'check-timeout', message: `校验超时：工作簿过于复杂，${seconds} 秒内未能校验完。请删除多余的工作表、空行和大范围的合并单元格，或把数据拆分到多个文件后分别提交` } };
  }
  if ((e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return { ok: false, error: { status: 422, code: 'check-too-large', message: `工作簿过大：校验所需的内存超过了 ${limits.workerMemoryMb} MB 的上限。请删除多余的工作表和远离数据区域的内容，或把数据拆分到多个文件后分别提交` } };
  }
  return null;
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
