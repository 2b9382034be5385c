import express, { type Request, type RequestHandler, type Response } from 'express';
import type { ServerOptions } from 'node:http';
import { formatBytes } from '../xlsx/errors';
import { ApiError, errorBody } from './errors';

/**
 * Reading request bodies. Every parser is made here or in upload.ts, each with its own limit, so
 * that a body over it is refused with 413 naming that limit (not another route's), a declared
 * size over it is refused before a byte is read, and every parser error a client can cause is a
 * 4xx that never reaches the 500 log path.
 */
export const KiB = 1024;
export const MiB = 1024 * KiB;

/** What a route will take on the wire, and what to answer a body over it. */
export interface BodyLimit {
  readonly maxBytes: number;
  tooLarge(): ApiError;
}

/** A body parser that knows its limit. */
export type BodyParser = RequestHandler & BodyLimit;

/** The Content-Length a request declares, or null when it sends its body chunked. */
export function declaredLength(req: Request): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  const n = Number(header);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Wraps `parser` so that a declared size over `limit` is refused before anything is read, and the
 * parser's errors come out as `refusal` says: the limit's own message, never a 500.
 */
export function limitedParser(parser: RequestHandler, limit: BodyLimit, refusal: (err: unknown) => ApiError): BodyParser {
  const handler: RequestHandler = (req, res, next) => {
    if ((declaredLength(req) ?? 0) > limit.maxBytes) return next(limit.tooLarge());
    parser(req, res, (err?: unknown) => next(err ? refusal(err) : undefined));
  };
  return Object.assign(handler, { maxBytes: limit.maxBytes, tooLarge: () => limit.tooLarge() });
}

/**
 * A JSON body of at most `maxBytes`. `raw` keeps it as bytes (a submission is parsed where it is
 * checked, on a worker thread); `advice` follows the 413 message, e.g. what to do instead.
 */
export function jsonBody(maxBytes: number, { raw = false, advice = '' }: { raw?: boolean; advice?: string } = {}): BodyParser {
  const parser = raw ? express.raw({ type: 'application/json', limit: maxBytes }) : express.json({ limit: maxBytes });
  const limit: BodyLimit = { maxBytes, tooLarge: () => new ApiError(413, 'payload-too-large', `请求内容超过上限（${formatBytes(maxBytes)}）${advice}`) };
  return limitedParser(parser, limit, (err) => jsonRefusal(err, limit));
}

function jsonRefusal(err: unknown, limit: BodyLimit): ApiError {
  if (err instanceof ApiError) return err;
  switch ((err as { type?: string })?.type) {
    case 'entity.too.large':
      return limit.tooLarge();
    case 'entity.parse.failed':
      return new ApiError(400, 'malformed-json', '请求内容不是有效的 JSON，请检查格式');
    case 'charset.unsupported':
      return new ApiError(415, 'unsupported-encoding', '请求内容请使用 UTF-8 编码');
    case 'encoding.unsupported':
      return new ApiError(415, 'unsupported-encoding', '请求内容的压缩方式不受支持，请不压缩或使用 gzip');
    default:
      // Aborted, or shorter or longer than declared: the body never arrived whole.
      return new ApiError(400, 'incomplete-body', '请求内容未能完整接收，请检查网络后重新提交');
  }
}

/** Runs a body parser inside a handler, for a route that picks its parser by content type. */
export function readBody(parser: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => parser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
}

/**
 * A body that stops arriving: after `idleMs` with no bytes it gets 408 and its connection is
 * closed, so a stalled client holds neither its share of the body budget nor a parser. The
 * socket's own inactivity timer is used (it is reset by every byte read, and Node reports it to
 * the request only while the request is incomplete); once the body is in, the socket's earlier
 * timeout is put back, so a long check is never cut.
 */
export function idleBodyTimeout(idleMs: number): RequestHandler {
  const seconds = Math.round(idleMs / 1000);
  return (req, res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || (declaredLength(req) ?? 0) > 0;
    if (!hasBody || req.complete) return next();
    const socket = req.socket;
    const before = socket.timeout ?? 0;
    const onIdle = () => {
      // Refused already (the rest of the body was being discarded): only the connection is left to end.
      if (res.headersSent) return void socket.destroy();
      res.set('Connection', 'close');
      res.status(408).json(errorBody(new ApiError(408, 'body-timeout', `已有 ${seconds} 秒没有收到请求内容，连接已断开；请检查网络后重新提交（重试不会重复提交）`)));
    };
    req.setTimeout(idleMs, onIdle);
    req.once('end', () => {
      req.off('timeout', onIdle);
      // Once a refusal has been answered, Node has put the keep-alive timeout on the socket; it stays.
      if (!res.writableFinished) socket.setTimeout(before);
    });
    next();
  };
}

/** The slowest a whole body may arrive on average before Node's own request timeout ends it. */
const SLOWEST_BYTES_PER_SECOND = 64 * KiB;

/**
 * The Node server's own bounds on receiving a request, for http(s).createServer. Headers must come
 * within a minute (Node's default). A whole request must come within the time the largest body
 * takes at 64 KB/s (0.5 Mbit/s), and never less than Node's default 5 minutes: that default alone
 * would cut a 64 MB submission arriving at under 1.7 Mbit/s with no answer, while a stalled body
 * is ended much sooner by idleBodyTimeout, with one.
 */
export function receiveTimeouts(limits: { jsonBytes: number; uploadBytes: number }): Pick<ServerOptions, 'headersTimeout' | 'requestTimeout'> {
  const largest = Math.max(limits.jsonBytes, limits.uploadBytes);
  return { headersTimeout: 60_000, requestTimeout: Math.max(300_000, Math.ceil(largest / SLOWEST_BYTES_PER_SECOND) * 1000) };
}
