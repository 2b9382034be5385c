/**
 * Which backend a database URL names. SQLite: `sqlite:<path>`, `file:<path>`, a bare path
 * ending .db/.sqlite/.sqlite3, or `sqlite::memory:`. PostgreSQL: `postgres://…` or
 * `postgresql://…`.
 */
import { SQLITE_MEMORY } from './sqlite-dialect';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** The URL as it may be printed: a PostgreSQL password (postgres://user:password@host) left out. */
export function withoutCredentials(databaseUrl: string): string {
  // `[^@/]`: user info holds no '/', and the scan from each "//" of "////…" stops at the next one.
  return databaseUrl.replace(/\/\/[^@/]*@/, '//');
}

export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const url = databaseUrl.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  const prefixed = /^(sqlite|file):(.*)$/i.exec(url);
  if (prefixed) {
    // sqlite:///abs/x.db and sqlite://rel/x.db are common spellings of sqlite:/abs/x.db and sqlite:rel/x.db.
    const path = prefixed[2].replace(/^\/\/(?=\/)/, '').replace(/^\/\//, '');
    if (path === SQLITE_MEMORY) return { kind: 'sqlite', path: SQLITE_MEMORY };
    if (path !== '') return { kind: 'sqlite', path };
  } else if (/\.(db|sqlite3?)$/i.test(url)) {
    return { kind: 'sqlite', path: url };
  }
  throw new Error(`无法识别的数据库地址：应为 sqlite:<文件路径>、以 .db 结尾的文件路径或 postgres://…（收到以“${url.split(':')[0]}”开头的地址）`);
}
