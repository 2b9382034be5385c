/**
 * The SQLite writer thread's entry point (see sqlite-writer.ts): its own connection to the
 * database file, and group commit of the submissions the main thread hands over.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { GroupCommit } from './group-commit';
import { createKyselyStore } from './kysely-store';
import { recordSubmission } from './record-submission';
import type { Database } from './schema';
import { DurableSqliteDialect, openSqliteFile, withStatementCache } from './sqlite-dialect';
import { sendError, type WriterReply, type WriterRequest } from './sqlite-writer-protocol';
import type { NewSubmission } from './store';

const { path, synchronous } = workerData as { path: string; synchronous: 'full' | 'normal' };
const port = parentPort!;
const db = new Kysely<Database>({ dialect: new DurableSqliteDialect({ database: withStatementCache(openSqliteFile(path, synchronous)) }) });
const commits = new GroupCommit(createKyselyStore(db));

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    void commits
      .settled()
      .then(() => db.destroy())
      .finally(() => port.close());
    return;
  }
  const { id, input } = request;
  commits.run((tx) => recordSubmission(tx, asBuffers(input))).then(
    (value) => port.postMessage({ id, ok: true, value } satisfies WriterReply),
    (error: unknown) => port.postMessage({ id, ok: false, error: sendError(error) } satisfies WriterReply),
  );
});

/** A Buffer arrives as a plain Uint8Array, which better-sqlite3 does not bind as a blob. */
function asBuffers(input: NewSubmission): NewSubmission {
  const file = input.originalFile;
  if (!file || Buffer.isBuffer(file.content)) return input;
  const c: Uint8Array = file.content;
  return { ...input, originalFile: { filename: file.filename, content: Buffer.from(c.buffer, c.byteOffset, c.byteLength) } };
}
