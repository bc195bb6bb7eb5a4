// The import page's requests and small rules: sheets go up as the raw body; the 422 of a commit
// carries the rejected rows as fields.
import type { ImportPreview, ImportResult, PreviewRow, RowVerdict } from '../../../../shared/imports.js';
import type { ApiError } from '../../../../shared/schemas.js';
import { HttpError } from '../../../api/http.js';

export type ImportKind = 'ledger' | 'month';

/** Only a hint: the server tells .xlsx, .xls/.et and .csv apart by the bytes. */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  return /\.csv$/i.test(file.name) ? 'text/csv' : 'application/octet-stream';
}

export function importUrl(kind: ImportKind, opts: { dryRun: boolean; exclude: number[]; month?: string; filename?: string }): string {
  const q = new URLSearchParams({ dryRun: opts.dryRun ? '1' : '0' });
  if (opts.exclude.length) q.set('exclude', opts.exclude.join(','));
  if (kind === 'month' && opts.month) q.set('month', opts.month);
  // Kept as the source of the opening figures a ledger brings.
  if (opts.filename) q.set('filename', opts.filename.slice(0, 255));
  return `/api/imports/${kind}?${q}`;
}

export async function sendSheet<T extends ImportPreview | ImportResult>(url: string, file: File): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': contentTypeOf(file), accept: 'application/json' }, body: file });
  } catch {
    throw new HttpError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as ApiError | null)?.error;
  throw new HttpError(res.status, err?.code ?? 'internal', err?.message ?? `服务器错误（${res.status}），请稍后重试`, err?.fields ?? {});
}

export const VERDICT_TAG: Record<RowVerdict, 'success' | 'primary' | 'info' | 'danger' | 'warning'> = {
  create: 'success', update: 'primary', unchanged: 'info', error: 'danger', skipped: 'warning',
};

/** Rejected rows still in: a commit is refused while there are any. */
export function blockingRows(rows: PreviewRow[], excluded: ReadonlySet<number>): PreviewRow[] {
  return rows.filter((r) => r.verdict === 'error' && !excluded.has(r.row));
}

export type RowFilter = 'all' | RowVerdict;

export function filterRows(rows: PreviewRow[], filter: RowFilter): PreviewRow[] {
  return filter === 'all' ? rows : rows.filter((r) => r.verdict === filter);
}
