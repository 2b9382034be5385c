/**
 * The repositories' contract tests share this: each file runs against both backends, SQLite in a
 * temporary file (so WAL is real) and PostgreSQL in a schema of its own, dropped afterwards.
 * `describeStore` opens the store for the file's tests and hands out a small world to test in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { ENGINE_VERSION, type Report, type WorkbookGrid } from '../shared/src';
import { openStore, type OpenStoreOptions } from '../server/src/db/connect';
import { createPostgresPool } from '../server/src/db/postgres-pool';
import type { Actor, NewSubmission, Store } from '../server/src/db/store';

export interface Backend {
  name: string;
  url: string;
  options: OpenStoreOptions;
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.GOVCAT_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test';

export const backends: Array<[string, () => Backend]> = [
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

export function sampleGrid(): WorkbookGrid {
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

export function sampleReport(errors = 1, warnings = 2): Report {
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

/** What a file's tests work with: the store (open from `beforeAll` on), its backend, unique names and a world. */
export interface StoreFixture {
  readonly name: string;
  readonly store: Store;
  readonly backend: Backend;
  unique(prefix: string): string;
  world(): Promise<World>;
  newSubmission(actor: Actor, over?: Partial<NewSubmission>): NewSubmission;
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** Runs `body`'s tests once per backend, each on a store of its own. */
export function describeStore(title: string, body: (fx: StoreFixture) => void): void {
  describe.each(backends)(`${title} on %s`, (name, makeBackend) => {
    let backend: Backend | undefined;
    let store: Store | undefined;
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

    const fx: StoreFixture = {
      name,
      // Taken apart at definition time, used once `beforeAll` has opened it.
      store: new Proxy({} as Store, {
        get: (_target, key) => {
          const value: unknown = Reflect.get(store!, key);
          return typeof value === 'function' ? value.bind(store) : value;
        },
      }),
      get backend() {
        return backend!;
      },
      unique,
      world: () => makeWorld(store!, unique),
      newSubmission,
    };
    body(fx);
  });
}

/** Two departments with a clerk and a lead each, a coordinator, an admin and a task for both. */
async function makeWorld(store: Store, unique: (prefix: string) => string) {
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
