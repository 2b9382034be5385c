import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { translateDbError, translatingErrors, uniqueViolation } from '../../../db/errors';
import type { Database, SubmissionsTable } from '../../../db/schema';
import type { Report } from '../../../../../shared/src';
import type { Actor } from '../../identity/repository';
import type { NewSubmission, SubmissionRepository, Submission, SubmissionFilter, SubmissionSummary } from '../repository';
import { deflateGrid } from '../../../db/grid-codec';
import { isPostgres } from '../../../db/migrations/dialect';
import { now, toCount, type RepoContext } from '../../../db/repository-context';
import { DETAIL_COLUMNS, GRID_COLUMNS, SUMMARY_COLUMNS, toBuffer, toDecision, toDeflatedGrid, toSubmission, toSummary } from './submission-rows';
import { isLatestVersion, seriesQueries } from './submission-series';
import { departmentScope } from '../../identity/visibility';

type SubmissionsEb = ExpressionBuilder<Database, 'submissions'>;

/**
 * A create that loses a race (another create took the same version, or the same idempotency
 * key) rolls back and tries again; each round at least one racer wins, so this bounds the
 * attempts of one of N concurrent creates for the same department well above any real N.
 */
const MAX_CREATE_ATTEMPTS = 100;

/** The task series key: the task, or 0 for submissions without a task (see the migration). */
function taskKey(taskId: number | null): number {
  return taskId ?? 0;
}

/**
 * The department the actor is limited to: null when they may see all, undefined when they may
 * see none (a clerk or lead without a department).
 */
function visibleDepartment(actor: Actor): number | null | undefined {
  const scope = departmentScope(actor);
  if (scope.all) return null;
  return scope.departmentId ?? undefined;
}

/** The actor's limit ANDed with the filter: a filter narrows what the actor sees, never widens it. */
function listConditions(eb: SubmissionsEb, limitedTo: number | null, filter: SubmissionFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (limitedTo !== null) conditions.push(eb('department_id', '=', limitedTo));
  if (filter.departmentId !== undefined) conditions.push(eb('department_id', '=', filter.departmentId));
  if (filter.taskId !== undefined) conditions.push(eb('task_id', '=', filter.taskId));
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  if (filter.latest) conditions.push(isLatestVersion(eb));
  // sheet_kinds is a JSON array of fixed lowercase names (no LIKE wildcards), so its quoted
  // form matches exactly one element, the same way in both backends.
  if (filter.sheetKind !== undefined) conditions.push(eb('sheet_kinds', 'like', `%${JSON.stringify(filter.sheetKind)}%`));
  return conditions;
}

async function withDecisions(db: Kysely<Database>, row: Parameters<typeof toSubmission>[0]): Promise<Submission> {
  const decisions = await db.selectFrom('review_decisions').selectAll().where('submission_id', '=', row.id).orderBy('id').execute();
  return toSubmission(row, decisions.map(toDecision));
}

/** One attempt: the earlier submission for this idempotency key, or the next version. */
async function findByKey(db: Kysely<Database>, userId: number, key: string) {
  const row = await db
    .selectFrom('submissions')
    .select([...SUMMARY_COLUMNS, 'request_hash'])
    .where('submitted_by', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row ? { submission: toSummary(row), requestHash: row.request_hash } : null;
}

async function createOnce(db: Kysely<Database>, input: NewSubmission): Promise<{ submission: SubmissionSummary; created: boolean; sameRequest: boolean }> {
  if (input.idempotencyKey !== null) {
    const earlier = await findByKey(db, input.submittedBy, input.idempotencyKey);
    if (earlier) return { submission: earlier.submission, created: false, sameRequest: earlier.requestHash === input.requestHash };
  }
  const key = taskKey(input.taskId);
  let newest = db.selectFrom('submissions').select('version').where('department_id', '=', input.departmentId).where('task_key', '=', key).orderBy('version', 'desc').limit(1);
  // PostgreSQL: a decision on the series' newest version holds this row until it commits, so a
  // new version is stored only after it (see decide). SQLite runs one write transaction at a time.
  if (isPostgres(db)) newest = newest.forUpdate();
  const latest = await newest.executeTakeFirst();
  const row = await db
    .insertInto('submissions')
    .values({
      department_id: input.departmentId,
      task_id: input.taskId,
      task_key: key,
      version: (latest?.version ?? 0) + 1,
      sheet_kinds: JSON.stringify(input.sheetKinds),
      grid_deflated: input.gridDeflated ? toBuffer(input.gridDeflated) : deflateGrid(JSON.stringify(input.grid)),
      report: JSON.stringify(input.report),
      errors: input.report.counts.errors,
      warnings: input.report.counts.warnings,
      status: input.status,
      submitted_by: input.submittedBy,
      created_at: now(),
      original_filename: input.originalFile?.filename ?? null,
      original_file: input.originalFile ? toBuffer(input.originalFile.content) : null,
      idempotency_key: input.idempotencyKey,
      request_hash: input.requestHash,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
  return { submission: toSummary(row), created: true, sameRequest: true };
}

export function submissionsRepository(ctx: RepoContext): SubmissionRepository['submissions'] {
  const { db, atomically } = ctx;

  /** One submission's columns, if the actor may see it (undefined otherwise, as for a missing one). */
  const visibleRow = async <C extends keyof SubmissionsTable & string>(actor: Actor, id: number, columns: readonly C[]) => {
    const limitedTo = visibleDepartment(actor);
    if (limitedTo === undefined) return undefined;
    let query = db.selectFrom('submissions').select(columns).where('id', '=', id);
    if (limitedTo !== null) query = query.where('department_id', '=', limitedTo);
    return query.executeTakeFirst();
  };

  return {
    ...seriesQueries(ctx),
    async create(input) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await atomically((tx) => createOnce(tx, input));
        } catch (error) {
          // The unique indexes on (department, task, version) and (user, idempotency key) are
          // what make concurrent creates safe; the next attempt sees the winner's row.
          if (uniqueViolation(error)?.table === 'submissions' && attempt < MAX_CREATE_ATTEMPTS) continue;
          throw translateDbError(error);
        }
      }
    },

    findByIdempotencyKey(userId, key) {
      return findByKey(db, userId, key);
    },

    async get(actor, id) {
      const row = await visibleRow(actor, id, DETAIL_COLUMNS);
      return row ? withDecisions(db, row) : null;
    },

    async summary(actor, id) {
      const row = await visibleRow(actor, id, SUMMARY_COLUMNS);
      return row ? toSummary(row) : null;
    },

    async grid(actor, id) {
      const row = await visibleRow(actor, id, GRID_COLUMNS);
      return row ? toDeflatedGrid(row) : null;
    },

    async report(actor, id) {
      const row = await visibleRow(actor, id, ['report'] as const);
      return row ? (JSON.parse(row.report) as Report) : null;
    },

    async list(actor, filter = {}) {
      const limitedTo = visibleDepartment(actor);
      if (limitedTo === undefined) return { items: [], total: 0 };
      const where = (eb: SubmissionsEb) => eb.and(listConditions(eb, limitedTo, filter));
      const direction = filter.order === 'oldest' ? 'asc' : 'desc';
      let page = db.selectFrom('submissions').select(SUMMARY_COLUMNS).where(where).orderBy('created_at', direction).orderBy('id', direction);
      // SQLite accepts OFFSET only after a LIMIT.
      if (filter.limit !== undefined || filter.offset !== undefined) page = page.limit(filter.limit ?? Number.MAX_SAFE_INTEGER);
      if (filter.offset !== undefined) page = page.offset(filter.offset);
      const items = (await page.execute()).map(toSummary);
      if (filter.limit === undefined && !filter.offset) return { items, total: items.length };
      const counted = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<string | number>().as('n')).where(where).executeTakeFirstOrThrow();
      return { items, total: toCount(counted.n) };
    },

    async originalFile(actor, id) {
      const row = await visibleRow(actor, id, ['original_filename', 'original_file'] as const);
      if (!row || row.original_filename === null) return null;
      return { filename: row.original_filename, content: row.original_file ? toBuffer(row.original_file) : Buffer.alloc(0) };
    },

    async lastApproved(departmentId, sheetKind, beforeId) {
      const row = await db
        .selectFrom('submissions')
        .select(SUMMARY_COLUMNS)
        .where('department_id', '=', departmentId)
        .where((eb) => eb.and(listConditions(eb, null, { sheetKind })))
        .where('status', '=', 'approved')
        .where('id', '<', beforeId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toSummary(row) : null;
    },

    async latestApproved(sheetKind) {
      const kind = `%${JSON.stringify(sheetKind)}%`;
      const rows = await db
        .selectFrom('submissions')
        .select(SUMMARY_COLUMNS)
        // Counted in the same statement, so the count and the newest version agree.
        .select((eb) =>
          eb
            .selectFrom('submissions as approved')
            .select((a) => a.fn.countAll<string | number>().as('n'))
            .whereRef('approved.department_id', '=', 'submissions.department_id')
            .where('approved.status', '=', 'approved')
            .where('approved.sheet_kinds', 'like', kind)
            .as('approvals'),
        )
        .where((eb) => eb.and(listConditions(eb, null, { sheetKind, status: 'approved' })))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('submissions as newer')
                .select('newer.id')
                .whereRef('newer.department_id', '=', 'submissions.department_id')
                .where('newer.status', '=', 'approved')
                .where('newer.sheet_kinds', 'like', kind)
                .whereRef('newer.id', '>', 'submissions.id'),
            ),
          ),
        )
        .orderBy('department_id')
        .execute();
      return rows.map((row) => ({ ...toSummary(row), approvals: toCount(row.approvals ?? 0) }));
    },

    async decide(input) {
      if (input.from.length === 0) return null;
      return translatingErrors(() =>
        atomically(async (tx) => {
          // PostgreSQL: the row is locked first, in a statement of its own, so that the update
          // below reads the series as of after the lock: a new version either committed before
          // (and is seen) or waits for this decision to commit (createOnce locks the same row).
          if (isPostgres(tx)) await tx.selectFrom('submissions').select('id').where('id', '=', input.submissionId).forUpdate().execute();
          // The checks and the change are one statement: of two reviewers deciding at once
          // exactly one moves the submission, and a newer version stored before it runs
          // (even after the caller looked) leaves this one as it was.
          const moved = await tx
            .updateTable('submissions')
            .set({ status: input.to })
            .where('id', '=', input.submissionId)
            .where('status', 'in', input.from)
            .where(isLatestVersion)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return null;
          const row = await tx
            .insertInto('review_decisions')
            .values({
              submission_id: input.submissionId,
              decision: input.decision,
              reason: input.reason,
              comments: JSON.stringify(input.comments),
              decided_by: input.decidedBy,
              created_at: now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          return toDecision(row);
        }),
      );
    },
  };
}
