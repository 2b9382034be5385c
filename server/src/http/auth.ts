import type { NextFunction, Request, Response } from 'express';
import { hashToken } from '../auth/secrets';
import type { Actor, Role, Store, User } from '../db/store';
import { forbidden, unauthenticated } from './errors';
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

export function authenticate(store: Store, sessions: SessionPolicy) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (m) {
      const found = await store.tokens.findUser(hashToken(m[1]));
      if (!found) throw unauthenticated();
      req.caller = callerOf(found.user);
    } else {
      const found = await sessionUser(store, sessions, req);
      if (found) req.caller = { ...callerOf(found.user), session: { idHash: found.idHash, csrfToken: found.csrfToken } };
    }
    next();
  };
}

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
