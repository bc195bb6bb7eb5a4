// The reporting deadlines as a unit reads them: "距月报截止还有3天", "已逾期2天".

/** ok: comfortably ahead; soon: within three days; today: due today; overdue: past it. */
export type Urgency = 'ok' | 'soon' | 'today' | 'overdue';

export function urgency(days: number): Urgency {
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  return days <= 3 ? 'soon' : 'ok';
}

/** `what` names the deadline: 月报 or 问题报送. */
export function countdownText(what: string, days: number): string {
  if (days < 0) return `${what}已逾期${-days}天`;
  if (days === 0) return `${what}今天截止`;
  return `距${what}截止还有${days}天`;
}
