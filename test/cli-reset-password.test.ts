/**
 * `govcat reset-password`: on the server's own database, a one-time password the user must
 * replace, the account lock lifted, every session and token of the user ended, audited; a name
 * nobody has is one Chinese sentence and exit 2.
 */
import { hashPassword, hashToken, newToken, verifyPassword } from '../server/src/auth/secrets';
import { runCli } from '../server/src/cli/main';
import { resetPasswordCommand } from '../server/src/cli/reset-password-command';
import { accountLockKey } from '../server/src/modules/identity/accounts';
import { bufferedIo, serverDatabase } from './fixtures/cli-database';

// The server's own database, open while the command runs on it.
const db = serverDatabase('reset');

test('prints a one-time password, lifts the lock, ends the sessions and tokens, and audits it', async () => {
  const user = await db.store.users.create({ username: 'zhang.san', displayName: '张三', role: 'admin', departmentId: null, passwordHash: await hashPassword('forgotten-password') });
  const t = newToken();
  await db.store.tokens.create({ userId: user.id, name: '加载项', prefix: t.prefix, tokenHash: t.hash });
  await db.store.sessions.create({ idHash: 'session-hash', userId: user.id, csrfToken: 'csrf', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  for (let i = 0; i < 5; i++) await db.store.rateLimits.hit(accountLockKey('zhang.san'), 3_600_000);

  const { out, io: cli } = bufferedIo();
  expect(await resetPasswordCommand('zhang.san', cli, db.env())).toBe(0);
  expect(out.stderr).toBe('');
  expect(out.stdout).toContain('已重设用户 zhang.san（张三）的密码');
  expect(out.stdout).toContain('已解除账号锁定，退出 1 处登录，吊销 1 个访问令牌');
  const password = /一次性密码：(\S+)/.exec(out.stdout)![1];

  const after = await db.store.users.findForSignIn('zhang.san');
  expect(await verifyPassword(after!.passwordHash, password)).toBe(true);
  expect(after!.mustChangePassword).toBe(true);
  expect(await db.store.rateLimits.count(accountLockKey('zhang.san'))).toBe(0);
  expect(await db.store.tokens.findUser(hashToken(t.token))).toBeNull();
  expect(await db.store.sessions.find('session-hash')).toBeNull();
  const [entry] = await db.store.audit.list({ action: 'user.password-reset' });
  expect(entry).toMatchObject({ userId: null, entity: 'user', entityId: String(user.id), details: { username: 'zhang.san', via: 'cli', sessionsEnded: 1, tokensRevoked: 1 } });
  // The password itself is nowhere in the log.
  expect(JSON.stringify(entry)).not.toContain(password);
});

test('a user nobody has: one Chinese sentence, exit 2, nothing changed', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, db.env());
  try {
    const { out, io: cli } = bufferedIo();
    expect(await runCli(['reset-password', 'li.si'], cli)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('没有用户名为“li.si”的用户');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  } finally {
    process.env = saved;
  }
  expect(await db.store.audit.list({ action: 'user.password-reset' })).toHaveLength(1);
});
