/**
 * The contract of tasks' repositories, run against both backends (SQLite and PostgreSQL; test/store-backends.ts).
 */
import { InvalidReferenceError } from '../../db/errors';
import type { Actor } from '../../db/store';
import { describeStore } from '../../../../test/store-backends';

describeStore('tasks repositories', (fx) => {
  const { store, unique, world, newSubmission } = fx;

  describe('tasks', () => {
    it('creates and reads a task with its departments', async () => {
      const { a, b, coordinator } = await world();
      const task = await store.tasks.create({ title: '年度目录', sheetKinds: ['catalogue', 'demand'], departmentIds: [b.id, a.id, b.id], dueDate: '2025-12-31', createdBy: coordinator.userId });
      expect(task).toEqual({
        id: expect.any(Number),
        title: '年度目录',
        sheetKinds: ['catalogue', 'demand'],
        departmentIds: [a.id, b.id],
        dueDate: '2025-12-31',
        extensions: [],
        createdBy: coordinator.userId,
        createdAt: expect.any(String),
        closedAt: null,
      });
      expect(await store.tasks.get(task.id)).toEqual(task);
      expect(await store.tasks.get(999_999)).toBeNull();
      await expect(store.tasks.create({ title: 'x', sheetKinds: [], departmentIds: [999_999], dueDate: '2025-01-01', createdBy: coordinator.userId })).rejects.toBeInstanceOf(InvalidReferenceError);
    });

    it('lists to clerks and leads only the tasks given to their department', async () => {
      const { a, b, clerkA, leadB, coordinator, admin } = await world();
      const onlyA = await store.tasks.create({ title: unique('仅甲'), sheetKinds: ['contact'], departmentIds: [a.id], dueDate: '2025-03-01', createdBy: coordinator.userId });
      const onlyB = await store.tasks.create({ title: unique('仅乙'), sheetKinds: ['contact'], departmentIds: [b.id], dueDate: '2025-03-01', createdBy: coordinator.userId });
      const ids = async (actor: Actor) => (await store.tasks.list(actor)).map((t) => t.id);
      expect(await ids(clerkA)).toContain(onlyA.id);
      expect(await ids(clerkA)).not.toContain(onlyB.id);
      expect(await ids(leadB)).toContain(onlyB.id);
      expect(await ids(leadB)).not.toContain(onlyA.id);
      expect(await ids(coordinator)).toEqual(expect.arrayContaining([onlyA.id, onlyB.id]));
      expect(await ids(admin)).toEqual(expect.arrayContaining([onlyA.id, onlyB.id]));
      expect(await store.tasks.list({ userId: clerkA.userId, role: 'clerk', departmentId: null })).toEqual([]);
      expect((await store.tasks.list(clerkA)).find((t) => t.id === onlyA.id)).toEqual(onlyA);
    });

    it('edits, extends for one department, closes and deletes a task', async () => {
      const { a, b, coordinator, task } = await world();
      const moved = await store.tasks.update(task.id, { title: '改名', dueDate: '2025-07-15', departmentIds: [b.id] });
      expect(moved).toMatchObject({ title: '改名', dueDate: '2025-07-15', departmentIds: [b.id], sheetKinds: ['catalogue'] });
      expect(await store.tasks.update(999_999, { title: 'x' })).toBeNull();
      await store.tasks.update(task.id, { departmentIds: [a.id, b.id] });
      expect((await store.tasks.extend(task.id, { departmentId: a.id, dueDate: '2025-08-01' }))!.extensions).toEqual([{ departmentId: a.id, dueDate: '2025-08-01' }]);
      expect(await store.tasks.extend(task.id, { departmentId: 999_999, dueDate: '2025-08-01' })).toBeNull();
      // The task's own date catching up makes the extension moot; removing the department drops it too.
      expect((await store.tasks.update(task.id, { dueDate: '2025-08-01' }))!.extensions).toEqual([]);
      await store.tasks.extend(task.id, { departmentId: a.id, dueDate: '2025-09-01' });
      expect((await store.tasks.update(task.id, { departmentIds: [b.id] }))!.extensions).toEqual([]);

      expect(await store.tasks.isClosed(task.id)).toBe(false);
      const closed = await store.tasks.close(task.id);
      expect(closed!.closedAt).toEqual(expect.any(String));
      expect((await store.tasks.close(task.id))!.closedAt).toBe(closed!.closedAt);
      expect(await store.tasks.isClosed(task.id)).toBe(true);
      expect(await store.tasks.isClosed(999_999)).toBeNull();

      const used = await store.tasks.create({ title: unique('已提交'), sheetKinds: ['catalogue'], departmentIds: [a.id], dueDate: '2025-06-30', createdBy: coordinator.userId });
      const clerk = (await store.users.create({ username: unique('clerk'), displayName: '李四', role: 'clerk', departmentId: a.id, passwordHash: 'hash' })).id;
      await store.submissions.create(newSubmission({ userId: clerk, role: 'clerk', departmentId: a.id }, { taskId: used.id }));
      expect(await store.tasks.submissionCounts(used.id)).toEqual(new Map([[a.id, 1]]));
      // The foreign key keeps a task with submissions even if a caller skipped the check.
      await expect(store.tasks.delete(used.id)).rejects.toBeInstanceOf(InvalidReferenceError);
      expect(await store.tasks.get(used.id)).not.toBeNull();
      expect(await store.tasks.delete(task.id)).toBe(true);
      expect(await store.tasks.get(task.id)).toBeNull();
      expect(await store.tasks.delete(task.id)).toBe(false);
    });
  });

  describe('calendar years', () => {
    it('stores a year, replaces it on a second write, and deletes it', async () => {
      const { admin } = await world();
      const first = await store.calendarYears.put({ year: 2031, holidays: ['2031-01-01'], workdays: [], notice: '2031-01-01 放假', source: '测试', updatedBy: admin.userId });
      expect(first).toEqual({ year: 2031, holidays: ['2031-01-01'], workdays: [], notice: '2031-01-01 放假', source: '测试', updatedBy: admin.userId, updatedAt: expect.any(String) });
      await store.calendarYears.put({ ...first, holidays: ['2031-01-01', '2031-01-02'], workdays: ['2031-01-04'] });
      expect((await store.calendarYears.list()).filter((y) => y.year === 2031)).toEqual([expect.objectContaining({ holidays: ['2031-01-01', '2031-01-02'], workdays: ['2031-01-04'] })]);
      expect(await store.calendarYears.delete(2031)).toBe(true);
      expect(await store.calendarYears.delete(2031)).toBe(false);
    });
  });
});
