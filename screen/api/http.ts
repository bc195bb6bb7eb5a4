// The one HTTP client of the screen: JSON in and out, the session cookie sent along, and every
// non-2xx answer thrown as an HttpError carrying the server's ApiError (code, message, fields).
import type { ApiError } from '../../shared/schemas.js';

export type ApiErrorCode = ApiError['error']['code'] | 'network';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

let onUnauthorized: (() => void) | null = null;

/** Called when a request outside /api/auth/ finds the session gone (e.g. expired while the page was open). */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new HttpError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as ApiError | null)?.error;
  if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
  throw new HttpError(res.status, err?.code ?? 'internal', err?.message ?? `服务器错误（${res.status}），请稍后重试`, err?.fields ?? {});
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any error a page catches. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : '操作失败，请稍后重试';
}

export const isConflict = (err: unknown): err is HttpError => err instanceof HttpError && err.status === 409;
export const isInvalid = (err: unknown): err is HttpError => err instanceof HttpError && err.status === 422;
