// Ledger and monthly-figure import by sheet (项目台账导入): what the preview and the commit return.
// Amounts are integer yuan; row numbers are the sheet's own (as Excel shows them).
import { z } from 'zod';
import { MONTH_RE } from './dates.js';
import type { Yuan } from './money.js';

/** create: a new project (or month's report); update: changes an existing one; skipped: not a data row. */
export type RowVerdict = 'create' | 'update' | 'unchanged' | 'error' | 'skipped';

export const ROW_VERDICT_LABELS: Record<RowVerdict, string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  error: '有误',
  skipped: '跳过',
};

export type AmountUnit = '元' | '万元' | '亿元';

/** One column of the sheet and the field it was read as (null: not imported). */
export interface ColumnMapping {
  /** 1-based column index and its letter (A, B … AA). */
  column: number;
  letter: string;
  header: string;
  field: string | null;
  label: string | null;
  /** For amounts: the unit the header gives (万元 when it gives none). */
  unit: AmountUnit | null;
}

export interface PreviewRow {
  row: number;
  verdict: RowVerdict;
  code: string | null;
  name: string | null;
  unit: string | null;
  /** Ledger: total investment and annual plan; month: the month's investment in `amount`. */
  totalInvestment: Yuan | null;
  amount: Yuan | null;
  /** Why a row is rejected or skipped, in Chinese. */
  messages: string[];
  /** Accepted, but worth a look (a new unit, a guessed date). */
  warnings: string[];
  /** Labels of the fields an update changes. */
  changes: string[];
  /** For an update: each changed field, old → new, as shown (amounts in 万元), so a wrong scale shows. */
  fieldChanges: FieldChange[];
  /** Every amount the row was read with (万元 columns and 亿元 columns alike, in yuan). */
  amounts: PreviewAmount[];
  excluded: boolean;
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface PreviewAmount {
  label: string;
  /** Integer yuan; null when the cell is empty. */
  value: Yuan | null;
  /** The unit the cell was read in. */
  unit: AmountUnit;
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
  skipped: number;
  excluded: number;
}

export interface ImportPreview {
  kind: 'ledger' | 'month';
  sheet: string;
  /** The sheet rows read as the header (one, or two for a merged two-level header). */
  headerRows: number[];
  columns: ColumnMapping[];
  /** Required columns the header lacks; the import cannot be committed without them. */
  missing: string[];
  rows: PreviewRow[];
  counts: ImportCounts;
  /** Units and leaders named in the sheet that do not exist yet and will be created. */
  newUnits: string[];
  newLeaders: string[];
  /** For a month import: the month. */
  month: string | null;
  /** The sheets of the workbook and why the one read was chosen (an instructions sheet first is passed over). */
  sheets: string[];
  /** What the import read from outside the table, in Chinese: the unit of a note line, the month of opening figures. */
  notes: string[];
  /** Ledger: the month the opening figures (本年累计完成投资) run through, null without such a column. */
  openingMonth: string | null;
}

export interface ImportResult {
  kind: 'ledger' | 'month';
  counts: ImportCounts;
  newUnits: string[];
  newLeaders: string[];
  month: string | null;
  /** The snapshot version the import was published under. */
  version: number;
}

/** ?dryRun=1 (default) previews, 0 commits; ?exclude=5,9 leaves those sheet rows out; ?month= for figures. */
export const importQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun 须为 1（预览）或 0（导入）' }).optional(),
  exclude: z.string().regex(/^[\d,\s]*$/, '排除的行号须为以逗号分隔的数字').max(200_000).optional(),
  month: z.string().regex(MONTH_RE, '月份须为 YYYY-MM 格式').optional(),
  /** The uploaded file's name, kept as the source of opening balances. */
  filename: z.string().max(255, '文件名不超过255字').optional(),
});

/** The largest upload accepted, in bytes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
