// 问题台账 as a workbook: every problem of the campaign with its state, level and meetings.
import type { ProblemDetail } from '../../shared/problems.js';
import { DISPATCH_LEVEL_LABELS, PROBLEM_STATE_LABELS } from '../../shared/types.js';
import { chinaDate } from '../../shared/dates.js';
import { workbook, type Table } from './xlsxTable.js';

export interface ProblemsSheet {
  title: string;
  issuingOffice: string;
  generatedOn: string;
  problems: ProblemDetail[];
}

export async function buildProblemsXlsx(doc: ProblemsSheet): Promise<Buffer> {
  const table: Table = {
    sheet: '问题台账',
    title: `${doc.title}问题台账（截至${doc.generatedOn}）`,
    columns: [
      { header: '序号', kind: 'count' }, { header: '项目编码', kind: 'text' }, { header: '项目名称', kind: 'text' }, { header: '责任单位', kind: 'text' },
      { header: '领域', kind: 'text' }, { header: '问题类别', kind: 'text' }, { header: '问题描述', kind: 'wide' }, { header: '需协调事项', kind: 'wide' },
      { header: '协调单位', kind: 'text' }, { header: '状态', kind: 'text' }, { header: '调度层级', kind: 'text' }, { header: '提出日期', kind: 'date' },
      { header: '期望解决日期', kind: 'date' }, { header: '上会次数(次)', kind: 'count' }, { header: '是否逾期', kind: 'text' },
      { header: '通报批评', kind: 'text' }, { header: '办理情况', kind: 'wide' },
    ],
    rows: doc.problems.map((p, i) => [
      i + 1, p.projectCode, p.project, p.unit, p.domain, p.category, p.description, p.askedOf || null, p.coordinatingUnit,
      PROBLEM_STATE_LABELS[p.state], DISPATCH_LEVEL_LABELS[p.level], chinaDate(new Date(p.createdAt)), p.dueOn, p.meetings,
      p.overdue ? '逾期' : '', p.flagged ? '是' : '', p.resolution ?? p.returnReason,
    ]),
    empty: '问题台账暂无记录。',
  };
  return workbook([table], { creator: doc.issuingOffice, title: table.title });
}
