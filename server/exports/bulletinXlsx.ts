// 月通报 as a workbook: one sheet per section, figures as numbers (万元, rates as fractions) so staff
// can sort and sum them; a merged title row, a frozen bold header row, thin borders.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs.js';
import type { Yuan } from '../../shared/money.js';
import type { GroupFigures } from '../../shared/snapshot.js';
import { PROBLEM_STATE_LABELS, SEVERITY_LABELS } from '../../shared/types.js';
import { growth, type PriorYear } from '../../shared/yearTurn.js';
import { chineseDate, percentText, RANK_COMPONENTS, scoreText, wanText, wanValue, weightShares } from './format.js';
import type { BulletinDoc } from './types.js';

/** A cell: text, a count, or a figure tagged with how it is shown. */
type Cell = string | number | null | { wan: Yuan } | { rate: number } | { score: number };

const WAN_FORMAT = '#,##0.00';
const RATE_FORMAT = '0.0%';
const SCORE_FORMAT = '0.0';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Text columns wider than this wrap instead of growing. */
const MAX_WIDTH = 48;

export async function buildBulletinXlsx(doc: BulletinDoc): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = doc.issuingOffice;
  wb.title = doc.title;
  overallSheet(wb, doc);
  groupSheet(wb, '分领域', `${doc.title} — 分领域投资完成情况`, '领域', doc.byDomain, { ...doc.totals, name: '合计', target: sumTargets(doc.byDomain) });
  groupSheet(wb, '分层级', `${doc.title} — 分层级投资完成情况`, '级别', doc.byLevel, null);
  rankingSheet(wb, doc);
  laggingSheet(wb, doc);
  problemSheet(wb, doc);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function overallSheet(wb: ExcelJS.Workbook, doc: BulletinDoc): void {
  const t = doc.totals;
  const p = doc.problems;
  // 同比: the previous year's figures of the same month beside this year's, and the growth as a rate.
  const prior = doc.priorYear ?? null;
  const sameMonth = (label: string, cell: (y: PriorYear) => Cell): Cell[][] => (prior ? [[`${prior.year}年同期${label}`, cell(prior)]] : []);
  const yoy = (y: PriorYear): Cell => {
    const g = growth(t.completed, y.completed);
    return g === null ? '—' : { rate: g };
  };
  const rows: Cell[][] = [
    ['通报月份', `${doc.month.slice(0, 4)}年${Number(doc.month.slice(5))}月`],
    ['发布日期', chineseDate(doc.issuedOn)],
    ['项目总数(个)', t.projects],
    ['总投资(万元)', { wan: t.totalInvestment }],
    ['年度计划(万元)', { wan: t.annualPlan }],
    ['累计完成(万元)', { wan: t.completed }],
    ...sameMonth('累计完成(万元)', (y) => ({ wan: y.completed })),
    ...(prior ? [['累计完成同比增长', yoy(prior)]] : []),
    ['完成率', { rate: t.completionRate }],
    ['序时进度', { rate: doc.scheduleShare }],
    ['序时计划(万元)', { wan: t.schedulePlan }],
    ['完成/序时', { rate: t.scheduleRate }],
    ['计划开工(个)', t.startPlanned],
    ['已开工(个)', t.started],
    ...sameMonth('已开工(个)', (y) => y.started),
    ['开工率', { rate: t.startRate }],
    ['计划竣工(个)', t.completionPlanned],
    ['已竣工(个)', t.completedProjects],
    ...sameMonth('已竣工(个)', (y) => y.completedProjects),
    ['竣工率', { rate: t.completionProjectRate }],
    ['滞后项目(个)', t.laggingCount],
    ['未销号问题(个)', p.open],
    ['其中已解决待销号(个)', p.resolved],
    ['其中逾期(个)', p.overdue],
    ['经过两次会议仍未落实(个)', p.flagged],
    ['本月销号问题(个)', p.closedThisMonth],
  ];
  const ws = tableSheet(wb, '总体情况', doc.title, ['指标', '数值'], rows, '');
  ws.addRow([]);
  ws.addRow(['问题类别', '未销号(个)', '已销号(个)']).eachCell((c) => headerStyle(c));
  for (const c of p.byCategory) ws.addRow([c.category, c.open, c.resolved]).eachCell((cell) => (cell.border = BORDER));
  ws.getColumn(3).width = Math.max(ws.getColumn(3).width ?? 0, 12);
}

function groupSheet(wb: ExcelJS.Workbook, name: string, title: string, label: string, groups: GroupFigures[], total: Omit<GroupFigures, 'key'> | null): void {
  const row = (g: Omit<GroupFigures, 'key'>): Cell[] => [
    g.name, g.projects, g.target === null ? null : { wan: g.target }, { wan: g.annualPlan }, { wan: g.completed },
    { rate: g.completionRate }, { wan: g.schedulePlan }, { rate: g.scheduleRate }, g.laggingCount,
  ];
  const headers = [label, '项目数(个)', '年度目标(万元)', '年度计划(万元)', '累计完成(万元)', '完成率', '序时计划(万元)', '完成/序时', '滞后项目(个)'];
  const rows = groups.map(row);
  const ws = tableSheet(wb, name, title, headers, total && rows.length ? [...rows, row(total)] : rows, `本月无${name}数据。`);
  if (total && rows.length) ws.lastRow!.font = { bold: true };
}

function sumTargets(groups: GroupFigures[]): Yuan | null {
  const targets = groups.filter((g) => g.target !== null).map((g) => g.target!);
  return targets.length ? targets.reduce((a, b) => a + b, 0) : null;
}

function rankingSheet(wb: ExcelJS.Workbook, doc: BulletinDoc): void {
  const headers = ['排名', '责任单位', '项目数(个)', '年度计划(万元)', '累计完成(万元)', '完成率', '完成/序时', '滞后项目(个)',
    ...RANK_COMPONENTS.map((c) => `${c.label}(分)`), '综合得分(分)'];
  const rows = doc.ranking.map((r): Cell[] => [
    r.rank, r.unit, r.projects, { wan: r.annualPlan }, { wan: r.completed }, { rate: r.completionRate }, { rate: r.scheduleRate },
    r.laggingCount, ...RANK_COMPONENTS.map((c) => ({ score: r.components[c.key] })), { score: r.score },
  ]);
  const ws = tableSheet(wb, '单位排名', `${doc.title} — 单位比赶超排名`, headers, rows, '本月暂无单位排名数据。');
  const shares = weightShares(doc.weights).map((w) => `${w.label}${w.share}%`).join('、');
  ws.addRow([]);
  ws.addRow([`综合得分为各项得分（满分100分）的加权平均，权重：${shares}。`]);
}

function laggingSheet(wb: ExcelJS.Workbook, doc: BulletinDoc): void {
  const headers = ['序号', '项目编码', '项目名称', '责任单位', '领域', '挂点领导', '年度计划(万元)', '累计完成(万元)', '完成率', '序时进度',
    '完成/序时', '预警等级', '滞后原因'];
  const rows = doc.lagging.map((p, i): Cell[] => [
    i + 1, p.code, p.name, p.unit, p.domain, p.leader ?? '—', { wan: p.annualPlan }, { wan: p.completed }, { rate: p.completionRate },
    { rate: p.scheduleShare }, { rate: p.scheduleRate }, SEVERITY_LABELS[p.severity], p.reasons.map((r) => r.text).join('；'),
  ]);
  tableSheet(wb, '滞后项目', `${doc.title} — 滞后项目`, headers, rows, '本月无滞后项目。');
}

function problemSheet(wb: ExcelJS.Workbook, doc: BulletinDoc): void {
  const headers = ['序号', '项目名称', '责任单位', '问题类别', '问题描述', '需协调事项', '状态', '提出日期', '期望解决日期'];
  const rows = doc.problems.items.map((p, i): Cell[] => [
    i + 1, p.project, p.unit, p.category, p.description, p.askedOf || '—', PROBLEM_STATE_LABELS[p.state],
    p.createdAt.slice(0, 10), p.dueOn ?? '—',
  ]);
  tableSheet(wb, '问题台账', `${doc.title} — 未销号问题台账`, headers, rows, '目前无未销号问题。');
}

/** A sheet with a merged title row, a frozen header row and bordered rows; `empty` stands in for no rows. */
function tableSheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], rows: Cell[][], empty: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const titleRow = ws.addRow([title]);
  ws.mergeCells(1, 1, 1, headers.length);
  titleRow.height = 30;
  titleRow.getCell(1).font = { bold: true, size: 14 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.addRow(headers).eachCell((c) => headerStyle(c));
  for (const cells of rows) {
    const row = ws.addRow(cells.map(value));
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      target.border = BORDER;
      // Counts and ranks sit centred, as in the printed tables; text wraps, figures align right.
      target.alignment = typeof cell === 'number' ? { vertical: 'middle', horizontal: 'center' } : { vertical: 'middle', wrapText: typeof cell === 'string' };
      if (cell !== null && typeof cell === 'object') target.numFmt = 'wan' in cell ? WAN_FORMAT : 'rate' in cell ? RATE_FORMAT : SCORE_FORMAT;
    });
  }
  if (!rows.length && empty) {
    ws.addRow([empty]);
    ws.mergeCells(3, 1, 3, headers.length);
  }
  headers.forEach((h, i) => {
    const widest = Math.max(textWidth(h), ...rows.map((r) => textWidth(display(r[i]))));
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(8, widest + 2));
  });
  // The title is set larger than the body (14 pt on 11); a narrow sheet widens its last column to hold it.
  const short = Math.ceil((textWidth(title) * 14) / 11) + 2 - headers.reduce((s, _, i) => s + (ws.getColumn(i + 1).width ?? 0), 0);
  const last = ws.getColumn(headers.length);
  if (short > 0) last.width = (last.width ?? 0) + short;
  return ws;
}

function headerStyle(c: ExcelJS.Cell): void {
  c.font = { bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  c.border = BORDER;
}

function value(cell: Cell): string | number | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'wan' in cell ? wanValue(cell.wan) : 'rate' in cell ? cell.rate : cell.score;
}

function display(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'object') return String(cell);
  return 'wan' in cell ? wanText(cell.wan) : 'rate' in cell ? percentText(cell.rate) : scoreText(cell.score);
}

/** Columns are measured in Latin characters; a Chinese character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return width;
}
