import type { SheetKind } from '../../../../shared/src';
import type { Actor } from '../identity/repository';
import type { SubmissionRepository, SubmissionSummary } from './repository';

/** What other modules may ask of submissions: where each department stands, what was approved. */

/** The newest version of each department's series for a task (the task board). */
export function latestForTask(repo: Pick<SubmissionRepository, 'submissions'>, actor: Actor, taskId: number): Promise<Array<SubmissionSummary & { lastActivityAt: string; leadConfirmed: boolean }>> {
  return repo.submissions.latestForTask(actor, taskId);
}

/** Each department's newest approved version holding a sheet of this kind (the consolidated catalogue). */
export function latestApproved(repo: Pick<SubmissionRepository, 'submissions'>, sheetKind: SheetKind): Promise<Array<SubmissionSummary & { approvals: number }>> {
  return repo.submissions.latestApproved(sheetKind);
}
