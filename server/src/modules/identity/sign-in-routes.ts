import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { dummyPasswordHash } from '../../auth/secrets';
import type { User } from '../../db/store';
import { passwordChangeRequired } from '../../http/auth';
import { on } from '../../http/route-table';
import { DatabaseRateLimitStore } from '../../http/rate-limit-store';
import { ApiError, errorBody } from '../../http/errors';
import { jsonBody, KiB } from '../../http/body';
import { parse } from '../../http/parse';
import { endSession, startSession, type SessionPolicy } from '../../http/session';
import { changePassword, checkPassword, signInToken, type IdentityData, type LockPolicy } from './accounts';
import { PasswordChangeSchema, SignInSchema, TokenSignInSchema } from '../../../../shared/src/api/schemas';
import { recordAudit } from '../audit/service';

const badCredentials = () => new ApiError(401, 'bad-credentials', '用户名或密码不正确');

/** What signing in allows: failures before an account is locked, for how long, and how long a page session lasts. */
export interface SignInPolicy extends LockPolicy {
  session: SessionPolicy;
}

/** Sign-in and password bodies are a few fields. */
const smallJson = jsonBody(16 * KiB);

/**
 * Signing in: with a password for a personal API token (the add-in asks once and keeps it), or
 * for a session cookie (the review pages). Failed attempts are rate-limited per address together
 * (counted in the database, across instances); successful ones do not count, so a whole office
 * behind one NAT can sign in on deadline day. The answer never says whether the user name exists.
 */
export function signInRoutes(store: IdentityData, perWindow: number, policy: SignInPolicy): Router {
  const r = Router();
  // Made now, not at the first unknown name, which would otherwise answer measurably later.
  void dummyPasswordHash();
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: perWindow,
    // Every attempt is counted as it arrives (so a burst of guesses is stopped at once) and taken
    // back when it ends below 400: only failures (401, 429, 400 …) stay counted.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // In the database, so instances behind a load balancer share one count per address.
    store: new DatabaseRateLimitStore(store, 'sign-in:'),
    handler: (_req, res) => {
      res.status(429).json(errorBody(new ApiError(429, 'too-many-attempts', '登录尝试过于频繁，请 15 分钟后再试')));
    },
  });

  const signedIn = async (input: { username: string; password: string }): Promise<User> => {
    const user = await checkPassword(store, policy, input.username, input.password);
    if (!user) throw badCredentials();
    return user;
  };

  on(r, 'tokenSignIn', [limiter, smallJson], async (req, res) => {
    const input = parse(TokenSignInSchema, req.body);
    const user = await signedIn(input);
    // A one-time password opens the pages to choose a new one, nothing else.
    if (user.mustChangePassword) throw passwordChangeRequired();
    const { token, tokenInfo } = await signInToken(store, user, input);
    res.status(201).json({ token, tokenInfo, user });
  });

  on(r, 'sessionSignIn', [limiter, smallJson], async (req, res) => {
    const user = await signedIn(parse(SignInSchema, req.body));
    const { csrfToken } = await startSession(store, policy.session, req, res, user.id);
    await recordAudit(store, { userId: user.id, action: 'session.sign-in', entity: 'user', entityId: String(user.id) });
    res.status(201).json({ user, csrfToken });
  });
  return r;
}

/** The signed-in page's session, signing out, and changing one's own password. */
export function accountRoutes(store: IdentityData, policy: LockPolicy): Router {
  const r = Router();

  on(r, 'session', (_req, res, c) => {
    if (!c.session) throw new ApiError(401, 'no-session', '请先登录');
    res.json({ user: c.user, csrfToken: c.session.csrfToken });
  });

  on(r, 'signOut', async (req, res) => {
    await endSession(store, req, res);
    res.status(204).end();
  });

  on(r, 'changePassword', [smallJson], async (req, res, c) => {
    const input = parse(PasswordChangeSchema, req.body);
    const ended = await changePassword(store, policy, { id: c.userId, username: c.user.username }, input, c.session?.idHash);
    res.json({ ok: true, ...ended });
  });
  return r;
}
