import type { NewSubmission, Store, SubmissionSummary } from './store';
import { TaskClosedError } from './errors';
import { GroupCommit } from './group-commit';

export interface Recorded {
  submission: SubmissionSummary;
  /** False when the idempotency key had been used already; `submission` is then the earlier one. */
  created: boolean;
  /** Whether that earlier request carried the same content. */
  sameRequest: boolean;
}

/**
 * A new submission version and its audit entry, on a store bound to an open transaction.
 * The one definition of the write, whether it runs alone (PostgreSQL), in a group commit on the
 * SQLite writer thread, or in the in-process fallback, so all of them store the same rows.
 */
export async function recordSubmission(tx: Store, input: NewSubmission): Promise<Recorded> {
  // Checked again here, in the transaction: the task may have been closed while the workbook was being validated.
  if (input.taskId !== null && (await tx.tasks.isClosed(input.taskId))) throw new TaskClosedError();
  const result = await tx.submissions.create(input);
  if (result.created) {
    const { submission } = result;
    await tx.audit.append({
      userId: input.submittedBy,
      action: 'submission.create',
      entity: 'submission',
      entityId: String(submission.id),
      details: {
        departmentId: input.departmentId,
        taskId: input.taskId,
        version: submission.version,
        errors: input.report.counts.errors,
        warnings: input.report.counts.warnings,
        file: input.originalFile?.filename ?? null,
      },
    });
  }
  return result;
}

/** Where a store sends `recordSubmission`. */
export interface SubmissionRecorder {
  record(input: NewSubmission): Promise<Recorded>;
  /** Answers every write already handed in, then lets go. */
  close(): Promise<void>;
}

/** Each submission in a transaction of its own (PostgreSQL: its pool commits concurrent transactions in parallel). */
export function transactionRecorder(store: Store): SubmissionRecorder {
  return { record: (input) => store.transaction((tx) => recordSubmission(tx, input)), close: async () => undefined };
}

/** Concurrent submissions committed together on this store's connection (SQLite without its writer thread). */
export function groupCommitRecorder(store: Store): SubmissionRecorder {
  const commits = new GroupCommit(store);
  return { record: (input) => commits.run((tx) => recordSubmission(tx, input)), close: () => commits.settled() };
}
