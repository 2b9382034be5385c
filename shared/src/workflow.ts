import type { ReviewAction, Role, SubmissionStatus } from './vocabulary';

type From = (leadStep: boolean) => readonly SubmissionStatus[];
const waiting: From = () => ['submitted', 'confirmed'];
const approvable: From = (leadStep) => (leadStep ? ['confirmed'] : ['submitted', 'confirmed']);

/**
 * Who may take which review decision, from which status, and where it leads. `leadStep` is the
 * bureau's setting: without it submissions arrive confirmed, and a version still waiting for a
 * lead from before the switch may be approved directly. A lead acts only before confirming: once
 * confirmed the version is the coordinators' to decide, and the department corrects it by sending
 * a new version, which supersedes it.
 */
export const REVIEW_RULES: Record<ReviewAction, { to: SubmissionStatus; from: Partial<Record<Role, From>> }> = {
  confirm: { to: 'confirmed', from: { lead: () => ['submitted'] } },
  approve: { to: 'approved', from: { coordinator: approvable, admin: approvable } },
  return: { to: 'returned', from: { lead: () => ['submitted'], coordinator: waiting, admin: waiting } },
};

/** The statuses `role` may take `action` from, or null when the role may never take it. */
export function reviewSources(action: ReviewAction, role: Role, leadStep: boolean): readonly SubmissionStatus[] | null {
  return REVIEW_RULES[action].from[role]?.(leadStep) ?? null;
}

/** The decisions `role` may take on the newest version of a series in `status` now. */
export function allowedReviewActions(role: Role, status: SubmissionStatus, leadStep: boolean): ReviewAction[] {
  return (Object.keys(REVIEW_RULES) as ReviewAction[]).filter((a) => reviewSources(a, role, leadStep)?.includes(status));
}

/** The latest return among a submission's decisions: whose reason and cell comments the clerk is shown. */
export function lastReturn<D extends { decision: string }>(submission: { decisions: readonly D[] }): D | undefined {
  for (let i = submission.decisions.length - 1; i >= 0; i--) if (submission.decisions[i].decision === 'return') return submission.decisions[i];
  return undefined;
}
