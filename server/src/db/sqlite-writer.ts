import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Recorded, SubmissionRecorder } from './record-submission';
import { receivedError, type WriterReply, type WriterRequest } from './sqlite-writer-protocol';
import type { NewSubmission } from './store';

/**
 * Submissions are written to SQLite by a thread of their own, with a connection of its own.
 * better-sqlite3 is synchronous, so on the main thread every COMMIT's disk sync (and every
 * WAL checkpoint) stopped all request handling for its duration; here the main thread only
 * posts the row and waits. The thread commits the submissions that queue up meanwhile together
 * (group-commit.ts) and answers each only after the COMMIT holding it has returned.
 *
 * The main thread's connection still serves reads and the other, rarer writes. WAL lets reads
 * run beside the writer; a main-thread write waits (busy_timeout) while a batch commits, a few
 * milliseconds. The thread is started on the first submission and stopped by `close`.
 * From TypeScript sources (tests) there is no compiled thread to start: see `available`.
 */
type Pending = Map<number, { resolve(value: Recorded): void; reject(error: unknown): void }>;

export class SqliteWriter implements SubmissionRecorder {
  /** A thread needs the compiled .js next to this file. */
  static readonly available = __filename.endsWith('.js');

  private thread: { worker: Worker; pending: Pending } | null = null;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly synchronous: 'full' | 'normal',
  ) {}

  record(input: NewSubmission): Promise<Recorded> {
    if (this.closed) return Promise.reject(new Error('数据库已关闭'));
    const { worker, pending } = this.started();
    const id = this.nextId++;
    return new Promise<Recorded>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, input } satisfies WriterRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.thread?.worker;
    if (!worker) return;
    // The thread answers everything queued before the close message, then closes its connection and ends.
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ close: true } satisfies WriterRequest);
    await exited;
  }

  private started(): { worker: Worker; pending: Pending } {
    if (this.thread) return this.thread;
    const worker = new Worker(join(__dirname, 'sqlite-writer-thread.js'), { workerData: { path: this.path, synchronous: this.synchronous } });
    const pending: Pending = new Map();
    worker.on('message', (reply: WriterReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      // Only a thread with writes in hand keeps the process alive (a CLI command can end).
      if (pending.size === 0) worker.unref();
      if (reply.ok) p.resolve(reply.value);
      else p.reject(receivedError(reply.error));
    });
    // A thread that dies takes its unanswered writes with it: they fail (committed or not, as
    // after a crash; a retry with the same Idempotency-Key settles which), and the next write
    // starts a new thread.
    const lost = (error: unknown) => {
      if (this.thread?.worker === worker) this.thread = null;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`SQLite 写入线程已退出（${code}）`)));
    worker.unref();
    this.thread = { worker, pending };
    return this.thread;
  }
}
