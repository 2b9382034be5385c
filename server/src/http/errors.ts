/**
 * Every refusal is a 4xx JSON body `{ error: { code, message } }`: a stable code for programs and
 * a zh-CN message for people. Nothing else (no stack, no driver text) ever reaches a client.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', '请先登录，或在请求中提供有效的访问令牌（Authorization: Bearer …）');
export const forbidden = () => new ApiError(403, 'forbidden', '您的角色无权执行此操作');
export const notFound = (what = '请求的内容') => new ApiError(404, 'not-found', `${what}不存在，或您无权查看`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const badRequest = (code: string, message: string, details?: unknown) => new ApiError(400, code, message, details);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(e: ApiError): ErrorBody {
  return { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
}
