// One error family for the whole server and the one Express handler that maps it to JSON.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiError } from '../shared/schemas.js';

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
    // Body-parser failures (malformed JSON, oversize) carry a status of their own.
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      const message = err.type === 'entity.parse.failed' ? '请求体不是有效的 JSON' : '请求无效';
      res.status(err.status).json({ error: { code: 'invalid', message } } satisfies ApiError);
      return;
    }
    log.error({ err, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } } satisfies ApiError);
  };
}
