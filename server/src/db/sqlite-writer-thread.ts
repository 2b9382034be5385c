/**
 * The SQLite writer thread's entry point (see sqlite-writer.ts): its own connection to the
 * database file, and group commit of the submissions the main thread hands over.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { createKyselyStore } from './kysely-store';
import { groupCommitRecorder } from './record-submission';
import type { Database } from './schema';
import { DurableSqliteDialect, openSqliteFile, withStatementCache } from './sqlite-dialect';
import { sendError, type WriterReply, type WriterRequest } from './sqlite-writer-protocol';

const { path, synchronous } = workerData as { path: string; synchronous: 'full' | 'normal' };
const port = parentPort!;
const db = new Kysely<Database>({ dialect: new DurableSqliteDialect({ database: withStatementCache(openSqliteFile(path, synchronous)) }) });
const recorder = groupCommitRecorder(createKyselyStore(db));

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    void recorder
      .close()
      .then(() => db.destroy())
      .finally(() => port.close());
    return;
  }
  const { id, input } = request;
  recorder.record(input).then(
    (value) => port.postMessage({ id, ok: true, value } satisfies WriterReply),
    (error: unknown) => port.postMessage({ id, ok: false, error: sendError(error) } satisfies WriterReply),
  );
});
