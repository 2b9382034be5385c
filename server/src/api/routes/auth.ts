import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { hashPassword, newToken, verifyPassword } from '../../auth/secrets';
import type { Store, User } from '../../db/store';
import { caller } from '../../http/auth';
import { DatabaseRateLimitStore } from '../../http/rate-limit-store';
import { ApiError, errorBody } from '../../http/errors';
import { jsonBody, KiB } from '../../http/body';
import { parse } from '../../http/parse';
import { endSession, startSession, type SessionPolicy } from '../../http/session';
import { PasswordChangeSchema, SignInSchema } from '../schemas';

const badCredentials = () => new ApiError(401, 'bad-credentials', '用户名或密码不正确');

/** What signing in allows: failures before an account is locked, for how long, and how long a page session lasts. */
export interface SignInPolicy {
  lockAfterFailures: number;
  lockMs: number;
  session: SessionPolicy;
}

/** Sign-in and password bodies are a few fields. */
const smallJson = jsonBody(16 * KiB);

/** Failed sign-ins are counted per user name as typed, whether or not such a user exists (so a lock reveals nothing). */
export const accountLockKey = (username: string) => `account:${username}`;

/**
 * Signing in: with a password for a personal API token (the add-in asks once and keeps it), or
 * for a session cookie (the review pages). Both are rate-limited per address together (counted
 * in the database, across instances), and the answer never says whether the user name exists.
 */
export function signInRoutes(store: Store, perWindow: number, policy: SignInPolicy): Router {
  const r = Router();
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: perWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // In the database, so instances behind a load balancer share one count per address.
    store: new DatabaseRateLimitStore(store, 'sign-in:'),
    handler: (_req, res) => {
      res.status(429).json(errorBody(new ApiError(429, 'too-many-attempts', '登录尝试过于频繁，请 15 分钟后再试')));
    },
  });

  const checkPassword = async (input: { username: string; password: string }): Promise<User> => {
    const lock = accountLockKey(input.username);
    const failures = await store.rateLimits.count(lock);
    if (failures >= policy.lockAfterFailures) {
      throw new ApiError(429, 'account-locked', `该账号连续登录失败次数过多，已暂时锁定，请 ${Math.round(policy.lockMs / 60_000)} 分钟后再试，或请管理员重设密码`);
    }
    const user = await store.users.findForSignIn(input.username);
    const ok = user !== null && user.active && (await verifyPassword(user.passwordHash, input.password));
    if (!ok || !user) {
      await store.rateLimits.hit(lock, policy.lockMs);
      throw badCredentials();
    }
    if (failures > 0) await store.rateLimits.reset(lock);
    const { passwordHash: _hidden, ...safeUser } = user;
    return safeUser;
  };

  r.post('/auth/token', limiter, smallJson, async (req, res) => {
    const input = parse(SignInSchema.extend({ tokenName: SignInSchema.shape.username.optional() }), req.body);
    const user = await checkPassword(input);
    const t = newToken();
    const token = await store.transaction(async (tx) => {
      const created = await tx.tokens.create({ userId: user.id, name: input.tokenName ?? 'Excel 加载项', prefix: t.prefix, tokenHash: t.hash });
      await tx.audit.append({ userId: user.id, action: 'token.sign-in', entity: 'token', entityId: String(created.id) });
      return created;
    });
    res.status(201).json({ token: t.token, tokenInfo: token, user });
  });

  r.post('/session', limiter, smallJson, async (req, res) => {
    const user = await checkPassword(parse(SignInSchema, req.body));
    const { csrfToken } = await startSession(store, policy.session, req, res, user.id);
    await store.audit.append({ userId: user.id, action: 'session.sign-in', entity: 'user', entityId: String(user.id) });
    res.status(201).json({ user, csrfToken });
  });
  return r;
}

/** The signed-in page's session, signing out, and changing one's own password. */
export function accountRoutes(store: Store): Router {
  const r = Router();

  r.get('/session', (req, res) => {
    const c = caller(req);
    if (!c.session) throw new ApiError(401, 'no-session', '请先登录');
    res.json({ user: c.user, csrfToken: c.session.csrfToken });
  });

  r.delete('/session', async (req, res) => {
    await endSession(store, req, res);
    res.status(204).end();
  });

  r.put('/me/password', smallJson, async (req, res) => {
    const c = caller(req);
    const input = parse(PasswordChangeSchema, req.body);
    const user = await store.users.findForSignIn(c.user.username);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new ApiError(400, 'wrong-password', '当前密码不正确');
    }
    const passwordHash = await hashPassword(input.newPassword);
    const ended = await store.transaction(async (tx) => {
      await tx.users.update(c.userId, { passwordHash });
      // Whoever knew the old password is signed out everywhere else.
      const n = await tx.sessions.deleteForUser(c.userId, c.session?.idHash);
      await tx.audit.append({ userId: c.userId, action: 'user.password-change', entity: 'user', entityId: String(c.userId), details: { sessionsEnded: n } });
      return n;
    });
    res.json({ ok: true, sessionsEnded: ended });
  });
  return r;
}
