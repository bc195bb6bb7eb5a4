// The five wall pages' pure helpers: paging, the 领域 cards, the 预警 board, the 问题台账 figures,
// the 挂点领导 cards and the 比赶超 boards.
import { describe, expect, it } from 'vitest';
import { alertCounts, alertRows } from '../../../screen/apps/wall/pages/alertBoard.js';
import { cardColumns, groupCard, groupViews } from '../../../screen/apps/wall/panels/groupCards.js';
import { leaderCard } from '../../../screen/apps/wall/panels/leaderCards.js';
import { nextPage, pageCount, pageOf, rowsThatFit } from '../../../screen/composables/paging.js';
import { categoryTitle, oldestRows, openCount, pipeline } from '../../../screen/apps/wall/pages/problemBoard.js';
import { barWidth, progressTone, scheduleShare } from '../../../screen/charts/progressTone.js';
import { componentTone, honourBoards, rankingRows, weightColumns } from '../../../screen/apps/wall/pages/rankingBoard.js';
import { countAlerts, type UnitRank } from '../../../shared/snapshot.js';
import type { Alert } from '../../../shared/types.js';
import { FRESH_ALERT } from '../../fixtures/alert.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';

describe('paging', () => {
  it('fits whole rows only, and at least one', () => {
    expect(rowsThatFit(500, 100, 8)).toBe(4); // 4 × 100 + 3 × 8 = 424; a fifth needs 532
    expect(rowsThatFit(532, 100, 8)).toBe(5);
    expect(rowsThatFit(40, 100)).toBe(1);
  });

  it('pages a list and wraps back to the first page', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(pageCount(23, 10)).toBe(3);
    expect(pageCount(0, 10)).toBe(1);
    expect(pageOf(items, 2, 10)).toEqual([20, 21, 22]);
    expect(pageOf(items, 9, 10)).toEqual([20, 21, 22]);
    expect(nextPage(0, 3)).toBe(1);
    expect(nextPage(2, 3)).toBe(0);
    expect(nextPage(0, 1)).toBe(0);
  });
});

describe('progress', () => {
  it('gives a group its status against 序时进度 in points of the annual plan', () => {
    const g = (completed: number, schedulePlan: number) => ({ annualPlan: 1000, completed, schedulePlan, completionRate: completed / 1000 });
    expect(progressTone(g(600, 600))).toBe('onPlan');
    expect(progressTone(g(550, 600))).toBe('behind');
    expect(progressTone(g(389, 549))).toBe('lagging');
    expect(progressTone({ ...g(0, 0), projects: 0 })).toBe('onPlan');
  });
  it('takes the group\'s own schedule share and clamps bar widths', () => {
    expect(scheduleShare({ schedulePlan: 600, annualPlan: 1200 })).toBe(0.5);
    expect(scheduleShare({ schedulePlan: 0, annualPlan: 0 })).toBe(0);
    expect(barWidth(1.4)).toBe('100%');
    expect(barWidth(0.25)).toBe('25%');
  });
});

describe('领域 cards', () => {
  const s = makeSnapshot();

  it('shows a domain in 亿元 against its own 序时进度, with what it is short', () => {
    const c = groupCard(s.byDomain[0]);
    expect(c).toMatchObject({ key: 'industry', name: '工业', projects: 24, laggingCount: 3, completed: '21.35', annualPlan: '30.60', target: null, targetRate: null });
    expect(c.rateText).toBe('69.8%');
    expect(c.scheduleText).toBe('62.3%');
    expect(c.schedulePlan).toBe('19.07');
    expect([c.gapLabel, c.gapAmount]).toEqual(['超序时', '2.28']);
    expect(c.tone).toBe('onPlan');
  });

  it('gives the target and how much of it is done where the plan sets one', () => {
    const c = groupCard(s.byLevel[3]);
    expect(c).toMatchObject({ name: '市重点', target: '69.70', targetRate: '65.1%' });
    const short = groupCard({ ...s.byDomain[1], completed: 100_000_000 });
    expect([short.gapLabel, short.tone]).toEqual(['欠序时', 'lagging']);
  });

  it('shows the domains as cards and the levels as the second view, or the levels alone', () => {
    expect(groupViews(s.byDomain, s.byLevel)).toMatchObject({ cardsAre: 'domain' });
    expect(groupViews(s.byDomain, s.byLevel).levels.map((l) => l.name)).toEqual(['省重点', '省大中型', '省市县三级联动', '市重点', '县重点']);
    const levelsOnly = groupViews([], s.byLevel);
    expect([levelsOnly.cardsAre, levelsOnly.cards.length, levelsOnly.levels.length]).toEqual(['level', 5, 0]);
  });

  it('puts up to six cards in a row and more in two', () => {
    expect([cardColumns(6), cardColumns(3), cardColumns(7), cardColumns(12)]).toEqual([6, 3, 4, 6]);
  });
});

describe('滞后预警 board', () => {
  const s = makeSnapshot();
  const alert = (id: number, projectId: number, patch: Partial<Alert>): Alert => ({
    ...FRESH_ALERT, id, projectId, project: `项目${projectId}`, unit: '县工信局', rule: 'investment_behind', severity: 'yellow', text: '',
    state: 'raised', raisedAt: '2020-09-06T01:00:00.000Z', clearedAt: null, ...patch,
  });

  it('counts the open alerts by severity, rule, stage and 分级调度 level', () => {
    const c = alertCounts(countAlerts(s.alerts));
    expect(c.total).toBe(10);
    expect(c.bySeverity.map((x) => [x.label, x.count])).toEqual([['红色预警', 2], ['橙色预警', 3], ['黄色预警', 5]]);
    expect(c.byRule.find((r) => r.key === 'investment_behind')).toMatchObject({ label: '投资滞后', count: 8, width: '100%' });
    expect(c.byRule.find((r) => r.key === 'report_missing')).toMatchObject({ count: 1, width: '12.5%' });
    expect(c.byState.map((x) => [x.label, x.count])).toEqual([['已预警', 10], ['单位已说明', 0], ['已发函', 0]]);
    expect(c.byLevel.map((x) => x.count)).toEqual([10, 0, 0]);
  });

  it('lists the lagging projects most severe first with their reasons in plain Chinese', () => {
    const rows = alertRows(s.lagging, s.alerts);
    expect(rows.map((r) => r.severity)).toEqual(['red', 'red', 'orange', 'orange', 'yellow', 'yellow', 'yellow', 'yellow', 'yellow']);
    expect(rows[0]).toMatchObject({ name: '巴顿多金属二次资源综合回收利用项目', severityLabel: '红色', stage: '已预警', escalation: null });
    expect(rows[0].reasons.map((r) => r.tag)).toEqual(['投资滞后', '开工逾期']);
    expect(rows[0].reasons[1].text).toBe('计划2020-04-30开工，已逾期138天');
  });

  it('says how far each project\'s alerts have got: the furthest stage, the letter, the escalation', () => {
    const lagging = s.lagging.slice(0, 2);
    const rows = alertRows(lagging, [
      alert(1, 7, { state: 'acknowledged' }),
      alert(2, 7, { rule: 'start_overdue', state: 'letter_issued', letterNumber: '弋重推预字〔2020〕3号', level: 2 }),
      alert(3, 31, { state: 'cleared', level: 3 }),
    ]);
    expect(rows[0]).toMatchObject({ stage: '已发函 弋重推预字〔2020〕3号', escalation: '常务副县长调度' });
    expect(rows[1]).toMatchObject({ stage: '待生成预警', escalation: null });
  });
});

describe('问题台账 figures', () => {
  const s = makeSnapshot().problems;

  it('runs the pipeline from 待协调 to 销号 with all closed and this month\'s', () => {
    expect(pipeline(s).map((p) => [p.label, p.count])).toEqual([['待协调', 4], ['协调中', 7], ['已解决', 2], ['已销号', 18]]);
    expect(pipeline(s)[3].note).toBe('本月销号 3 项');
    expect(openCount(s)).toBe(13);
  });

  it('lists the oldest with owner, age and 调度 level', () => {
    const rows = oldestRows({ ...s, oldest: [...s.oldest, { ...s.oldest[4], id: 99, ageDays: 0 }] });
    expect(rows[0]).toMatchObject({ project: '巴顿多金属二次资源综合回收利用项目', unit: '县高新区管委会', age: '96天', level: '县长调度', overdue: true });
    expect(rows.at(-1)!.age).toBe('当天');
  });
});

describe('the problem groups\' title', () => {
  it('counts the configured categories, up to twelve', () => {
    expect(categoryTitle(4)).toBe('四类问题');
    expect(categoryTitle(1)).toBe('一类问题');
    expect(categoryTitle(12)).toBe('十二类问题');
    expect(categoryTitle(0)).toBe('问题分类');
    expect(categoryTitle(13)).toBe('问题分类');
  });
});

describe('挂点领导 cards', () => {
  const s = makeSnapshot();

  it('shows each leader\'s projects by role, amounts, pace and open problems', () => {
    const c = leaderCard(s.byLeader[1]);
    expect(c).toMatchObject({ name: '陈长开', title: '县委常委、常务副县长', rank: 'executive_deputy', projects: 21, roles: '挂点 9 · 包干 14 · 兼 2' });
    expect(c).toMatchObject({ annualPlan: '28.30', completed: '18.72', laggingCount: 3, openProblems: 4, rateText: '66.1%', scheduleText: '62.3%', tone: 'onPlan' });
  });

  it('does not call a leader without projects behind', () => {
    const none = leaderCard({ ...s.byLeader[0], projects: 0, annualPlan: 0, completed: 0, schedulePlan: 0, completionRate: 0, scheduleRate: 0 });
    expect(none.tone).toBe('onPlan');
  });
});

describe('比赶超 boards', () => {
  const ranking = makeSnapshot().ranking;

  it('heads the columns with each weight\'s share', () => {
    expect(weightColumns({ investment: 40, start: 15, completion: 15, timeliness: 15, problems: 15 }).map((c) => [c.label, c.share])).toEqual([
      ['投资完成', '40%'], ['项目开工', '15%'], ['项目竣工', '15%'], ['按时报送', '15%'], ['问题销号', '15%'],
    ]);
    expect(weightColumns({ investment: 2, start: 1, completion: 1, timeliness: 0, problems: 0 }).map((c) => c.share)).toEqual(['50%', '25%', '25%', '0%', '0%']);
    expect(weightColumns({ investment: 0, start: 0, completion: 0, timeliness: 0, problems: 0 })[0].share).toBe('—');
  });

  it('puts the best three on the 红榜 and the worst three, worst first, on the 黑榜, never one unit on both', () => {
    const { red, black } = honourBoards(ranking);
    expect(red.map((u) => u.unit)).toEqual(['县工信局', '县城投公司', '县商务局']);
    expect(black.map((u) => u.unit)).toEqual(['县城管局', '县教体局', '县农业农村局']);
    const few = honourBoards(ranking.slice(0, 4));
    expect([few.red.length, few.black.map((u) => u.rank)]).toEqual([2, [4, 3]]);
    expect(honourBoards(ranking.slice(0, 1))).toEqual({ red: [ranking[0]], black: [] });
  });

  it('marks each row\'s board and tones its components', () => {
    const rows = rankingRows(ranking);
    expect(rows.map((r) => r.board)).toEqual(['red', 'red', 'red', 'black', 'black', 'black']);
    const unit: UnitRank = { ...ranking[0], components: { investment: 95.4, start: 59.9, completion: 60, timeliness: 100, problems: 89.99 } };
    expect(rankingRows([unit])[0].components.map((c) => [c.value, c.tone])).toEqual([
      ['95', 'good'], ['60', 'poor'], ['60', 'fair'], ['100', 'good'], ['90', 'fair'],
    ]);
    expect(rows[0].score).toBe('96.2');
    expect(componentTone(90)).toBe('good');
  });
});
