// One error family for the whole server and the one Express handler that maps it to JSON.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiError } from '../shared/schemas.js';
import { StoreUnavailableError } from './store/db.js';

type Code = ApiError['error']['code'];

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const Invalid = (fields: Record<string, string>, message = '提交的数据有误，请按提示修改') =>
  new AppError(422, 'invalid', message, fields);
export const NotFound = (message = '未找到') => new AppError(404, 'not_found', message);
export const Conflict = (message: string) => new AppError(409, 'conflict', message);
export const Unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const Forbidden = (message = '没有权限执行此操作') => new AppError(403, 'forbidden', message);

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof AppError) {
      const body: ApiError = { error: { code: err.code, message: err.message, ...(err.fields && { fields: err.fields }) } };
      res.status(err.status).json(body);
      return;
    }
    if (err instanceof StoreUnavailableError) {
      log.warn({ err: err.cause, url: req.originalUrl }, 'store unavailable');
      res.status(503).set('Retry-After', '5').json({ error: { code: 'unavailable', message: '数据库暂时不可用，请稍后重试' } } satisfies ApiError);
      return;
    }
    // Body-parser failures (malformed JSON, oversize, bad charset) carry a status of their own.
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      res.status(err.status).json({ error: bodyError(err) } satisfies ApiError);
      return;
    }
    log.error({ err, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } } satisfies ApiError);
  };
}

/** Plain Chinese for what body-parser refuses. */
function bodyError(err: { status: number; type?: string; limit?: number }): ApiError['error'] {
  if (err.status === 413 || err.type === 'entity.too.large') {
    return { code: 'too_large', message: `文件或请求过大（上限 ${formatBytes(err.limit)}）` };
  }
  if (err.type === 'entity.parse.failed') return { code: 'invalid', message: '请求体不是有效的 JSON' };
  if (err.status === 415 || err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
    return { code: 'unsupported_media_type', message: '不支持的请求编码：请以 UTF-8 JSON 提交' };
  }
  return { code: 'invalid', message: '请求无法读取，请检查后重试' };
}

function formatBytes(bytes: number | undefined): string {
  if (!bytes) return '未知';
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
