/** The pg connection pool behind the PostgreSQL backend. */
import { userInfo } from 'node:os';
import { Pool } from 'pg';

/**
 * Lowercase only: search_path folds unquoted names to lowercase while Kysely quotes the name
 * when creating the schema, so "Govcat" would create one schema and search another.
 */
export function isSchemaName(name: string): boolean {
  return /^[a-z_][a-z0-9_]*$/.test(name);
}

/** With `schema` (checked by isSchemaName), every pooled connection resolves unqualified tables there. */
export function createPostgresPool(url: string, schema?: string): Pool {
  return new Pool({
    connectionString: withDefaultUser(url),
    // A startup parameter, so each connection has it before its first query.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
}

/**
 * Like libpq (psql), connect as the operating-system user when the URL names none: pg falls
 * back to $USER only, which services and containers often lack.
 */
function withDefaultUser(url: string): string {
  if (process.env.PGUSER) return url;
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.host === '') return url;
    parsed.username = encodeURIComponent(process.env.USER || userInfo().username);
    return parsed.toString();
  } catch {
    return url;
  }
}
