import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SubmissionRepository } from '../repository';
import type { RepoContext } from '../../../db/repository-context';
import { SUMMARY_COLUMNS, toDecision, toSummary } from './submission-rows';
import { departmentScope } from '../../identity/visibility';

/**
 * A department's versions for one task form a series (department, task_key). These queries
 * read series: the newest version of each, and one series whole for a submission's history.
 */
type SubmissionsEb = ExpressionBuilder<Database, 'submissions'>;

/** True for the newest version of its series: no later version exists. */
export function isLatestVersion(eb: SubmissionsEb): Expression<SqlBool> {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('submissions as newer')
        .select('newer.id')
        .whereRef('newer.department_id', '=', 'submissions.department_id')
        .whereRef('newer.task_key', '=', 'submissions.task_key')
        .whereRef('newer.version', '>', 'submissions.version'),
    ),
  );
}

export function seriesQueries({ db }: RepoContext): Pick<SubmissionRepository['submissions'], 'versions' | 'latestForTask'> {
  return {
    async versions(actor, id) {
      const scope = departmentScope(actor);
      let anchor = db.selectFrom('submissions').select(['department_id', 'task_key']).where('id', '=', id);
      if (!scope.all) anchor = anchor.where('department_id', '=', scope.departmentId ?? -1);
      const series = await anchor.executeTakeFirst();
      if (!series) return null;
      const rows = await db
        .selectFrom('submissions')
        .select(SUMMARY_COLUMNS)
        .where('department_id', '=', series.department_id)
        .where('task_key', '=', series.task_key)
        .orderBy('version', 'asc')
        .execute();
      const decisions = rows.length
        ? await db.selectFrom('review_decisions').selectAll().where('submission_id', 'in', rows.map((r) => r.id)).orderBy('id').execute()
        : [];
      return rows.map((row) => ({ ...toSummary(row), decisions: decisions.filter((d) => d.submission_id === row.id).map(toDecision) }));
    },

    async latestForTask(actor, taskId) {
      const scope = departmentScope(actor);
      if (!scope.all && scope.departmentId === null) return [];
      let query = db
        .selectFrom('submissions')
        .select(SUMMARY_COLUMNS)
        .select((eb) => eb.selectFrom('review_decisions').select((d) => d.fn.max('created_at').as('at')).whereRef('review_decisions.submission_id', '=', 'submissions.id').as('last_decision_at'))
        .select((eb) =>
          eb.selectFrom('review_decisions').select((d) => d.fn.countAll().as('n')).whereRef('review_decisions.submission_id', '=', 'submissions.id').where('decision', '=', 'confirm').as('confirmations'),
        )
        .where('task_id', '=', taskId)
        .where(isLatestVersion);
      if (!scope.all) query = query.where('department_id', '=', scope.departmentId!);
      const rows = await query.orderBy('department_id').execute();
      return rows.map((row) => {
        const summary = toSummary(row);
        const decidedAt = row.last_decision_at ?? null;
        return { ...summary, lastActivityAt: decidedAt !== null && decidedAt > summary.createdAt ? decidedAt : summary.createdAt, leadConfirmed: Number(row.confirmations ?? 0) > 0 };
      });
    },
  };
}
