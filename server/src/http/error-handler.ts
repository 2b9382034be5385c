import type { NextFunction, Request, Response } from 'express';
import { ConflictError, InvalidReferenceError } from '../db/errors';
import { workbookReadRefusal } from '../services/check-workbook';
import { WorkbookReadError } from '../xlsx/read';
import { ApiError, errorBody } from './errors';

/**
 * Turns anything thrown into the JSON error body. Known refusals keep their status and code;
 * parser and upload limits get their own codes; anything unexpected is logged here and answered
 * with a generic 500 that reveals nothing.
 */
type Log = (message: string, error: unknown) => void;

const UPLOAD_CODES: Record<string, [number, string, string]> = {
  LIMIT_FILE_SIZE: [413, 'file-too-large', '上传的文件超过大小上限'],
  LIMIT_FILE_COUNT: [400, 'too-many-files', '一次只能上传一个文件'],
  LIMIT_UNEXPECTED_FILE: [400, 'unexpected-file', '文件应放在表单字段 file 中，一次一个'],
  LIMIT_PART_COUNT: [400, 'too-many-parts', '表单字段过多'],
  LIMIT_FIELD_VALUE: [400, 'field-too-long', '表单字段内容过长'],
};

export function toApiError(err: unknown, limits: { uploadBytes: number; jsonBytes: number }): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof ConflictError) return new ApiError(409, `${err.entity}-${err.field}-taken`, err.message);
  if (err instanceof InvalidReferenceError) return new ApiError(400, 'invalid-reference', err.message);
  if (err instanceof WorkbookReadError) return workbookReadRefusal(err);
  const e = err as { type?: string; code?: string; status?: number };
  if (e?.type === 'entity.parse.failed') return new ApiError(400, 'malformed-json', '请求内容不是有效的 JSON，请检查格式');
  if (e?.type === 'entity.too.large') return new ApiError(413, 'payload-too-large', `请求内容超过上限（${Math.round(limits.jsonBytes / 1048576)} MB），请分批提交或上传 .xlsx 文件`);
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new ApiError(415, 'unsupported-encoding', '请求内容请使用 UTF-8 编码');
  if (e?.code && e.code in UPLOAD_CODES) {
    const [status, code, message] = UPLOAD_CODES[e.code];
    return new ApiError(status, code, code === 'file-too-large' ? `${message}（${Math.round(limits.uploadBytes / 1048576)} MB）` : message);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new ApiError(e.status, 'bad-request', '请求有误');
  return null;
}

export function errorHandler(limits: { uploadBytes: number; jsonBytes: number }, log: Log) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const api = toApiError(err, limits);
    if (api) {
      res.status(api.status).json(errorBody(api));
      return;
    }
    log(`${req.method} ${req.path}`, err);
    res.status(500).json(errorBody(new ApiError(500, 'internal', '服务器内部错误，请稍后重试；如多次出现请联系管理员')));
  };
}
