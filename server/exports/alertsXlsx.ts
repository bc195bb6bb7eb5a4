// The open alerts (预警清单) as a workbook, most severe first.
import { ALERT_STATE_LABELS, DISPATCH_LEVEL_LABELS, LAG_RULE_LABELS, SEVERITY_LABELS, type Alert } from '../../shared/types.js';
import { chinaDate } from '../../shared/dates.js';
import { workbook, type Table } from './xlsxTable.js';

export interface AlertsSheet {
  title: string;
  issuingOffice: string;
  generatedOn: string;
  alerts: Alert[];
}

const RANK = { red: 0, orange: 1, yellow: 2 } as const;

export async function buildAlertsXlsx(doc: AlertsSheet): Promise<Buffer> {
  const alerts = [...doc.alerts].sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.level - a.level || a.id - b.id);
  const table: Table = {
    sheet: '预警清单',
    title: `${doc.title}预警清单（截至${doc.generatedOn}）`,
    columns: [
      { header: '序号', kind: 'count' }, { header: '项目名称', kind: 'text' }, { header: '责任单位', kind: 'text' }, { header: '挂点领导', kind: 'text' },
      { header: '预警类型', kind: 'text' }, { header: '预警等级', kind: 'text' }, { header: '状态', kind: 'text' }, { header: '调度层级', kind: 'text' },
      { header: '预警内容', kind: 'wide' }, { header: '预警日期', kind: 'date' }, { header: '情况说明', kind: 'wide' }, { header: '函件文号', kind: 'text' },
    ],
    rows: alerts.map((a, i) => [
      i + 1, a.project, a.unit, a.leader, LAG_RULE_LABELS[a.rule], SEVERITY_LABELS[a.severity], ALERT_STATE_LABELS[a.state],
      DISPATCH_LEVEL_LABELS[a.level], a.text, chinaDate(new Date(a.raisedAt)), a.acknowledgement, a.letterNumber,
    ]),
    empty: '目前没有未解除的预警。',
  };
  return workbook([table], { creator: doc.issuingOffice, title: table.title });
}
