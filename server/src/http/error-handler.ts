import type { NextFunction, Request, Response } from 'express';
import { ConflictError, InvalidReferenceError } from '../db/errors';
import { workbookReadRefusal } from '../modules/submissions/check-workbook';
import { WorkbookReadError } from '../xlsx/read';
import { ApiError, errorBody } from './errors';

/**
 * Turns anything thrown into the JSON error body. Known refusals keep their status and code (the
 * body parsers' own refusals, naming their limits, come from body.ts and upload.ts); anything
 * unexpected is logged here and answered with a generic 500 that reveals nothing.
 */
type Log = (message: string, error: unknown) => void;

export function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof ConflictError) return new ApiError(409, `${err.entity}-${err.field}-taken`, err.message);
  if (err instanceof InvalidReferenceError) return new ApiError(400, 'invalid-reference', err.message);
  if (err instanceof WorkbookReadError) return workbookReadRefusal(err);
  const e = err as { status?: number };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new ApiError(e.status, 'bad-request', '请求有误');
  return null;
}

export function errorHandler(log: Log) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const api = toApiError(err);
    if (!api) log(`${req.method} ${req.path}`, err);
    // Answered already (a stalled body gets its 408 at once): what its parser says once the
    // connection has closed has no one to go to.
    if (res.headersSent) {
      if (!res.writableEnded) res.destroy();
      return;
    }
    res.status(api?.status ?? 500).json(errorBody(api ?? new ApiError(500, 'internal', '服务器内部错误，请稍后重试；如多次出现请联系管理员')));
  };
}
