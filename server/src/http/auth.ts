import type { NextFunction, Request, Response } from 'express';
import { hashToken } from '../auth/secrets';
import type { Actor, Role, Store, User } from '../db/store';
import { ApiError, forbidden, unauthenticated } from './errors';
import { sessionUser, type SessionPolicy } from './session';

/**
 * Who is calling: a personal API token (the add-in, scripts) in `Authorization: Bearer …`, or
 * the review pages' session cookie; both end as the same Actor.
 */
export interface Caller extends Actor {
  user: User;
  /** Present when the caller signed in through the pages. */
  session?: { idHash: string; csrfToken: string };
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

const tokenExpired = () => new ApiError(401, 'token-expired', '访问令牌已过期，请在 Excel 加载项中重新登录，或在“我的账户”中生成新令牌');

/** What a user holding a one-time password may still do (paths under /api): see who they are, choose a new password, sign out. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['GET /me', 'GET /session', 'DELETE /session', 'PUT /me/password']);

export function authenticate(store: Store, sessions: SessionPolicy) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (m) {
      const found = await store.tokens.findUser(hashToken(m[1]));
      if (found === 'expired') throw tokenExpired();
      if (!found) throw unauthenticated();
      req.caller = callerOf(found.user);
    } else {
      const found = await sessionUser(store, sessions, req);
      if (found) req.caller = { ...callerOf(found.user), session: { idHash: found.idHash, csrfToken: found.csrfToken } };
    }
    if (req.caller?.user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${req.method} ${req.path}`)) throw passwordChangeRequired();
    next();
  };
}

export const passwordChangeRequired = () => new ApiError(403, 'password-change-required', '您正在使用一次性密码，请先在审核网页“我的账户”中设置新密码');

function callerOf(user: User): Caller {
  return { userId: user.id, role: user.role, departmentId: user.departmentId, user };
}

export function caller(req: Request): Caller {
  if (!req.caller) throw unauthenticated();
  return req.caller;
}

/** The caller, who must have one of `roles`. */
export function requireRole(req: Request, ...roles: Role[]): Caller {
  const c = caller(req);
  if (!roles.includes(c.role)) throw forbidden();
  return c;
}
