import type { NextFunction, Request, Response } from 'express';
import { hashToken } from '../auth/secrets';
import type { Actor, Role, Store, User } from '../db/store';
import { forbidden, unauthenticated } from './errors';

/**
 * Who is calling: a personal API token (the add-in, scripts) in `Authorization: Bearer …`.
 * The web pages' session cookie joins here later; both end as the same Actor.
 */
export interface Caller extends Actor {
  user: User;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

export function authenticate(store: Store) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (m) {
      const found = await store.tokens.findUser(hashToken(m[1]));
      if (!found) throw unauthenticated();
      req.caller = { userId: found.user.id, role: found.user.role, departmentId: found.user.departmentId, user: found.user };
    }
    next();
  };
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
