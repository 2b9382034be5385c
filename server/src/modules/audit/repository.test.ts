/**
 * The contract of the audit log's repository, run against both backends (SQLite and PostgreSQL; test/store-backends.ts).
 */
import { describeStore } from '../../../../test/store-backends';

describeStore('audit repository', (fx) => {
  const { store, unique } = fx;

  describe('audit', () => {
    it('appends and lists audit entries, newest first', async () => {
      const entity = unique('submission');
      await store.audit.append({ userId: null, action: 'create', entity, entityId: '1' });
      await store.audit.append({ userId: 7, action: 'approve', entity, entityId: '1', details: { 原因: '通过', n: 2, none: null } });
      await store.audit.append({ userId: 7, action: 'create', entity, entityId: '2' });
      const all = await store.audit.list({ entity });
      expect(all.map((e) => e.action)).toEqual(['create', 'approve', 'create']);
      expect(all[2]).toEqual({ id: expect.any(Number), at: expect.any(String), userId: null, action: 'create', entity, entityId: '1', details: {} });
      expect(await store.audit.list({ entity, entityId: '1', limit: 1 })).toEqual([
        { id: all[1].id, at: all[1].at, userId: 7, action: 'approve', entity, entityId: '1', details: { 原因: '通过', n: 2, none: null } },
      ]);
    });
  });
});
