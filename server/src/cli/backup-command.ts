import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ConfigError, loadConfig } from '../config';
import { parseDatabaseUrl } from '../db/database-url';
import { SQLITE_MEMORY } from '../db/sqlite-dialect';
import type { CliIo } from './io';

/**
 * `govcat backup <file>`: a consistent copy of the SQLite database while the server runs, with
 * SQLite's online backup (Windows servers seldom have the sqlite3 shell). The copy is checked
 * (integrity_check) before it is reported. PostgreSQL has pg_dump for this.
 */
export async function backupCommand(target: string, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let databaseUrl: string;
  try {
    databaseUrl = loadConfig(env).databaseUrl;
  } catch (e) {
    io.stderr(`${e instanceof ConfigError ? e.message : '配置有误'}\n`);
    return 2;
  }
  let db;
  try {
    db = parseDatabaseUrl(databaseUrl);
  } catch (e) {
    io.stderr(`${(e as Error).message}\n`);
    return 2;
  }
  if (db.kind === 'postgres') {
    io.stderr('PostgreSQL 数据库请用 pg_dump 备份，例如：pg_dump "$DATABASE_URL" > govcat-备份.sql（或使用数据库平台自带的备份）。\n');
    return 2;
  }
  if (db.path === SQLITE_MEMORY || !existsSync(db.path)) {
    io.stderr(`找不到数据库文件“${db.path}”：请在服务器的同一目录下运行，或用 DATA_DIR / DATABASE_URL 指明数据库。\n`);
    return 2;
  }
  const out = resolve(target);
  if (existsSync(out)) {
    io.stderr(`目标文件“${out}”已存在；为免覆盖已有的备份，请换一个文件名。\n`);
    return 2;
  }
  const source = new BetterSqlite3(db.path, { readonly: true, fileMustExist: true });
  try {
    // Owner-only from the start, like the database it copies.
    closeSync(openSync(out, 'wx', 0o600));
    await source.backup(out);
  } catch (e) {
    io.stderr(`备份失败：${(e as Error).message}\n`);
    return 2;
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(out, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') {
      io.stderr(`备份文件“${out}”未通过完整性检查（${String(check)}），请重试。\n`);
      return 2;
    }
    const submissions = (copy.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
    const mb = (statSync(out).size / 1048576).toFixed(1);
    io.stdout(`已备份到 ${out}（${mb} MB，${submissions} 个提交，完整性检查通过）。恢复时停止服务，用此文件替换 ${db.path} 并删除旁边的 -wal、-shm 文件后再启动。\n`);
    return 0;
  } finally {
    copy.close();
  }
}
