// 月通报 preview: which months can be published, the headline figures and their wording.
import type { BulletinView } from '../../../../shared/api.js';
import { formatPercent, formatYi } from '../../../../shared/money.js';

/**
 * The months of the campaign year that can be published, newest first: January through the month
 * being reported now (a month is published once its reports are due).
 */
export function bulletinMonths(year: number, reportingMonth: string): string[] {
  const reportingYear = Number(reportingMonth.slice(0, 4));
  if (reportingYear < year) return [];
  const last = reportingYear > year ? 12 : Number(reportingMonth.slice(5, 7));
  return Array.from({ length: last }, (_, i) => `${year}-${String(last - i).padStart(2, '0')}`);
}

/** Percentage points between the completion rate and 序时进度, one decimal, signed (+ ahead). */
export function pointsVersusSchedule(rate: number, share: number): number {
  return Math.round((rate - share) * 1000) / 10;
}

/** "超序时进度3.2个百分点", "低于序时进度4.7个百分点" or "与序时进度持平", as the bulletin words it. */
export function versusScheduleText(rate: number, share: number): string {
  const points = pointsVersusSchedule(rate, share);
  if (points === 0) return '与序时进度持平';
  return `${points > 0 ? '超' : '低于'}序时进度${Math.abs(points).toFixed(1)}个百分点`;
}

export interface Figure {
  key: string;
  label: string;
  value: string;
  unit: string;
  note: string;
  tone?: 'good' | 'bad';
}

/** The opening sentence, as the printed bulletin words it. */
export function overallText(b: BulletinView): string {
  const t = b.totals;
  return (
    `全县共安排重点项目${t.projects}个，总投资${formatYi(t.totalInvestment)}亿元，年度计划投资${formatYi(t.annualPlan)}亿元；` +
    `1–${Number(b.month.slice(5, 7))}月累计完成投资${formatYi(t.completed)}亿元，占年度计划的${formatPercent(t.completionRate)}，` +
    `${versusScheduleText(t.completionRate, b.scheduleShare)}（序时进度${formatPercent(b.scheduleShare)}）。`
  );
}

/** The cards across the top of the preview; each note fits one line of a card. */
export function headlineFigures(b: BulletinView): Figure[] {
  const t = b.totals;
  const points = pointsVersusSchedule(t.completionRate, b.scheduleShare);
  return [
    { key: 'annual', label: '年度计划投资', value: formatYi(t.annualPlan), unit: '亿元', note: `重点项目 ${t.projects} 个` },
    { key: 'completed', label: '累计完成投资', value: formatYi(t.completed), unit: '亿元', note: `完成/序时 ${formatPercent(t.scheduleRate)}` },
    {
      key: 'rate', label: '完成年度计划', value: formatPercent(t.completionRate), unit: '',
      note: points === 0 ? '与序时进度持平' : `${points > 0 ? '超' : '低于'}序时 ${Math.abs(points).toFixed(1)} 个百分点`,
      tone: points < 0 ? 'bad' : 'good',
    },
    { key: 'schedule', label: '序时进度', value: formatPercent(b.scheduleShare), unit: '', note: '截至本月应完成比例' },
    { key: 'start', label: '开工率', value: t.startPlanned ? formatPercent(t.startRate) : '—', unit: '', note: `已开工 ${t.started} / ${t.startPlanned} 个` },
    {
      key: 'done', label: '竣工率', value: t.completionPlanned ? formatPercent(t.completionProjectRate) : '—', unit: '',
      note: `已竣工 ${t.completedProjects} / ${t.completionPlanned} 个`,
    },
    { key: 'lagging', label: '滞后项目', value: String(t.laggingCount), unit: '个', note: t.laggingCount ? '见滞后项目清单' : '无进度滞后项目', tone: t.laggingCount ? 'bad' : 'good' },
  ];
}

export const bulletinUrl = (month: string, format: 'docx' | 'xlsx') => `/api/bulletins/${month}.${format}`;

/** A 0..100 component score as the bulletin prints it. */
export const scoreText = (score: number) => score.toFixed(1);
