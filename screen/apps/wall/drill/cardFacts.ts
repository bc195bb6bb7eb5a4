// What the project card shows, worked out from the card: figure tiles, dates, problem and alert lines.
import type { CardLeader, CardProblem, ProjectCard } from '../../../../shared/drill.js';
import { formatPercent, formatWan, ratio } from '../../../../shared/money.js';
import { PROBLEM_STATE_LABELS, STAGE_LABELS, UNCLOSED_PROBLEM_STATES } from '../../../../shared/types.js';
import { projectStatus, type Status } from '../../../charts/status.js';

const STATUS_TONES: Record<Status, CardFigure['tone']> = { lagging: 'bad', behind: 'warn', onPlan: 'good' };

export interface CardFigure {
  key: string;
  label: string;
  value: string;
  unit: string;
  tone?: 'good' | 'warn' | 'bad';
}

/** 完成/序时 in the project's status colour (status.ts: red when an alert is open). Beside it the target, 序时进度. */
export function cardFigures(c: ProjectCard): CardFigure[] {
  const paceTone = STATUS_TONES[projectStatus({ lagging: c.lagging, completionRate: c.completionRate, scheduleShare: ratio(c.schedulePlan, c.annualPlan) })];
  return [
    { key: 'total', label: '总投资', value: formatWan(c.totalInvestment, 0), unit: '万元' },
    { key: 'annual', label: '年度计划', value: formatWan(c.annualPlan, 0), unit: '万元' },
    { key: 'completed', label: '本年完成', value: formatWan(c.completed, 0), unit: '万元' },
    { key: 'rate', label: '完成率', value: formatPercent(c.completionRate), unit: '' },
    { key: 'share', label: '序时进度', value: formatPercent(ratio(c.schedulePlan, c.annualPlan)), unit: '' },
    { key: 'schedule', label: '完成/序时', value: c.schedulePlan === 0 ? '—' : formatPercent(c.scheduleRate), unit: '', tone: paceTone },
  ];
}

/** "计划 2020-03-01 · 实际 2020-03-05", or "计划 2020-12-01 · 未开工". */
export function dateLine(planned: string | null, actual: string | null, notYet: string): string {
  return `计划 ${planned ?? '未定'} · ${actual ? `实际 ${actual}` : notYet}`;
}

export const stageLabel = (c: Pick<ProjectCard, 'stage'>) => STAGE_LABELS[c.stage];

export const LEADER_ROLE_LABELS: Record<CardLeader['role'], string> = { point: '一对一挂点', charge: '分管包干' };

export function leaderLine(l: CardLeader): string {
  return `${LEADER_ROLE_LABELS[l.role]}：${l.name}${l.title ? `（${l.title}）` : ''}`;
}

/** "待协调 · 32天 · 县自然资源局", with 逾期 when past due. */
export function problemLine(p: CardProblem): string {
  const parts = [PROBLEM_STATE_LABELS[p.state], `${Math.max(0, p.ageDays)}天`, p.owner];
  if (p.overdue) parts.push('已逾期');
  return parts.join(' · ');
}

/** Open problems (待协调, 协调中) are counted apart from the settled ones. */
/** 未销号 (口径说明): 已解决 awaiting confirmation included. */
export function openProblemCount(problems: readonly CardProblem[]): number {
  return problems.filter((p) => UNCLOSED_PROBLEM_STATES.includes(p.state)).length;
}

/** "数据截至 2020年10月31日": the month end a frozen meeting's figures stand at (YYYY-MM-DD). */
export function asOfLabel(asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number);
  return `数据截至 ${y}年${m}月${d}日`;
}
