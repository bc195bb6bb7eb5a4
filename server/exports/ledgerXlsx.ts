// 项目台账 as a workbook, and the import template. The headers are the import's own names (with the
// unit), so a downloaded ledger, edited, imports back as it is.
import { STAGE_LABELS, type Domain, type Level, type Project } from '../../shared/types.js';
import { workbook, type Column, type Table, type Value } from './xlsxTable.js';

export interface LedgerSheet {
  county: string;
  year: number;
  title: string;
  issuingOffice: string;
  generatedOn: string;
  domains: Domain[];
  levels: Level[];
  units: string[];
  projects: Project[];
}

export const LEDGER_COLUMNS: Column[] = [
  { header: '项目编码', kind: 'text' },
  { header: '项目名称', kind: 'text' },
  { header: '领域', kind: 'text' },
  { header: '项目级别', kind: 'text' },
  { header: '责任单位', kind: 'text' },
  { header: '牵头单位', kind: 'text' },
  { header: '挂点领导', kind: 'text' },
  { header: '包干领导', kind: 'text' },
  { header: '服务专员', kind: 'text' },
  { header: '总投资(万元)', kind: 'wan' },
  { header: '年度计划投资(万元)', kind: 'wan' },
  { header: '计划开工时间', kind: 'date' },
  { header: '计划竣工时间', kind: 'date' },
  { header: '实际开工时间', kind: 'date' },
  { header: '实际竣工时间', kind: 'date' },
  { header: '项目阶段', kind: 'text' },
  { header: '所在乡镇', kind: 'text' },
  { header: '经度', kind: 'number' },
  { header: '纬度', kind: 'number' },
  { header: '建设内容', kind: 'wide' },
];

function projectRow(p: Project, levelName: (code: string) => string): Value[] {
  return [
    p.code, p.name, p.domain, p.levels.map(levelName).join('、'), p.unit, p.leadUnit, p.leader, p.chargeLeader, p.commissioner,
    p.totalInvestment, p.annualPlan, p.plannedStart, p.plannedCompletion, p.startedOn, p.completedOn, STAGE_LABELS[p.stage],
    p.township, p.lon, p.lat, p.content,
  ];
}

export async function buildLedgerXlsx(doc: LedgerSheet): Promise<Buffer> {
  const names = new Map(doc.levels.map((l) => [l.code, l.name]));
  const table: Table = {
    sheet: '项目台账',
    title: `${doc.title}重点项目台账（${doc.generatedOn}导出）`,
    columns: [...LEDGER_COLUMNS, { header: '本年累计完成投资(万元)', kind: 'wan' }, { header: '开工以来累计完成投资(万元)', kind: 'wan' }],
    rows: doc.projects.map((p) => [...projectRow(p, (c) => names.get(c) ?? c), p.completedToDate, p.investmentSinceStart]),
    empty: '台账中暂无项目。',
    notes: [
      `共${doc.projects.length}个项目。金额单位：万元。“本年累计完成投资”含导入的期初数和已采纳月报；`
      + '再次导入时与台账相同的不作改动，不同的作为期初数（截至上月）导入。',
    ],
  };
  return workbook([table], { creator: doc.issuingOffice, title: table.title });
}

/** The template: the ledger's columns with one example row, and a sheet of what each column takes. */
export async function buildLedgerTemplate(doc: LedgerSheet): Promise<Buffer> {
  const domain = doc.domains[0]?.name ?? '工业';
  const level = doc.levels[0]?.name ?? '';
  const unit = doc.units[0] ?? '县发改委';
  const example: Value[] = [
    '', '示例：XX产业园标准厂房建设项目', domain, level, unit, '', '', '', '', 350_000_000, 120_000_000,
    `${doc.year}-03-01`, `${doc.year + 1}-12-31`, '', '', '前期', '', null, null, '新建标准厂房10万平方米及配套设施',
  ];
  const template: Table = {
    sheet: '项目台账', title: `${doc.county}${doc.year}年重点项目台账（导入模板）`, columns: LEDGER_COLUMNS, rows: [example],
    empty: '', notes: ['第3行为示例，导入前请删除或改为实际项目。'],
  };
  const help: Table = {
    sheet: '填写说明', title: '填写说明', columns: [{ header: '列', kind: 'text' }, { header: '说明', kind: 'wide' }],
    rows: [
      ['项目编码', '可不填：新项目自动编码；再次导入时按编码（无编码时按项目名称）更新已有项目，不会重复新增。'],
      ['项目名称', '必填。'],
      ['领域', `必填，可选：${doc.domains.map((d) => d.name).join('、')}。也可用“一、工业项目”这样的分类标题行代替。`],
      ['项目级别', `可填多个，以顿号分隔，可选：${doc.levels.map((l) => l.name).join('、') || '（本年度未设级别）'}。`],
      ['责任单位', '必填。按名称匹配已有单位；新单位在预览中提示并随导入新建。'],
      ['挂点领导 / 包干领导', '按姓名匹配；新领导可写作“姓名（职务）”，如“张三（副县长）”。'],
      ['总投资 / 年度计划投资', '必填。单位按表头：万元或亿元，如“总投资(亿元)”；也可在数字后写“亿”“万”。可带千分位逗号。'],
      ['日期', '可写作 2020-03-15、2020/3/15、2020.3、2020年3月；只写月份时开工按月初、竣工按月末计。'],
      ['项目阶段', `可选：${Object.values(STAGE_LABELS).join('、')}；不填时按实际开工、竣工时间推定。`],
      ['合计行、空行、标题行', '可保留，导入时自动跳过。'],
    ],
    empty: '',
  };
  return workbook([template, help], { creator: doc.issuingOffice, title: template.title });
}
