import type { Request, RequestHandler } from 'express';
import { declaredLength, type BodyLimit } from './body';
import { ApiError } from './errors';

/** The most of the budget one holder (a user) may have at once, unless one body of the route is larger. */
const HOLDER_SHARE = 1 / 4;

/**
 * A bound on the request bodies being taken in and checked at once. On a deadline day hundreds
 * of clerks may send workbooks of tens of MB together; every body is held in memory until its
 * check is done, so without a bound a burst could exhaust the server's memory and fail everyone.
 *
 * The rule, checked before a byte of the body is read:
 * 1. A declared size over the route's limit is refused with 413 at once; nothing is reserved
 *    (it could never be accepted, so it must not hold room while it arrives).
 * 2. A request reserves its declared size (a chunked or compressed one, the route's limit: all it
 *    may grow to) until its response ends.
 * 3. One holder may have at most its share, max(route limit, budget / 4), reserved at once; past
 *    it that holder gets 429, and no one else notices. A holder with nothing reserved is always
 *    within its share, since one body never exceeds the route's limit.
 * 4. Past the whole budget a request gets 503. When nothing is reserved one request is always let
 *    in, however large (its own limit has been checked in 1).
 * The declared size rather than the bytes received is reserved so that a body once let in can
 * always finish: counting bytes as they arrive would admit more bodies than fit and refuse some
 * halfway. A slow or stalled body holds no more than its holder's share, and only until the idle
 * timeout (idleBodyTimeout) ends it; so one slow clerk never delays another department.
 * A refused clerk simply sends again: the add-in and the upload page keep the Idempotency-Key
 * until a submission succeeds, so a retry never counts twice.
 */
export class BodyBudget {
  private used = 0;
  private readonly held = new Map<string | number, number>();

  constructor(private readonly maxBytes: number) {}

  get inUse(): number {
    return this.used;
  }

  /** What `holder` has reserved now. */
  heldBy(holder: string | number): number {
    return this.held.get(holder) ?? 0;
  }

  /**
   * Reserves the request's body before it is read. `limitOf` is the limit of the body the route
   * will read (null: it reads none, nothing is reserved); `holderOf` whose share it counts against
   * (it may throw, e.g. 401 for a request with no caller, before anything is reserved).
   */
  reserve(limitOf: (req: Request) => BodyLimit | null, holderOf: (req: Request) => string | number): RequestHandler {
    return (req, res, next) => {
      const holder = holderOf(req);
      const limit = limitOf(req);
      if (!limit) return next();
      const declared = declaredLength(req);
      if (declared !== null && declared > limit.maxBytes) return next(limit.tooLarge());
      // A compressed body is held inflated, up to the route's limit.
      const encoded = (req.headers['content-encoding'] ?? 'identity') !== 'identity';
      const bytes = declared === null || encoded ? limit.maxBytes : declared;
      const mine = this.heldBy(holder);
      if (mine > 0 && mine + bytes > Math.max(limit.maxBytes, this.maxBytes * HOLDER_SHARE)) {
        res.set('Retry-After', '10');
        return next(new ApiError(429, 'too-many-pending', '您已有提交正在传输或校验中，已达每人同时处理的上限；请等前面的提交完成后再提交，重试不会重复提交'));
      }
      if (this.used > 0 && this.used + bytes > this.maxBytes) {
        res.set('Retry-After', '10');
        return next(new ApiError(503, 'server-busy', '服务器正忙：同时处理的提交已达上限，请稍等片刻再提交；重试不会重复提交'));
      }
      this.take(holder, bytes);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.take(holder, -bytes);
      };
      res.once('finish', release);
      res.once('close', release);
      next();
    };
  }

  private take(holder: string | number, bytes: number): void {
    this.used += bytes;
    const mine = this.heldBy(holder) + bytes;
    if (mine > 0) this.held.set(holder, mine);
    else this.held.delete(holder);
  }
}
