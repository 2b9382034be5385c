/**
 * `govcat backup`: a consistent, checked copy of the SQLite database while it is in use, and
 * clear refusals otherwise.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupCommand } from '../server/src/cli/backup-command';
import { runCli } from '../server/src/cli/main';
import { openStore } from '../server/src/db/connect';
import { bufferedIo as io, serverDatabase } from './fixtures/cli-database';

// The server's own database, open and written to while the backup runs.
const db = serverDatabase('backup');

beforeAll(async () => {
  await db.store.departments.create({ name: '芜湖市统计局', code: 'TJJ' });
});

test('copies the database in use; the copy opens and holds what was written', async () => {
  const target = join(db.dir, 'backup-1.db');
  const writing = db.store.departments.create({ name: '芜湖市民政局', code: 'MZJ' });
  const { out, io: cli } = io();
  expect(await backupCommand(target, cli, db.env())).toBe(0);
  await writing;
  expect(out.stdout).toContain('完整性检查通过');
  expect(out.stdout).toContain(target);
  const copy = await openStore(`sqlite:${target}`);
  try {
    expect((await copy.departments.list()).map((d) => d.name)).toContain('芜湖市统计局');
  } finally {
    await copy.close();
  }
});

test('never overwrites a file that is there', async () => {
  const target = join(db.dir, 'existing.db');
  writeFileSync(target, 'an earlier backup');
  const { out, io: cli } = io();
  expect(await backupCommand(target, cli, db.env())).toBe(2);
  expect(out.stderr).toContain('已存在');
});

test('without the database, or on PostgreSQL, says what to do instead', async () => {
  const missing = io();
  expect(await backupCommand(join(db.dir, 'x.db'), missing.io, { DATA_DIR: join(db.dir, 'nowhere'), DEMO: 'false' })).toBe(2);
  expect(missing.out.stderr).toContain('找不到数据库文件');
  expect(existsSync(join(db.dir, 'x.db'))).toBe(false);
  const pg = io();
  expect(await backupCommand(join(db.dir, 'y.db'), pg.io, { DATABASE_URL: 'postgres://127.0.0.1:5432/test', DEMO: 'false' })).toBe(2);
  expect(pg.out.stderr).toContain('pg_dump');
});

test('the command line asks for the target file in Chinese', async () => {
  const { out, io: cli } = io();
  expect(await runCli(['backup'], cli)).toBe(2);
  expect(out.stderr).toContain('缺少参数“目标文件”');
});
