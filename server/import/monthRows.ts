// A month's figures for many projects from a sheet (the units' 月报表): each row is checked by the
// same rules as the report form (shared/schemas.ts reportInput, then domain/reportRules.ts).
import type { ImportPreview, PreviewRow } from '../../shared/imports.js';
import { YUAN_PER_WAN, type Yuan } from '../../shared/money.js';
import { fieldErrors, reportInput, type ReportInput } from '../../shared/schemas.js';
import type { Project } from '../../shared/types.js';
import { checkReport } from '../domain/reportRules.js';
import { MONTH_FIELDS, type MonthField } from './fields.js';
import { findHeader } from './header.js';
import { blockingErrors, classifyRow, countRows, previewRow } from './rows.js';
import type { Sheet } from './sheet.js';
import { cellText, nameKey } from './text.js';
import { parseAmount, parseDate } from './values.js';

export interface MonthFigure {
  investment: Yuan;
  progress: string;
}

export interface MonthContext {
  year: number;
  today: string;
  month: string;
  projects: Project[];
  /** The month's accepted figure per project, where there is one. */
  accepted: Map<number, MonthFigure>;
  /** The month each project's opening balance runs through (from the ledger import). */
  openings?: Map<number, string>;
}

export interface MonthRowPlan extends PreviewRow {
  projectId: number | null;
  input: ReportInput | null;
}

export interface MonthPlan {
  preview: ImportPreview;
  rows: MonthRowPlan[];
  blocking: Record<string, string>;
}

const LABEL = Object.fromEntries(MONTH_FIELDS.map((f) => [f.key, f.label])) as Record<MonthField, string>;

/** Exact yuan → 万元 text, as the form sends it. */
function wanString(yuan: Yuan): string {
  const whole = Math.floor(yuan / YUAN_PER_WAN);
  const rest = yuan % YUAN_PER_WAN;
  return rest ? `${whole}.${String(rest).padStart(4, '0')}` : String(whole);
}

export function planMonthImport(sheet: Sheet, ctx: MonthContext, exclude: ReadonlySet<number> = new Set()): MonthPlan | null {
  const header = findHeader(sheet.rows, MONTH_FIELDS, 'name');
  if (!header) return null;
  const byCode = new Map(ctx.projects.map((p) => [nameKey(p.code), p]));
  const byName = new Map<string, Project[]>();
  for (const p of ctx.projects) byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p]);
  const seen = new Map<number, number>();
  const rows: MonthRowPlan[] = [];
  const cell = (r: { cells: unknown[] }, f: MonthField) => {
    const i = header.index[f];
    return i === undefined ? null : (r.cells[i] as never) ?? null;
  };

  for (const row of sheet.rows.slice(header.dataStart)) {
    const kind = classifyRow(row, header.index.name!, header.index.investment);
    if (kind.kind === 'blank') continue;
    const skip = (message: string) => rows.push({ ...previewRow(row.row, { messages: [message] }), projectId: null, input: null });
    if (kind.kind === 'total') { skip('合计行，不导入'); continue; }
    if (kind.kind === 'note') { skip('标题或说明行，不导入'); continue; }
    if (kind.kind === 'example') { skip('模板示例行，不导入'); continue; }

    // A 月报表 lists every project; one with nothing filled in this month has not reported yet.
    if (cellText(cell(row, 'investment')) === '' && cellText(cell(row, 'progress')) === '') { skip('本月未填报，跳过'); continue; }
    const errors: string[] = [];
    const warnings: string[] = [];
    const code = cellText(cell(row, 'code'));
    const name = cellText(cell(row, 'name'));
    const unitName = cellText(cell(row, 'unit'));
    let project: Project | null = null;
    if (code && byCode.has(nameKey(code))) project = byCode.get(nameKey(code))!;
    else if (name) {
      const same = (byName.get(nameKey(name)) ?? []).filter((p) => !unitName || nameKey(p.unit) === nameKey(unitName));
      if (same.length === 1) project = same[0];
      else if (same.length > 1) errors.push(`台账中有${same.length}个名为「${name}」的项目，请填写项目编码`);
    }
    if (!project && !errors.length) errors.push(code || name ? `台账中没有项目「${code || name}」` : '未填写项目名称或编码');
    if (project) {
      const first = seen.get(project.id);
      if (first !== undefined) errors.push(`项目「${project.name}」与第${first}行重复`);
      else seen.set(project.id, row.row);
    }

    const amount = parseAmount(cell(row, 'investment'), header.units.investment ?? '万元', LABEL.investment);
    const dates = (['startedOn', 'completedOn'] as const).map((f) => {
      const parsed = parseDate(cell(row, f), LABEL[f], f === 'completedOn');
      if (parsed && 'error' in parsed) errors.push(parsed.error);
      if (parsed && 'warning' in parsed && parsed.warning) warnings.push(parsed.warning);
      return parsed && 'value' in parsed ? parsed.value : null;
    });
    if (amount && 'error' in amount) errors.push(amount.error);
    const raw = {
      month: ctx.month,
      investment: amount && 'value' in amount ? wanString(amount.value) : undefined,
      progress: cellText(cell(row, 'progress')),
      startedOn: dates[0],
      completedOn: dates[1],
      remark: cellText(cell(row, 'remark')) || undefined,
    };
    let input: ReportInput | null = null;
    if (!amount && !errors.length) errors.push('未填写本月完成投资');
    if (!errors.length) {
      const parsed = reportInput.safeParse(raw);
      if (!parsed.success) errors.push(...Object.values(fieldErrors(parsed.error)));
      else input = parsed.data;
    }
    if (input && project) {
      const accepted = ctx.accepted.get(project.id);
      const rules = checkReport(input, {
        project, campaignYear: ctx.year, today: ctx.today, otherMonthsTotal: project.completedToDate - (accepted?.investment ?? 0),
      });
      errors.push(...Object.values(rules));
    }
    const through = project ? ctx.openings?.get(project.id) : undefined;
    if (through && ctx.month <= through) warnings.push(`本月已含在台账导入的期初数（截至${Number(through.slice(5, 7))}月）中，本月完成投资不再计入累计`);
    const base = previewRow(row.row, {
      code: project?.code ?? (code || null), name: project?.name ?? (name || null), unit: project?.unit ?? (unitName || null),
      amount: input?.investment ?? null, warnings,
    });
    if (errors.length || !input || !project) {
      rows.push({ ...base, verdict: 'error', messages: errors, projectId: project?.id ?? null, input: null, excluded: exclude.has(row.row) });
      continue;
    }
    const accepted = ctx.accepted.get(project.id);
    const unchanged = accepted && accepted.investment === input.investment && accepted.progress === input.progress
      && (!input.startedOn || input.startedOn === project.startedOn) && (!input.completedOn || input.completedOn === project.completedOn);
    rows.push({
      ...base, verdict: unchanged ? 'unchanged' : accepted ? 'update' : 'create',
      changes: accepted && !unchanged ? ['本月完成投资'].filter(() => accepted.investment !== input.investment).concat(accepted.progress !== input.progress ? ['形象进度'] : []) : [],
      projectId: project.id, input, excluded: exclude.has(row.row),
    });
  }
  const preview: ImportPreview = {
    kind: 'month', sheet: sheet.name, headerRows: header.headerRows, columns: header.columns, missing: header.missing,
    rows: rows.map(({ projectId: _p, input: _i, ...r }) => r), counts: countRows(rows), newUnits: [], newLeaders: [], month: ctx.month,
    sheets: [sheet.name], notes: header.noteUnit ? [`金额单位按第${header.noteUnit.row}行的说明读作${header.noteUnit.unit}`] : [], openingMonth: null,
  };
  return { preview, rows, blocking: blockingErrors(rows) };
}
