// A month's reports (月报表) as a workbook: every project with its latest revision. The headers are
// the month import's, so the sheet can be filled in and imported back.
import type { MonthReportRow } from '../../shared/api.js';
import { REPORT_STATUS_LABELS } from '../../shared/types.js';
import { workbook, type Table } from './xlsxTable.js';

export interface MonthReportsSheet {
  title: string;
  issuingOffice: string;
  month: string;
  rows: MonthReportRow[];
}

export async function buildReportsXlsx(doc: MonthReportsSheet): Promise<Buffer> {
  const label = `${doc.month.slice(0, 4)}年${Number(doc.month.slice(5))}月`;
  const table: Table = {
    sheet: `${Number(doc.month.slice(5))}月月报`,
    title: `${doc.title}${label}重点项目月报表`,
    columns: [
      { header: '项目编码', kind: 'text' }, { header: '项目名称', kind: 'text' }, { header: '责任单位', kind: 'text' },
      { header: '本月完成投资(万元)', kind: 'wan' }, { header: '形象进度', kind: 'wide' }, { header: '开工日期', kind: 'date' },
      { header: '竣工日期', kind: 'date' }, { header: '备注', kind: 'text' }, { header: '状态', kind: 'text' },
      { header: '版本', kind: 'count' }, { header: '报送人', kind: 'text' }, { header: '报送时间', kind: 'text' }, { header: '是否逾期', kind: 'text' },
    ],
    rows: doc.rows.map((r) => {
      const rep = r.latest;
      return [
        r.code, r.name, r.unit, rep?.investment ?? null, rep?.progress ?? null, rep?.startedOn ?? null, rep?.completedOn ?? null,
        rep?.remark || null, rep ? REPORT_STATUS_LABELS[rep.status] : '未报', rep?.revision ?? null, rep?.submittedBy ?? null,
        rep ? new Date(rep.createdAt).toISOString().slice(0, 16).replace('T', ' ') : null, r.late ? '逾期' : '',
      ];
    }),
    empty: '本月暂无项目。',
    notes: [`报送时间为协调世界时（UTC）。共${doc.rows.length}个项目，已报${doc.rows.filter((r) => r.latest).length}个。`],
  };
  return workbook([table], { creator: doc.issuingOffice, title: table.title });
}
