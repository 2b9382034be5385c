import type { RequestHandler } from 'express';
import { ApiError } from './errors';

/**
 * A bound on the request bodies being taken in and checked at once. On a deadline day hundreds
 * of clerks may send workbooks of tens of MB together; every body is held in memory until its
 * check is done, so without a bound a burst could exhaust the server's memory and fail everyone.
 * Past the bound a request is refused at once with 503 before its body is read; the add-in and
 * the upload page retry with the same Idempotency-Key, so a retry never counts twice.
 */
export class BodyBudget {
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Reserves the request's declared size (`undeclared` when it has none) until its response ends. */
  reserve(undeclared: number): RequestHandler {
    return (req, res, next) => {
      const declared = Number(req.get('content-length'));
      const bytes = Number.isFinite(declared) && declared >= 0 ? declared : undeclared;
      // One request is always let in, however large (its own limit has been checked elsewhere).
      if (this.used > 0 && this.used + bytes > this.maxBytes) {
        res.set('Retry-After', '10');
        next(new ApiError(503, 'server-busy', '服务器正忙：同时处理的提交已达上限，请稍等片刻再提交；重试不会重复提交'));
        return;
      }
      this.used += bytes;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.used -= bytes;
      };
      res.once('finish', release);
      res.once('close', release);
      next();
    };
  }
}
