/**
 * The contract of the shared mechanism (opening, migrations, transactions), run against both backends (SQLite and PostgreSQL; test/store-backends.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { openStore } from './connect';
import { ConflictError } from './errors';
import { inflateGrid } from './grid-codec';
import { staticMigrations } from './migrations';
import { openSqliteFile } from './sqlite-dialect';
import { describeStore, sampleReport } from '../../../test/store-backends';

describeStore('Store', (fx) => {
  const { store, unique, world, newSubmission } = fx;

  describe('opening', () => {
    it('migrates idempotently: a second open of the same database sees the same data', async () => {
      const dept = await store.departments.create({ name: unique('重开测试') });
      const again = await openStore(fx.backend.url, fx.backend.options);
      try {
        expect(await again.departments.get(dept.id)).toEqual(dept);
      } finally {
        await again.close();
      }
    });

    if (fx.name === 'SQLite') {
      it('puts the file in WAL mode', () => {
        const raw = new BetterSqlite3(fx.backend.url.slice('sqlite:'.length), { readonly: true });
        try {
          expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
        } finally {
          raw.close();
        }
      });

      it('opens connections with durable commits, foreign keys and a busy timeout', () => {
        const raw = openSqliteFile(join(mkdtempSync(join(tmpdir(), 'govcat-pragma-')), 'p.db'));
        try {
          expect(raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
          expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
          expect(raw.pragma('busy_timeout', { simple: true })).toBe(5000);
        } finally {
          raw.close();
          rmSync(dirname(raw.name), { recursive: true, force: true });
        }
      });

      it('migration 007 gives earlier tokens the default lifetime from their creation, but at least 30 days from the upgrade', async () => {
        const path = join(mkdtempSync(join(tmpdir(), 'govcat-007-')), 'old.db');
        const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
        try {
          expect((await new Migrator({ db: old, provider: staticMigrations }).migrateTo('006_checked_uploads')).error).toBeUndefined();
          const user = await old.insertInto('users').values({ username: 'old', display_name: 'old', role: 'clerk', password_hash: 'h', active: 1, created_at: '2020-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
          const recent = new Date(Date.now() - 10 * 86_400_000).toISOString();
          for (const [name, created] of [['long ago', '2020-01-01T00:00:00.000Z'], ['recent', recent]]) {
            await old.insertInto('api_tokens').values({ token_hash: name, name, prefix: 'p', user_id: user.id, created_at: created }).execute();
          }
        } finally {
          await old.destroy();
        }
        const before = Date.now();
        const upgraded = await openStore(`sqlite:${path}`);
        try {
          const [longAgo, recentToken] = await upgraded.tokens.list();
          expect(Date.parse(longAgo.expiresAt) - before).toBeGreaterThanOrEqual(30 * 86_400_000);
          expect(Date.parse(longAgo.expiresAt) - before).toBeLessThan(31 * 86_400_000);
          expect(Date.parse(recentToken.expiresAt) - Date.parse(recentToken.createdAt)).toBe(180 * 86_400_000);
          expect((await upgraded.users.list())[0].mustChangePassword).toBe(false);
        } finally {
          await upgraded.close();
          rmSync(dirname(path), { recursive: true, force: true });
        }
      });

      it('migration 009 deflates grids stored as JSON text before 003, then drops the text column', async () => {
        const path = join(mkdtempSync(join(tmpdir(), 'govcat-009-')), 'old.db');
        const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
        const grid = { sheets: [{ name: '目录', rows: [['序号', '部门名称'], [1, '芜湖市统计局'], [null, true]] }] };
        let id = 0;
        try {
          expect((await new Migrator({ db: old, provider: staticMigrations }).migrateTo('008_task_management')).error).toBeUndefined();
          const dept = await old.insertInto('departments').values({ name: '统计局', created_at: '2020-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
          const user = await old.insertInto('users').values({ username: 'old', display_name: 'old', role: 'clerk', department_id: dept.id, password_hash: 'h', active: 1, created_at: '2020-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
          const row = await old
            .insertInto('submissions')
            .values({ department_id: dept.id, task_id: null, task_key: 0, version: 1, sheet_kinds: '["catalogue"]', grid: JSON.stringify(grid), grid_deflated: null, report: JSON.stringify(sampleReport()), errors: 0, warnings: 0, status: 'submitted', submitted_by: user.id, created_at: '2020-01-01T00:00:00.000Z' })
            .returning('id')
            .executeTakeFirstOrThrow();
          id = row.id;
        } finally {
          await old.destroy();
        }
        const upgraded = await openStore(`sqlite:${path}`);
        try {
          expect(inflateGrid((await upgraded.submissions.grid({ userId: 0, role: 'admin', departmentId: null }, id))!)).toEqual(grid);
        } finally {
          await upgraded.close();
        }
        const raw = new BetterSqlite3(path);
        try {
          expect((raw.prepare('select name from pragma_table_info(?)').all('submissions') as Array<{ name: string }>).map((c) => c.name)).not.toContain('grid');
        } finally {
          raw.close();
          rmSync(dirname(path), { recursive: true, force: true });
        }
      });

      it('syncs at checkpoints only when a bureau chooses NORMAL', () => {
        const raw = openSqliteFile(join(mkdtempSync(join(tmpdir(), 'govcat-pragma-')), 'p.db'), 'normal');
        try {
          expect(raw.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
        } finally {
          raw.close();
          rmSync(dirname(raw.name), { recursive: true, force: true });
        }
      });
    }
  });

  describe('transactions', () => {
    it('rolls back everything when the work throws', async () => {
      const { clerkA, coordinator } = await world();
      const entity = unique('rollback');
      let createdId = 0;
      await expect(
        store.transaction(async (tx) => {
          createdId = (await tx.submissions.create(newSubmission(clerkA))).submission.id;
          await tx.audit.append({ userId: clerkA.userId, action: 'create', entity, entityId: String(createdId) });
          throw new Error('中途失败');
        }),
      ).rejects.toThrow('中途失败');
      expect(createdId).toBeGreaterThan(0);
      expect(await store.submissions.get(coordinator, createdId)).toBeNull();
      expect(await store.audit.list({ entity })).toEqual([]);
      // The rolled-back version number is free again.
      expect((await store.submissions.create(newSubmission(clerkA))).submission.version).toBe(1);
    });

    it('commits the work and returns its result', async () => {
      const { clerkA, coordinator } = await world();
      const entity = unique('commit');
      const id = await store.transaction(async (tx) => {
        const { submission } = await tx.submissions.create(newSubmission(clerkA));
        await tx.audit.append({ userId: clerkA.userId, action: 'create', entity, entityId: String(submission.id) });
        return submission.id;
      });
      expect(await store.submissions.get(coordinator, id)).not.toBeNull();
      expect(await store.audit.list({ entity })).toHaveLength(1);
    });

    it('undoes only a nested block that throws, and a conflict inside leaves the transaction usable', async () => {
      const outerName = unique('外层');
      const innerName = unique('内层');
      const taken = (await store.departments.create({ name: unique('已占用') })).name;
      await store.transaction(async (tx) => {
        await tx.departments.create({ name: outerName });
        await tx
          .transaction(async (inner) => {
            await inner.departments.create({ name: innerName });
            throw new Error('inner');
          })
          .catch(() => undefined);
        await expect(tx.transaction((inner) => inner.departments.create({ name: taken }))).rejects.toBeInstanceOf(ConflictError);
        await tx.audit.append({ userId: null, action: 'after', entity: outerName, entityId: null });
      });
      const names = (await store.departments.list()).map((d) => d.name);
      expect(names).toContain(outerName);
      expect(names).not.toContain(innerName);
      expect(await store.audit.list({ entity: outerName })).toHaveLength(1);
    });

    it('keeps concurrent transactions apart: rolling one back does not touch the others', async () => {
      const prefix = unique('并发');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          store.transaction(async (tx) => {
            await tx.departments.create({ name: `${prefix}-${i}` });
            await tx.audit.append({ userId: null, action: 'create', entity: prefix, entityId: String(i) });
            if (i % 2 === 1) throw new Error(`fail ${i}`);
            return i;
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
      const names = (await store.departments.list()).map((d) => d.name).filter((n) => n.startsWith(`${prefix}-`));
      expect(names.sort()).toEqual([0, 2, 4, 6, 8].map((i) => `${prefix}-${i}`));
      expect((await store.audit.list({ entity: prefix })).map((e) => e.entityId).sort()).toEqual(['0', '2', '4', '6', '8']);
    });
  });
});
