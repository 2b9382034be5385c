/**
 * The Store contract, run against both backends: SQLite in a temporary file (so WAL is real)
 * and PostgreSQL in a schema of its own, dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { ENGINE_VERSION, type Report, type SheetKind, type WorkbookGrid } from '../../../shared/src';
import { openStore, type OpenStoreOptions } from './connect';
import { ConflictError, InvalidReferenceError } from './errors';
import { inflateGrid } from './grid-codec';
import { staticMigrations } from './migrations';
import { createPostgresPool } from './postgres-pool';
import { openSqliteFile } from './sqlite-dialect';
import type { Actor, NewSubmission, Store } from './store';

interface Backend {
  name: string;
  url: string;
  options: OpenStoreOptions;
  cleanup(): Promise<void>;
}

const PG_URL = process.env.GOVCAT_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test';

const backends: Array<[string, () => Backend]> = [
  [
    'SQLite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'govcat-store-'));
      // A missing parent directory: openStore creates it.
      const path = join(dir, 'data', 'govcat.db');
      return { name: 'SQLite', url: `sqlite:${path}`, options: {}, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    () => {
      const schema = `govcat_test_${process.pid}_${Date.now().toString(36)}`;
      return {
        name: 'PostgreSQL',
        url: PG_URL,
        options: { schema },
        cleanup: async () => {
          const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: createPostgresPool(PG_URL) }) });
          try {
            await db.schema.dropSchema(schema).ifExists().cascade().execute();
          } finally {
            await db.destroy();
          }
        },
      };
    },
  ],
];

function sampleGrid(): WorkbookGrid {
  return {
    sheets: [
      {
        name: '数据资源目录',
        rows: [
          ['资源名称', '资源代码', '共享类型', null],
          ['人口基础信息', 'A-001', '无条件共享', 12.5],
          [null, '', true, false],
          ['“引号”与\\反斜杠\n换行', 0, -3.75, 45292],
        ],
        merges: [{ top: 3, left: 1, bottom: 4, right: 1 }],
        startRow: 3,
        startCol: 2,
      },
      { name: '空表', rows: [] },
    ],
  };
}

function sampleReport(errors = 1, warnings = 2): Report {
  return {
    engineVersion: ENGINE_VERSION,
    sheets: [{ name: '数据资源目录', kind: 'catalogue', kindLabel: '数据资源目录', headerRow: 3, dataRows: 3, resources: 2, template: null }],
    issues: [
      { sheet: '数据资源目录', cell: 'B5', row: 5, col: 2, column: '资源名称', ruleId: 'required', severity: 'error', message: '“资源名称”不能为空', value: null },
      { sheet: '数据资源目录', cell: null, row: 6, col: null, column: null, ruleId: 'row.blank', severity: 'warning', message: '第 6 行疑似空行', value: '' },
    ],
    counts: { errors, warnings, bySheet: { 数据资源目录: { errors, warnings } }, byRule: { required: errors, 'row.blank': warnings } },
    truncated: false,
  };
}

describe.each(backends)('Store on %s', (_name, makeBackend) => {
  let backend: Backend;
  let store: Store;
  let seq = 0;
  const unique = (prefix: string) => `${prefix}-${++seq}`;

  beforeAll(async () => {
    backend = makeBackend();
    store = await openStore(backend.url, backend.options);
  });

  afterAll(async () => {
    await store?.close();
    await backend?.cleanup();
  });

  /** Two departments with a clerk and a lead each, a coordinator, an admin and a task for both. */
  async function world() {
    const a = await store.departments.create({ name: unique('发展改革委') });
    const b = await store.departments.create({ name: unique('公安局') });
    const user = async (role: Actor['role'], departmentId: number | null) => {
      const u = await store.users.create({ username: unique(role), displayName: '张三', role, departmentId, passwordHash: 'hash' });
      return { userId: u.id, role, departmentId } satisfies Actor;
    };
    const clerkA = await user('clerk', a.id);
    const leadA = await user('lead', a.id);
    const clerkB = await user('clerk', b.id);
    const leadB = await user('lead', b.id);
    const coordinator = await user('coordinator', null);
    const admin = await user('admin', null);
    const task = await store.tasks.create({ title: unique('2025 年目录更新'), sheetKinds: ['catalogue'], departmentIds: [a.id, b.id], dueDate: '2025-06-30', createdBy: coordinator.userId });
    return { a, b, clerkA, leadA, clerkB, leadB, coordinator, admin, task };
  }

  function newSubmission(actor: Actor, over: Partial<NewSubmission> = {}): NewSubmission {
    return {
      departmentId: actor.departmentId!,
      taskId: null,
      sheetKinds: ['catalogue'],
      grid: sampleGrid(),
      report: sampleReport(),
      requestHash: 'sample-hash',
      submittedBy: actor.userId,
      idempotencyKey: null,
      originalFile: null,
      status: 'submitted',
      ...over,
    };
  }

  describe('opening', () => {
    it('migrates idempotently: a second open of the same database sees the same data', async () => {
      const dept = await store.departments.create({ name: unique('重开测试') });
      const again = await openStore(backend.url, backend.options);
      try {
        expect(await again.departments.get(dept.id)).toEqual(dept);
      } finally {
        await again.close();
      }
    });

    if (_name === 'SQLite') {
      it('puts the file in WAL mode', () => {
        const raw = new BetterSqlite3(backend.url.slice('sqlite:'.length), { readonly: true });
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

  describe('departments', () => {
    it('creates, reads, lists and renames', async () => {
      const name = unique('统计局');
      const dept = await store.departments.create({ name, code: 'TJJ' });
      expect(dept).toEqual({ id: expect.any(Number), name, code: 'TJJ', createdAt: expect.any(String) });
      expect(new Date(dept.createdAt).toISOString()).toBe(dept.createdAt);
      expect(await store.departments.get(dept.id)).toEqual(dept);
      expect(await store.departments.list()).toContainEqual(dept);

      const renamed = await store.departments.rename(dept.id, { name: `${name}（新）` });
      expect(renamed).toEqual({ ...dept, name: `${name}（新）` });
      expect(await store.departments.rename(dept.id, { name: `${name}（新）`, code: null })).toEqual({ ...dept, name: `${name}（新）`, code: null });
      expect(await store.departments.get(999_999)).toBeNull();
      expect(await store.departments.rename(999_999, { name: unique('无') })).toBeNull();
    });

    it('reports a taken name as ConflictError', async () => {
      const name = unique('教育局');
      const first = await store.departments.create({ name });
      const err = await store.departments.create({ name }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect(err).toMatchObject({ entity: 'department', field: 'name' });
      const other = await store.departments.create({ name: unique('卫健委') });
      await expect(store.departments.rename(other.id, { name })).rejects.toMatchObject({ name: 'ConflictError', field: 'name' });
      expect(await store.departments.get(first.id)).toEqual(first);
    });
  });

  describe('users', () => {
    it('creates, reads, lists by filter and updates', async () => {
      const dept = await store.departments.create({ name: unique('民政局') });
      const username = unique('lisi');
      const user = await store.users.create({ username, displayName: '李四', role: 'clerk', departmentId: dept.id, passwordHash: 'argon2$x' });
      expect(user).toEqual({ id: expect.any(Number), username, displayName: '李四', role: 'clerk', departmentId: dept.id, active: true, mustChangePassword: false, createdAt: expect.any(String) });
      expect(user).not.toHaveProperty('passwordHash');
      expect(await store.users.get(user.id)).toEqual(user);
      expect(await store.users.findForSignIn(username)).toEqual({ ...user, passwordHash: 'argon2$x' });
      expect(await store.users.findForSignIn(unique('nobody'))).toBeNull();

      const lead = await store.users.create({ username: unique('wangwu'), displayName: '王五', role: 'lead', departmentId: dept.id, passwordHash: 'h' });
      expect((await store.users.list({ departmentId: dept.id })).map((u) => u.id)).toEqual([user.id, lead.id]);
      expect((await store.users.list({ departmentId: dept.id, role: 'lead' })).map((u) => u.id)).toEqual([lead.id]);

      const updated = await store.users.update(user.id, { displayName: '李四（离职）', active: false, role: 'lead', departmentId: null, passwordHash: 'new', mustChangePassword: true });
      expect(updated).toEqual({ ...user, displayName: '李四（离职）', active: false, role: 'lead', departmentId: null, mustChangePassword: true });
      expect((await store.users.findForSignIn(username))?.passwordHash).toBe('new');
      expect(await store.users.update(user.id, {})).toEqual(updated);
      expect(await store.users.update(999_999, { active: true })).toBeNull();
    });

    it('reports a taken username as ConflictError and a missing department as InvalidReferenceError', async () => {
      const username = unique('zhaoliu');
      await store.users.create({ username, displayName: '赵六', role: 'coordinator', departmentId: null, passwordHash: 'h' });
      const err = await store.users.create({ username, displayName: '赵六', role: 'clerk', departmentId: null, passwordHash: 'h' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect(err).toMatchObject({ entity: 'user', field: 'username', message: '用户名已被使用' });
      await expect(store.users.create({ username: unique('x'), displayName: 'x', role: 'clerk', departmentId: 999_999, passwordHash: 'h' })).rejects.toBeInstanceOf(InvalidReferenceError);
    });
  });

  describe('tokens', () => {
    it('finds the user of an active token and marks it used', async () => {
      const { clerkA } = await world();
      const hash = unique('sha256');
      const token = await store.tokens.create({ userId: clerkA.userId, name: '报送脚本', prefix: 'gct_ab12', tokenHash: hash });
      expect(token).toEqual({ id: expect.any(Number), userId: clerkA.userId, name: '报送脚本', prefix: 'gct_ab12', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null, expiresAt: expect.any(String) });
      expect(token).not.toHaveProperty('tokenHash');
      // Without a chosen expiry: the default lifetime from its creation.
      expect(Date.parse(token.expiresAt) - Date.parse(token.createdAt)).toBe(180 * 86_400_000);

      const found = await store.tokens.findUser(hash);
      if (!found || found === 'expired') throw new Error('token not found');
      // The user and the token as stored, each with its own id and creation time.
      expect(found.user).toEqual(await store.users.get(clerkA.userId));
      expect(found.token).toMatchObject({ id: token.id, createdAt: token.createdAt, name: '报送脚本', expiresAt: token.expiresAt });
      expect(found.token.lastUsedAt).toEqual(expect.any(String));
      expect((await store.tokens.list(clerkA.userId))[0].lastUsedAt).toBe(found.token.lastUsedAt);
      expect(await store.tokens.findUser(unique('unknown'))).toBeNull();
    });

    it('tells an expired token apart, and does not mark it used', async () => {
      const { clerkA } = await world();
      const hash = unique('h');
      const token = await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: hash, lifetimeDays: -1 });
      expect(Date.parse(token.expiresAt) - Date.parse(token.createdAt)).toBe(-86_400_000);
      expect(await store.tokens.findUser(hash)).toBe('expired');
      expect((await store.tokens.list(clerkA.userId))[0].lastUsedAt).toBeNull();
    });

    it('revokes every working token of one user at once, and counts them', async () => {
      const { clerkA, clerkB } = await world();
      const live = [unique('h'), unique('h')];
      for (const tokenHash of live) await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash });
      const gone = await store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: unique('h') });
      await store.tokens.revoke(gone.id);
      await store.tokens.create({ userId: clerkA.userId, name: 'c', prefix: 'p', tokenHash: unique('h'), lifetimeDays: -1 });
      const othersHash = unique('h');
      await store.tokens.create({ userId: clerkB.userId, name: 'd', prefix: 'p', tokenHash: othersHash });

      // The revoked and the expired one are not counted again.
      expect(await store.tokens.revokeForUser(clerkA.userId)).toBe(2);
      for (const h of live) expect(await store.tokens.findUser(h)).toBeNull();
      expect(await store.tokens.revokeForUser(clerkA.userId)).toBe(0);
      expect(await store.tokens.findUser(othersHash)).not.toBeNull();
    });

    it('revokes once and lists tokens per user', async () => {
      const { clerkA, clerkB } = await world();
      const revoked = await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: unique('h') });
      const kept = await store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: unique('h') });
      const other = await store.tokens.create({ userId: clerkB.userId, name: 'c', prefix: 'p', tokenHash: unique('h') });

      expect(await store.tokens.revoke(revoked.id)).toBe(true);
      const [first] = await store.tokens.list(clerkA.userId);
      expect(first.revokedAt).toEqual(expect.any(String));
      expect(await store.tokens.revoke(revoked.id)).toBe(true);
      expect((await store.tokens.list(clerkA.userId))[0].revokedAt).toBe(first.revokedAt);
      expect(await store.tokens.revoke(999_999)).toBe(false);

      expect((await store.tokens.list(clerkA.userId)).map((t) => t.id)).toEqual([revoked.id, kept.id]);
      expect((await store.tokens.list()).map((t) => t.id)).toEqual(expect.arrayContaining([revoked.id, kept.id, other.id]));
    });

    it('returns null for a revoked token and for an inactive user', async () => {
      const { clerkA } = await world();
      const revokedHash = unique('h');
      const t = await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: revokedHash });
      await store.tokens.revoke(t.id);
      expect(await store.tokens.findUser(revokedHash)).toBeNull();

      const liveHash = unique('h');
      await store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: liveHash });
      expect(await store.tokens.findUser(liveHash)).not.toBeNull();
      await store.users.update(clerkA.userId, { active: false });
      expect(await store.tokens.findUser(liveHash)).toBeNull();
    });

    it('reports a duplicate token hash as ConflictError', async () => {
      const { clerkA } = await world();
      const hash = unique('h');
      await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: hash });
      await expect(store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: hash })).rejects.toMatchObject({ name: 'ConflictError', field: 'tokenHash' });
    });
  });

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

  describe('settings and audit', () => {
    it('returns the fallback until a value is set, then the JSON value', async () => {
      const key = unique('review');
      expect(await store.settings.get(key, { leadStep: true })).toEqual({ leadStep: true });
      await store.settings.set(key, { leadStep: false, bureau: '市数据局', holidays: ['2025-10-01'], limit: null });
      expect(await store.settings.get(key, {})).toEqual({ leadStep: false, bureau: '市数据局', holidays: ['2025-10-01'], limit: null });
      await store.settings.set(key, 42);
      expect(await store.settings.get(key, 0)).toBe(42);
      await store.settings.set(key, false);
      expect(await store.settings.get(key, true)).toBe(false);
    });

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

  describe('rate limits', () => {
    it('counts hits in a window, atomically from many callers, and starts again when it ends', async () => {
      const key = unique('sign-in:127.0.0.1');
      const hits = await Promise.all(Array.from({ length: 8 }, () => store.rateLimits.hit(key, 60_000)));
      expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(hits.map((h) => h.resetAt.getTime())).size).toBe(1);
      await store.rateLimits.undo(key);
      expect((await store.rateLimits.hit(key, 60_000)).hits).toBe(8);
      await store.rateLimits.reset(key);
      expect((await store.rateLimits.hit(key, 60_000)).hits).toBe(1);

      const short = unique('sign-in:10.0.0.1');
      await store.rateLimits.hit(short, 40);
      expect((await store.rateLimits.hit(short, 40)).hits).toBe(2);
      await new Promise((r) => setTimeout(r, 60));
      const again = await store.rateLimits.hit(short, 40);
      expect(again.hits).toBe(1);
      expect(again.resetAt.getTime()).toBeGreaterThan(Date.now());
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
      const ids = async (filter: Parameters<Store['submissions']['list']>[1]) => (await store.submissions.list(coordinator, filter)).items.map((s) => s.id);

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
