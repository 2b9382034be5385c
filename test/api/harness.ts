/**
 * A running app on a fresh store with two departments and one user of each role, each with a
 * personal token. The backend follows GOVCAT_TEST_BACKEND (sqlite by default).
 */
import type { Express } from 'express';
import { randomBytes } from 'node:crypto';
import { hashPassword, newToken } from '../../server/src/auth/secrets';
import { loadConfig, type Config } from '../../server/src/config';
import { openStore } from '../../server/src/db/connect';
import type { Role, Store } from '../../server/src/db/store';
import { createApp } from '../../server/src/http/app';
import { SubmissionChecker } from '../../server/src/modules/submissions/checker';

export const PG_URL = process.env.GOVCAT_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test';

export interface Harness {
  app: Express;
  store: Store;
  config: Config;
  departments: { a: number; b: number };
  /** Bearer tokens by name. */
  tokens: Record<'clerkA' | 'clerkB' | 'leadA' | 'leadB' | 'coordinator' | 'admin', string>;
  users: Record<'clerkA' | 'clerkB' | 'leadA' | 'leadB' | 'coordinator' | 'admin', number>;
  passwords: Record<string, string>;
  /** What the app logged (its 500 path), message and error. */
  logged: Array<[string, unknown]>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}, backend = process.env.GOVCAT_TEST_BACKEND ?? 'sqlite'): Promise<Harness> {
  const config = loadConfig({ DATA_DIR: '/tmp/govcat-test-data', DEMO: 'false', ...env });
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = backend === 'postgres' ? await openStore(PG_URL, { schema }) : await openStore('sqlite::memory:');
  const a = await store.departments.create({ name: '芜湖市统计局', code: 'TJJ' });
  const b = await store.departments.create({ name: '芜湖市民政局', code: 'MZJ' });
  const people: Array<[keyof Harness['tokens'], Role, number | null]> = [
    ['clerkA', 'clerk', a.id],
    ['clerkB', 'clerk', b.id],
    ['leadA', 'lead', a.id],
    ['leadB', 'lead', b.id],
    ['coordinator', 'coordinator', null],
    ['admin', 'admin', null],
  ];
  const tokens = {} as Harness['tokens'];
  const users = {} as Harness['users'];
  const passwords: Record<string, string> = {};
  for (const [name, role, departmentId] of people) {
    const password = `pw-${name}-0123456789`;
    const user = await store.users.create({ username: name.toLowerCase(), displayName: name, role, departmentId, passwordHash: await hashPassword(password) });
    const t = newToken();
    await store.tokens.create({ userId: user.id, name: 'test', prefix: t.prefix, tokenHash: t.hash });
    tokens[name] = t.token;
    users[name] = user.id;
    passwords[name.toLowerCase()] = password;
  }
  const logged: Harness['logged'] = [];
  const app = createApp({ config, store, checker: new SubmissionChecker(0), log: (message, error) => void logged.push([message, error]) });
  return {
    app,
    store,
    config,
    departments: { a: a.id, b: b.id },
    tokens,
    users,
    passwords,
    logged,
    close: async () => {
      await store.close();
    },
  };
}
