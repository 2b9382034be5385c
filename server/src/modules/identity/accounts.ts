import { hashPassword, newPassword, newToken, verifyPassword } from '../../auth/secrets';
import type { ApiToken, AuditRepository, Bound, IdentityRepository, User } from '../../db/store';
import { ApiError } from '../../http/errors';
import { recordAudit } from '../audit/service';

/** Identity's repositories and the audit log, in one transaction: what identity's routes and services take. */
export type IdentityData = Bound<IdentityRepository & AuditRepository>;

/** Failed password checks are counted per user name as typed, whether or not such a user exists (so a lock reveals nothing). */
export const accountLockKey = (username: string) => `account:${username}`;

/** How many wrong passwords lock an account, and for how long. */
export interface LockPolicy {
  lockAfterFailures: number;
  lockMs: number;
}

/**
 * One password check under the account lock, for signing in and for changing one's own password
 * (so a stolen session cannot guess the password on a budget of its own). An unknown name and a
 * disabled user cost one argon2 verify like anyone else, so the time taken tells nothing either.
 * The user when the password is right and the account active; otherwise null, counted as a failure.
 */
export async function checkPassword(store: Pick<IdentityRepository, 'rateLimits' | 'users'>, policy: LockPolicy, username: string, password: string): Promise<User | null> {
  const lock = accountLockKey(username);
  const failures = await store.rateLimits.count(lock);
  if (failures >= policy.lockAfterFailures) {
    throw new ApiError(429, 'account-locked', `该账号连续登录失败次数过多，已暂时锁定，请 ${Math.round(policy.lockMs / 60_000)} 分钟后再试，或请管理员重设密码`);
  }
  const found = await store.users.findForSignIn(username);
  const right = await verifyPassword(found?.passwordHash ?? null, password);
  if (!right || !found?.active) {
    await store.rateLimits.hit(lock, policy.lockMs);
    return null;
  }
  if (failures > 0) await store.rateLimits.reset(lock);
  const { passwordHash: _hidden, ...user } = found;
  return user;
}

/** What ending a user's access took: for the answer, the page's message and the audit entry. */
export interface AccessEnded {
  sessionsEnded: number;
  tokensRevoked: number;
}

/**
 * Signs the user out everywhere (except the session `keepSession`, the one changing its own
 * password) and revokes every token that still works. Run on the transaction that changes the
 * password or disables the account, so the two land together.
 */
export async function endAccess(tx: Pick<IdentityRepository, 'sessions' | 'tokens'>, userId: number, keepSession?: string): Promise<AccessEnded> {
  const sessionsEnded = await tx.sessions.deleteForUser(userId, keepSession);
  const tokensRevoked = await tx.tokens.revokeForUser(userId);
  return { sessionsEnded, tokensRevoked };
}

/** Signing in for a token (the add-in): the token, audited; its secret is shown once. */
export async function signInToken(data: IdentityData, user: User, input: { tokenName?: string; expiresInDays?: number }): Promise<{ token: string; tokenInfo: ApiToken }> {
  const t = newToken();
  const tokenInfo = await data.transaction(async (tx) => {
    const created = await tx.tokens.create({ userId: user.id, name: input.tokenName ?? 'Excel 加载项', prefix: t.prefix, tokenHash: t.hash, lifetimeDays: input.expiresInDays });
    await recordAudit(tx, { userId: user.id, action: 'token.sign-in', entity: 'token', entityId: String(created.id), details: { expiresAt: created.expiresAt } });
    return created;
  });
  return { token: t.token, tokenInfo };
}

/**
 * Changing one's own password. Wrong current passwords count toward the same account lock as
 * sign-in. Whoever knew the old password is signed out everywhere but `keepSession`, and its
 * tokens stop working.
 */
export async function changePassword(data: IdentityData, policy: LockPolicy, user: Pick<User, 'id' | 'username'>, input: { currentPassword: string; newPassword: string }, keepSession?: string): Promise<AccessEnded> {
  if (!(await checkPassword(data, policy, user.username, input.currentPassword))) {
    throw new ApiError(400, 'wrong-password', '当前密码不正确');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return data.transaction(async (tx) => {
    await tx.users.update(user.id, { passwordHash, mustChangePassword: false });
    const done = await endAccess(tx, user.id, keepSession);
    await recordAudit(tx, { userId: user.id, action: 'user.password-change', entity: 'user', entityId: String(user.id), details: { ...done } });
    return done;
  });
}

/**
 * `govcat reset-password`: a new one-time password (the pages ask for a new one at the next
 * sign-in), the account lock lifted, every session and token of the user ended, audited.
 * Null when there is no such user.
 */
export async function resetPassword(store: IdentityData, username: string): Promise<({ user: User; password: string } & AccessEnded) | null> {
  const found = await store.users.findForSignIn(username);
  if (!found) return null;
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  return store.transaction(async (tx) => {
    const user = (await tx.users.update(found.id, { passwordHash, mustChangePassword: true }))!;
    const ended = await endAccess(tx, user.id);
    await tx.rateLimits.reset(accountLockKey(username));
    await recordAudit(tx, { userId: null, action: 'user.password-reset', entity: 'user', entityId: String(user.id), details: { username, via: 'cli', ...ended } });
    return { user, password, ...ended };
  });
}
