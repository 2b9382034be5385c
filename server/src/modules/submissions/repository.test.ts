/**
 * The contract of submissions' repositories, run against both backends (SQLite and PostgreSQL; test/store-backends.ts).
 */
import type { SheetKind } from '../../../../shared/src';
import { InvalidReferenceError } from '../../db/errors';
import { inflateGrid } from '../../db/grid-codec';
import type { Actor, NewSubmission, SubmissionRepository } from '../../db/store';
import { describeStore, sampleGrid, sampleReport } from '../../../../test/store-backends';

describeStore('submissions repositories', (fx) => {
  const { store, unique, world, newSubmission } = fx;

  describe('submissions: versions and idempotency', () => {
    it('numbers versions per department and task, and per department without a task', async () => {
      const { clerkA, clerkB, task } = await world();
      const v = async (actor: Actor, taskId: number | null) => (await store.submissions.create(newSubmission(actor, { taskId }))).submission.version;
      expect(await v(clerkA, null)).toBe(1);
      expect(await v(clerkA, task.id)).toBe(1);
      expect(await v(clerkA, null)).toBe(2);
      expect(await v(clerkA, task.id)).toBe(2);
      expect(await v(clerkB, task.id)).toBe(1);
      expect(await v(clerkA, task.id)).toBe(3);
    });

    it('gives 20 concurrent creates distinct consecutive versions', async () => {
      const { clerkA, task } = await world();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.submissions.create(newSubmission(clerkA, { taskId: task.id }))));
      expect(results.every((r) => r.created)).toBe(true);
      expect(results.map((r) => r.submission.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('returns the first submission for a repeated idempotency key', async () => {
      const { clerkA, leadA } = await world();
      const key = unique('key');
      const first = await store.submissions.create(newSubmission(clerkA, { idempotencyKey: key }));
      const again = await store.submissions.create(newSubmission(clerkA, { idempotencyKey: key, report: sampleReport(9, 9) }));
      expect(first.created).toBe(true);
      expect(again).toEqual({ submission: first.submission, created: false, sameRequest: true });
      // The same key with other content is told apart, and finds the first submission.
      const other = await store.submissions.create(newSubmission(clerkA, { idempotencyKey: key, requestHash: 'other-hash' }));
      expect(other).toEqual({ submission: first.submission, created: false, sameRequest: false });
      expect(await store.submissions.findByIdempotencyKey(clerkA.userId, key)).toEqual({ submission: first.submission, requestHash: 'sample-hash' });
      expect(await store.submissions.findByIdempotencyKey(clerkA.userId, unique('unused'))).toBeNull();
      // The key is per user.
      const byLead = await store.submissions.create(newSubmission(leadA, { idempotencyKey: key }));
      expect(byLead.created).toBe(true);
      expect(byLead.submission.version).toBe(2);
    });

    it('stores one submission when identical requests race', async () => {
      const { a, clerkA, coordinator } = await world();
      const key = unique('race');
      const results = await Promise.all(Array.from({ length: 10 }, () => store.submissions.create(newSubmission(clerkA, { idempotencyKey: key }))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.submission.id)).size).toBe(1);
      expect((await store.submissions.list(coordinator, { departmentId: a.id })).total).toBe(1);
    });

    it('takes errors and warnings from the report counts', async () => {
      const { clerkA } = await world();
      const { submission } = await store.submissions.create(newSubmission(clerkA, { report: sampleReport(3, 5), sheetKinds: ['catalogue', 'contact'] }));
      expect(submission).toEqual({
        id: expect.any(Number),
        departmentId: clerkA.departmentId,
        taskId: null,
        version: 1,
        sheetKinds: ['catalogue', 'contact'],
        status: 'submitted',
        errors: 3,
        warnings: 5,
        submittedBy: clerkA.userId,
        createdAt: expect.any(String),
        originalFilename: null,
      });
    });
  });

  describe('recordSubmission: the submit path (group commit on SQLite)', () => {
    const auditOf = async (id: number) => (await store.audit.list({ entity: 'submission', entityId: String(id) })).map((e) => e.action);

    it('stores concurrent submissions with consecutive versions, each with its audit entry', async () => {
      const { a, clerkA, coordinator } = await world();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.recordSubmission(newSubmission(clerkA))));
      expect(results.every((r) => r.created && r.sameRequest)).toBe(true);
      expect(results.map((r) => r.submission.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await store.submissions.list(coordinator, { departmentId: a.id })).total).toBe(20);
      for (const r of results) expect(await auditOf(r.submission.id)).toEqual(['submission.create']);
      const stored = await store.submissions.get(coordinator, results[0].submission.id);
      expect(inflateGrid((await store.submissions.grid(coordinator, results[0].submission.id))!)).toEqual(sampleGrid());
      expect(stored?.report).toEqual(sampleReport());
    });

    it('fails only the submission that cannot be stored; the ones committed with it are kept', async () => {
      const { a, clerkA, coordinator } = await world();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => store.recordSubmission(newSubmission(clerkA, i === 5 ? { taskId: 999_999 } : {}))),
      );
      expect(outcomes[5].status).toBe('rejected');
      expect((outcomes[5] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidReferenceError);
      const stored = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
      expect(stored).toHaveLength(11);
      expect(stored.map((r) => r.submission.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      expect((await store.submissions.list(coordinator, { departmentId: a.id })).total).toBe(11);
      for (const r of stored) expect(await auditOf(r.submission.id)).toEqual(['submission.create']);
    });

    it('stores one submission for concurrent requests with the same idempotency key', async () => {
      const { a, clerkA, coordinator } = await world();
      const key = unique('record-key');
      const results = await Promise.all(Array.from({ length: 6 }, () => store.recordSubmission(newSubmission(clerkA, { idempotencyKey: key }))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results.every((r) => r.sameRequest)).toBe(true);
      expect(new Set(results.map((r) => r.submission.id)).size).toBe(1);
      expect((await store.submissions.list(coordinator, { departmentId: a.id })).total).toBe(1);
      expect(await auditOf(results[0].submission.id)).toEqual(['submission.create']);
    });

    it('nests in an open transaction and rolls back with it', async () => {
      const { a, clerkA, coordinator } = await world();
      await expect(
        store.transaction(async (tx) => {
          await tx.recordSubmission(newSubmission(clerkA));
          throw new Error('外层失败');
        }),
      ).rejects.toThrow('外层失败');
      expect((await store.submissions.list(coordinator, { departmentId: a.id })).total).toBe(0);
    });
  });

  describe('submissions: content round-trip', () => {
    it('returns grid and report exactly, Chinese text and nulls included', async () => {
      const { clerkA, clerkB } = await world();
      const grid = sampleGrid();
      const report = sampleReport();
      const { submission } = await store.submissions.create(newSubmission(clerkA, { grid, report }));
      const full = await store.submissions.get(clerkA, submission.id);
      expect(full).toEqual({ ...submission, report, decisions: [] });
      const stored = await store.submissions.grid(clerkA, submission.id);
      expect(JSON.stringify(inflateGrid(stored!))).toBe(JSON.stringify(grid));
      expect(JSON.stringify(full?.report)).toBe(JSON.stringify(report));
      // The grid is read under the same visibility as the rest.
      expect(await store.submissions.grid(clerkB, submission.id)).toBeNull();
    });

    it('returns the original file as a Buffer, byte for byte', async () => {
      const { clerkA } = await world();
      const content = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x00, 0x80, ...Buffer.from('目录.xlsx')]);
      const { submission } = await store.submissions.create(newSubmission(clerkA, { originalFile: { filename: '2025年数据资源目录.xlsx', content } }));
      expect(submission.originalFilename).toBe('2025年数据资源目录.xlsx');
      const file = await store.submissions.originalFile(clerkA, submission.id);
      expect(file?.filename).toBe('2025年数据资源目录.xlsx');
      expect(Buffer.isBuffer(file?.content)).toBe(true);
      expect(file?.content.equals(content)).toBe(true);

      const { submission: bare } = await store.submissions.create(newSubmission(clerkA));
      expect(await store.submissions.originalFile(clerkA, bare.id)).toBeNull();
    });
  });

  describe('submissions: department isolation', () => {
    it('keeps clerks and leads to their own department, whatever the filter asks', async () => {
      const { a, b, clerkA, leadA, clerkB, leadB, coordinator, admin } = await world();
      const content = Buffer.from('xlsx');
      const subA = (await store.submissions.create(newSubmission(clerkA, { originalFile: { filename: 'a.xlsx', content } }))).submission;
      const subB = (await store.submissions.create(newSubmission(clerkB, { originalFile: { filename: 'b.xlsx', content } }))).submission;

      for (const actor of [clerkA, leadA]) {
        expect(await store.submissions.get(actor, subA.id)).not.toBeNull();
        expect(await store.submissions.get(actor, subB.id)).toBeNull();
        expect(await store.submissions.originalFile(actor, subA.id)).not.toBeNull();
        expect(await store.submissions.originalFile(actor, subB.id)).toBeNull();
        expect(await store.submissions.list(actor, { departmentId: b.id })).toEqual({ items: [], total: 0 });
        expect(await store.submissions.list(actor, { departmentId: b.id, limit: 10 })).toEqual({ items: [], total: 0 });
        const own = await store.submissions.list(actor);
        expect(own.items.map((s) => s.id)).toEqual([subA.id]);
        expect(own.items.every((s) => s.departmentId === a.id)).toBe(true);
      }
      for (const actor of [clerkB, leadB]) {
        expect(await store.submissions.get(actor, subA.id)).toBeNull();
        expect((await store.submissions.list(actor)).items.map((s) => s.id)).toEqual([subB.id]);
      }
      for (const actor of [coordinator, admin]) {
        expect(await store.submissions.get(actor, subB.id)).not.toBeNull();
        expect(await store.submissions.originalFile(actor, subA.id)).not.toBeNull();
        expect((await store.submissions.list(actor, { departmentId: b.id })).items.map((s) => s.id)).toEqual([subB.id]);
        const ids = (await store.submissions.list(actor)).items.map((s) => s.id);
        expect(ids).toEqual(expect.arrayContaining([subA.id, subB.id]));
      }
      const homeless: Actor = { userId: clerkA.userId, role: 'clerk', departmentId: null };
      expect(await store.submissions.get(homeless, subA.id)).toBeNull();
      expect(await store.submissions.list(homeless)).toEqual({ items: [], total: 0 });
      expect(await store.submissions.originalFile(homeless, subA.id)).toBeNull();
    });
  });

  describe('submissions: list filters', () => {
    it('filters by task, department, status and sheet kind, orders and pages', async () => {
      const { a, b, clerkA, clerkB, coordinator, task } = await world();
      const make = async (actor: Actor, over: Partial<NewSubmission>) => (await store.submissions.create(newSubmission(actor, over))).submission;
      const s1 = await make(clerkA, { taskId: task.id, sheetKinds: ['catalogue'] });
      const s2 = await make(clerkA, { taskId: null, sheetKinds: ['contact', 'responsibility'] });
      const s3 = await make(clerkA, { taskId: task.id, sheetKinds: ['demand'], status: 'confirmed' });
      const s4 = await make(clerkB, { taskId: task.id, sheetKinds: ['catalogue', 'negative'] });
      const ids = async (filter: Parameters<SubmissionRepository['submissions']['list']>[1]) => (await store.submissions.list(coordinator, filter)).items.map((s) => s.id);

      expect(await ids({ taskId: task.id, order: 'oldest' })).toEqual([s1.id, s3.id, s4.id]);
      expect(await ids({ departmentId: a.id, order: 'oldest' })).toEqual([s1.id, s2.id, s3.id]);
      expect(await ids({ departmentId: a.id, taskId: task.id, status: 'confirmed' })).toEqual([s3.id]);
      expect(await ids({ taskId: task.id, status: 'submitted', order: 'oldest' })).toEqual([s1.id, s4.id]);
      const kind = async (k: SheetKind) => ids({ taskId: undefined, sheetKind: k, departmentId: undefined, order: 'oldest' }).then((xs) => xs.filter((x) => [s1.id, s2.id, s3.id, s4.id].includes(x)));
      expect(await kind('catalogue')).toEqual([s1.id, s4.id]);
      expect(await kind('contact')).toEqual([s2.id]);
      expect(await kind('negative')).toEqual([s4.id]);
      expect(await kind('template')).toEqual([]);
      expect(await ids({ departmentId: b.id, sheetKind: 'catalogue' })).toEqual([s4.id]);

      expect(await ids({ departmentId: a.id })).toEqual([s3.id, s2.id, s1.id]);
      expect(await ids({ departmentId: a.id, order: 'newest' })).toEqual([s3.id, s2.id, s1.id]);

      const page1 = await store.submissions.list(coordinator, { departmentId: a.id, order: 'oldest', limit: 2 });
      const page2 = await store.submissions.list(coordinator, { departmentId: a.id, order: 'oldest', limit: 2, offset: 2 });
      const tail = await store.submissions.list(coordinator, { departmentId: a.id, order: 'oldest', offset: 1 });
      expect(page1).toEqual({ items: [s1, s2], total: 3 });
      expect(page2).toEqual({ items: [s3], total: 3 });
      expect(tail).toEqual({ items: [s2, s3], total: 3 });
    });
  });

  describe('submissions: decisions', () => {
    it('moves the status only from the expected states', async () => {
      const { clerkA, leadA, coordinator } = await world();
      const { submission } = await store.submissions.create(newSubmission(clerkA));
      const comments = [{ sheet: '数据资源目录', row: 5, cell: 'B5', message: '请补充资源名称' }, { sheet: '数据资源目录', row: null, cell: null, message: '整表格式' }];

      const confirm = await store.submissions.decide({ submissionId: submission.id, from: ['submitted'], to: 'confirmed', decision: 'confirm', reason: '', comments: [], decidedBy: leadA.userId });
      expect(confirm).toEqual({ id: expect.any(Number), submissionId: submission.id, decision: 'confirm', reason: '', comments: [], decidedBy: leadA.userId, createdAt: expect.any(String) });
      expect(await store.submissions.decide({ submissionId: submission.id, from: ['submitted'], to: 'confirmed', decision: 'confirm', reason: '', comments: [], decidedBy: leadA.userId })).toBeNull();

      const ret = await store.submissions.decide({ submissionId: submission.id, from: ['submitted', 'confirmed'], to: 'returned', decision: 'return', reason: '资源名称缺失', comments, decidedBy: coordinator.userId });
      expect(ret?.comments).toEqual(comments);
      // Returned: approving needs a new version.
      expect(await store.submissions.decide({ submissionId: submission.id, from: ['submitted', 'confirmed'], to: 'approved', decision: 'approve', reason: '', comments: [], decidedBy: coordinator.userId })).toBeNull();
      expect(await store.submissions.decide({ submissionId: submission.id, from: [], to: 'approved', decision: 'approve', reason: '', comments: [], decidedBy: coordinator.userId })).toBeNull();
      expect(await store.submissions.decide({ submissionId: 999_999, from: ['submitted'], to: 'approved', decision: 'approve', reason: '', comments: [], decidedBy: coordinator.userId })).toBeNull();

      const full = await store.submissions.get(clerkA, submission.id);
      expect(full?.status).toBe('returned');
      expect(full?.decisions).toEqual([confirm, ret]);
    });

    it('decides only the newest version of a series, in the same statement as the status check', async () => {
      const { clerkA, coordinator, task } = await world();
      const v1 = (await store.submissions.create(newSubmission(clerkA, { taskId: task.id, status: 'confirmed' }))).submission;
      // A newer submission in another series (the same department without the task) does not count.
      await store.submissions.create(newSubmission(clerkA, { taskId: null, status: 'confirmed' }));
      const approve = (id: number) => store.submissions.decide({ submissionId: id, from: ['confirmed'], to: 'approved', decision: 'approve', reason: '', comments: [], decidedBy: coordinator.userId });
      const v2 = (await store.submissions.create(newSubmission(clerkA, { taskId: task.id, status: 'confirmed' }))).submission;
      expect(await approve(v1.id)).toBeNull();
      expect(await store.submissions.summary(coordinator, v1.id)).toMatchObject({ status: 'confirmed' });
      expect((await store.submissions.get(coordinator, v1.id))?.decisions).toEqual([]);
      expect(await approve(v2.id)).not.toBeNull();
    });

    it('lets exactly one of two simultaneous decisions through', async () => {
      const { clerkA, coordinator, admin } = await world();
      const { submission } = await store.submissions.create(newSubmission(clerkA, { status: 'confirmed' }));
      const decide = (by: number) => store.submissions.decide({ submissionId: submission.id, from: ['confirmed'], to: 'approved', decision: 'approve', reason: '', comments: [], decidedBy: by });
      const results = await Promise.all([decide(coordinator.userId), decide(admin.userId)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect((await store.submissions.get(coordinator, submission.id))?.decisions).toHaveLength(1);
    });

    it('finds the department’s last approved catalogue before a submission, from any task', async () => {
      const { clerkA, clerkB, coordinator, task } = await world();
      const create = async (actor: Actor, taskId: number | null, over: Partial<NewSubmission> = {}) => (await store.submissions.create(newSubmission(actor, { taskId, status: 'confirmed', ...over }))).submission;
      const approve = (id: number) => store.submissions.decide({ submissionId: id, from: ['confirmed'], to: 'approved', decision: 'approve', reason: '', comments: [], decidedBy: coordinator.userId });

      const v1 = await create(clerkA, task.id);
      await approve(v1.id);
      const noTask = await create(clerkA, null);
      await approve(noTask.id);
      const demandOnly = await create(clerkA, null, { sheetKinds: ['demand'] });
      await approve(demandOnly.id);
      const otherDept = await create(clerkB, task.id);
      await approve(otherDept.id);
      const v2 = await create(clerkA, task.id);
      await store.submissions.decide({ submissionId: v2.id, from: ['confirmed'], to: 'returned', decision: 'return', reason: '退回', comments: [], decidedBy: coordinator.userId });
      const v3 = await create(clerkA, task.id);

      const last = await store.submissions.lastApproved(clerkA.departmentId!, 'catalogue', v3.id);
      expect(last).toMatchObject({ id: noTask.id, status: 'approved' });
      expect((await store.submissions.lastApproved(clerkA.departmentId!, 'catalogue', noTask.id))?.id).toBe(v1.id);
      expect(await store.submissions.lastApproved(clerkA.departmentId!, 'catalogue', v1.id)).toBeNull();
      expect((await store.submissions.lastApproved(clerkA.departmentId!, 'demand', v3.id))?.id).toBe(demandOnly.id);
      expect((await store.submissions.lastApproved(clerkB.departmentId!, 'catalogue', v3.id))?.id).toBe(otherDept.id);

      // Each department's newest approved catalogue, however many were approved before it.
      const mine = new Set([clerkA.departmentId, clerkB.departmentId]);
      const latest = (await store.submissions.latestApproved('catalogue')).filter((s) => mine.has(s.departmentId));
      expect(latest.map((s) => s.id).sort((x, y) => x - y)).toEqual([noTask.id, otherDept.id].sort((x, y) => x - y));
      // The catalogue version counts approvals across tasks (v1 in the task, noTask outside any), not the series number.
      expect(latest.map((s) => [s.id, s.approvals]).sort((x, y) => x[0] - y[0])).toEqual([[noTask.id, 2], [otherDept.id, 1]].sort((x, y) => x[0] - y[0]));
      expect(noTask.version).toBe(1);
      expect((await store.submissions.latestApproved('demand')).filter((s) => mine.has(s.departmentId)).map((s) => s.id)).toEqual([demandOnly.id]);
    });
  });
});
