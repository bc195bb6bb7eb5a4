import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardMonth, ProjectCard, ProjectQuery, ProjectRow } from '../../../shared/drill.js';
import type { WallSocket } from '../../../screen/api/socket.js';
import { useDrillStore } from '../../../screen/apps/wall/drill/drillStore.js';
import { useWallStore } from '../../../screen/apps/wall/stores/wallStore.js';
import { CARD_SERIES, cardCurveOption, shownThrough } from '../../../screen/apps/wall/drill/cardChart.js';
import { asOfLabel, cardFigures, dateLine, leaderLine, openProblemCount, problemLine } from '../../../screen/apps/wall/drill/cardFacts.js';
import { createIdleTimer, DRILL_IDLE_MS } from '../../../screen/apps/wall/drill/idle.js';
import { LIST_REFRESH_MS, markOf, refreshDecision, touchedProjects } from '../../../screen/apps/wall/drill/refresh.js';
import type { Snapshot, TickerEvent } from '../../../shared/snapshot.js';
import type { Alert } from '../../../shared/types.js';
import type { PresentationState } from '../../../shared/presentation.js';
import { domainQuery, problemStateQuery, ruleQuery, severityQuery, statusQuery, unitQuery } from '../../../screen/apps/wall/drill/queries.js';
import { defaultSort, listSummary, sortRows, toggleSort } from '../../../screen/apps/wall/drill/rows.js';

const WAN = 10_000;

function row(id: number, o: Partial<ProjectRow> = {}): ProjectRow {
  return {
    id, code: `P${String(id).padStart(3, '0')}`, name: `项目${id}`, domain: '工业', unitId: 1, unit: '县工信局', leader: '张三', township: null,
    stage: 'construction', totalInvestment: 10_000 * WAN, annualPlan: 1_000 * WAN, completed: 500 * WAN, completionRate: 0.5, scheduleShare: 5 / 6, scheduleRate: 0.6,
    lagging: null, started: true, completedProject: false, ...o,
  };
}

function months(actual: number[]): CardMonth[] {
  let planCum = 0;
  let actualCum = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const plan = 100 * WAN;
    const a = actual[i] ?? 0;
    planCum += plan;
    actualCum += a;
    return { month: `2020-${String(i + 1).padStart(2, '0')}`, plan, actual: a, planCum, actualCum };
  });
}

function card(o: Partial<ProjectCard> = {}): ProjectCard {
  return {
    id: 1, code: 'P001', name: '新材料产业园', domain: '工业', levels: ['省重点'], stage: 'construction', township: '弋江镇', content: '厂房建设',
    totalInvestment: 50_000 * WAN, annualPlan: 1_200 * WAN, completed: 600 * WAN, completionRate: 0.5, schedulePlan: 1_000 * WAN, scheduleRate: 0.6,
    plannedStart: '2020-03-01', plannedCompletion: '2021-12-31', startedOn: '2020-03-05', completedOn: null, imageProgress: '主体施工',
    imageProgressMonth: '2020-10', lagging: 'orange', lagReasons: [], months: months([]), reportingMonth: '2020-10', alerts: [], problems: [],
    leaders: [], commissioner: null, unit: { id: 1, name: '县工信局', leadUnit: null }, history: [], asOf: null, ...o,
  };
}

describe('drill queries', () => {
  it('names each figure and asks for its projects', () => {
    expect(statusQuery('started')).toEqual({ title: '已开工项目', status: 'started' });
    expect(statusQuery('lagging')).toEqual({ title: '滞后项目', status: 'lagging' });
    expect(domainQuery({ key: 'industry', name: '工业' })).toEqual({ title: '工业 · 全部项目', domain: 'industry', status: 'all' });
    expect(domainQuery({ key: 'industry', name: '工业' }, 'lagging')).toMatchObject({ title: '工业 · 滞后项目', status: 'lagging' });
    expect(unitQuery({ unitId: 4, unit: '县城投公司' })).toEqual({ title: '县城投公司 · 负责项目', unitId: 4, status: 'all' });
    expect(severityQuery('red')).toEqual({ title: '红色预警项目', severity: 'red' });
    expect(ruleQuery('start_overdue')).toEqual({ title: '开工逾期项目', rule: 'start_overdue' });
    expect(problemStateQuery('overdue')).toEqual({ title: '有逾期问题的项目', problemState: 'overdue' });
  });
});

describe('drill list rows', () => {
  const rows = [row(1, { scheduleRate: 0.9, completed: 100 }), row(2, { scheduleRate: 0.3, lagging: 'red', completed: 300 }), row(3, { scheduleRate: 0.3, lagging: 'yellow', completed: 200 })];

  it('sorts by a figure, ties in code order', () => {
    expect(sortRows(rows, { key: 'scheduleRate', dir: 'asc' }).map((r) => r.id)).toEqual([2, 3, 1]);
    expect(sortRows(rows, { key: 'completed', dir: 'desc' }).map((r) => r.id)).toEqual([2, 3, 1]);
    expect(sortRows(rows, { key: 'lagging', dir: 'desc' }).map((r) => r.id)).toEqual([2, 3, 1]);
    expect(sortRows(rows, { key: 'code', dir: 'desc' }).map((r) => r.id)).toEqual([3, 2, 1]);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('opens lagging lists worst first and others furthest behind first; a click flips the column', () => {
    expect(defaultSort({ title: '', status: 'lagging' })).toEqual({ key: 'lagging', dir: 'desc' });
    expect(defaultSort({ title: '', severity: 'red' })).toEqual({ key: 'lagging', dir: 'desc' });
    expect(defaultSort({ title: '', status: 'started' })).toEqual({ key: 'scheduleRate', dir: 'asc' });
    expect(toggleSort({ key: 'completed', dir: 'desc' }, 'completed')).toEqual({ key: 'completed', dir: 'asc' });
    expect(toggleSort({ key: 'completed', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
    expect(toggleSort({ key: 'name', dir: 'asc' }, 'annualPlan')).toEqual({ key: 'annualPlan', dir: 'desc' });
  });

  it('sums the list in 亿元', () => {
    expect(listSummary([row(1, { annualPlan: 1.5e8, completed: 0.5e8 }), row(2, { annualPlan: 0.5e8, completed: 0.25e8, lagging: 'red' })])).toBe(
      '共 2 个项目 · 年度计划 2.00 亿元 · 累计完成 0.75 亿元 · 滞后 1 个',
    );
  });
});

describe('project card facts', () => {
  it('tones 完成/序时 by the project\'s status (red with any open alert), with the target 序时进度 beside it', () => {
    const f = cardFigures(card());
    expect(f.map((x) => x.label)).toEqual(['总投资', '年度计划', '本年完成', '完成率', '序时进度', '完成/序时']);
    expect(f[2]).toMatchObject({ value: '600', unit: '万元' });
    expect(f[4].value).toMatch(/%$/);
    expect(f[5]).toMatchObject({ value: '60.0%', tone: 'bad' });
    const ahead = card({ lagging: null, scheduleRate: 1.05 });
    expect(cardFigures({ ...ahead, completionRate: (ahead.schedulePlan * 1.05) / ahead.annualPlan })[5].tone).toBe('good');
    expect(cardFigures(card({ lagging: null }))[5].tone).toBe('warn');
    expect(cardFigures(card({ lagging: 'yellow' }))[5].tone).toBe('bad');
    expect(cardFigures(card({ lagging: null, schedulePlan: 0, scheduleRate: 0 }))[5]).toMatchObject({ value: '—', tone: 'good' });
  });

  it('words dates, leaders and problems', () => {
    expect(dateLine('2020-03-01', '2020-03-05', '未开工')).toBe('计划 2020-03-01 · 实际 2020-03-05');
    expect(dateLine(null, null, '未竣工')).toBe('计划 未定 · 未竣工');
    expect(leaderLine({ id: 1, name: '张三', title: '副县长', role: 'point' })).toBe('一对一挂点：张三（副县长）');
    expect(leaderLine({ id: 2, name: '李四', title: '', role: 'charge' })).toBe('分管包干：李四');
    const p = { id: 1, category: '用地保障', description: 'x', state: 'pending' as const, level: 1 as const, owner: '县自然资源局', ageDays: 32, overdue: true, dueOn: '2020-10-01' };
    expect(problemLine(p)).toBe('待协调 · 32天 · 县自然资源局 · 已逾期');
    expect(openProblemCount([p, { ...p, id: 2, state: 'closed' }, { ...p, id: 3, state: 'coordinating' }])).toBe(2);
    expect(openProblemCount([p, { ...p, id: 2, state: 'resolved' }, { ...p, id: 3, state: 'returned' }])).toBe(2);
  });
});

describe('the card curve', () => {
  it('draws plan for the year and actual through the reporting month, in 万元', () => {
    const m = months([50 * WAN, 80 * WAN, 0, 120 * WAN]);
    const option = cardCurveOption(m, '2020-05');
    const series = option.series as { name: string; data: (number | null)[] }[];
    const byName = (n: string) => series.find((s) => s.name === n)!.data;
    expect(byName(CARD_SERIES.planCum)).toHaveLength(12);
    expect(byName(CARD_SERIES.planCum)[11]).toBe(1_200);
    expect(byName(CARD_SERIES.actualCum).slice(0, 6)).toEqual([50, 130, 130, 250, 250, null]);
    expect(byName(CARD_SERIES.actual)[4]).toBe(0);
    expect(byName(CARD_SERIES.actual)[5]).toBeNull();
  });

  it('shows a month reported early', () => {
    expect(shownThrough(months([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5]), '2020-10')).toBe('2020-11');
    expect(shownThrough(months([]), '2020-10')).toBe('2020-10');
  });
});

describe('idle timer', () => {
  it('fires once after the quiet spell, restarted by each poke, not after stop', () => {
    vi.useFakeTimers();
    try {
      const onIdle = vi.fn();
      const t = createIdleTimer(DRILL_IDLE_MS, onIdle);
      t.poke();
      vi.advanceTimersByTime(DRILL_IDLE_MS - 1_000);
      t.poke();
      vi.advanceTimersByTime(DRILL_IDLE_MS - 1_000);
      expect(onIdle).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1_000);
      expect(onIdle).toHaveBeenCalledTimes(1);
      t.poke();
      t.stop();
      vi.advanceTimersByTime(DRILL_IDLE_MS * 2);
      expect(onIdle).toHaveBeenCalledTimes(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** A connected socket whose acknowledgements the test answers. */
class AckSocket {
  connected = true;
  active = true;
  asked: [string, unknown][] = [];
  answers = new Map<string, (arg: unknown) => unknown>();
  on() {
    return this;
  }
  emit() {
    return this;
  }
  timeout() {
    return this;
  }
  async emitWithAck(event: string, arg: unknown) {
    this.asked.push([event, arg]);
    const answer = this.answers.get(event);
    if (!answer) throw new Error('operation has timed out');
    return answer(arg);
  }
}

describe('drill store', () => {
  let socket: AckSocket;
  beforeEach(() => {
    setActivePinia(createPinia());
    socket = new AckSocket();
    useWallStore().connect(socket as unknown as WallSocket);
  });

  const started: ProjectQuery = { title: '已开工项目', status: 'started' };

  it('goes list → card → back to the list, then closes', async () => {
    socket.answers.set('projects:list', () => ({ rows: [row(1), row(2)], total: 2 }));
    socket.answers.set('project:card', (id) => card({ id: id as number }));
    const drill = useDrillStore();
    await drill.showList(started);
    expect(drill).toMatchObject({ open: true, view: 'list', loading: false, error: null, total: 2 });
    expect(drill.rows.map((r) => r.id)).toEqual([1, 2]);
    expect(drill.query).toEqual(started);
    await drill.showProject(2);
    expect(drill.view).toBe('card');
    expect(drill.card?.id).toBe(2);
    expect(drill.canGoBack).toBe(true);
    drill.back();
    expect(drill.view).toBe('list');
    expect(drill.rows).toHaveLength(2);
    expect(socket.asked.map(([e]) => e)).toEqual(['projects:list', 'project:card']);
    drill.back();
    expect(drill.open).toBe(false);
  });

  it('a card opened on its own has nothing to go back to', async () => {
    socket.answers.set('project:card', (id) => card({ id: id as number }));
    const drill = useDrillStore();
    await drill.showProject(7);
    expect(drill.canGoBack).toBe(false);
    drill.close();
    expect(drill).toMatchObject({ open: false, view: null, card: null });
  });

  it('shows the server error, and a timeout in Chinese', async () => {
    socket.answers.set('project:card', () => ({ error: '项目不存在' }));
    const drill = useDrillStore();
    await drill.showProject(999);
    expect(drill).toMatchObject({ error: '项目不存在', loading: false, open: true });
    await drill.showList(started);
    expect(drill.error).toBe('服务器响应超时，请稍后再试');
  });

  it('refuses politely while disconnected', async () => {
    socket.connected = false;
    const drill = useDrillStore();
    await drill.showList(started);
    expect(drill.error).toBe('未连接服务器，暂时无法查看明细');
  });

  it('drops an answer that arrives after the view moved on', async () => {
    let release!: (v: unknown) => void;
    socket.answers.set('projects:list', () => new Promise((r) => (release = r)));
    socket.answers.set('project:card', (id) => card({ id: id as number }));
    const drill = useDrillStore();
    const slow = drill.showList(started);
    await drill.showProject(3);
    release({ rows: [row(1)], total: 1 });
    await slow;
    expect(drill.view).toBe('card');
    expect(drill.card?.id).toBe(3);
    socket.answers.set('projects:list', () => ({ rows: [row(1), row(2)], total: 2 }));
    drill.back();
    await vi.waitFor(() => expect(drill.rows).toHaveLength(2));
  });

  it("opens a problem's project card straight away", async () => {
    socket.answers.set('projects:list', () => ({ rows: [row(5)], total: 1 }));
    socket.answers.set('project:card', (id) => card({ id: id as number }));
    const drill = useDrillStore();
    await drill.showProblemProject(12);
    expect(socket.asked[0]).toEqual(['projects:list', { title: '问题所属项目', problemId: 12 }]);
    expect(drill.view).toBe('card');
    expect(drill.card?.id).toBe(5);
    expect(drill.canGoBack).toBe(false);
  });
});

describe('refreshing what is open when the figures move', () => {
  const tick = (id: string, projectId: number): TickerEvent => ({ id, at: '2020-11-20T02:00:00.000Z', kind: 'report', projectId, text: '' });
  const alert = (id: number, projectId: number) => ({ id, projectId, severity: 'yellow', state: 'raised' }) as Alert;
  const snap = (alerts: Alert[], generatedAt = 'g1') => ({ generatedAt, alerts }) as unknown as Snapshot;

  it('tells the projects a push touched from new ticker lines and changed alerts', () => {
    const a1 = alert(1, 10);
    const a2 = alert(2, 20);
    const a3 = alert(3, 30);
    const before = markOf(snap([a1, a2, a3]), [tick('1-investment-5', 5)]);
    // investment:update for 6 (a ticker line), alert:updated for 20 (a new object), alert cleared for 30 (gone).
    const touched = touchedProjects(before, snap([a1, { ...a2, severity: 'red' }]), [tick('2-investment-6', 6), tick('1-investment-5', 5)]);
    expect(touched).toEqual(new Set([6, 20, 30]));
    // Nothing about the others; a full snapshot replaced everything.
    expect(touchedProjects(before, snap([a1, a2, a3]), [tick('1-investment-5', 5)])).toEqual(new Set());
    expect(touchedProjects(before, snap([a1, a2, a3], 'g2'), [])).toBe('all');
  });

  it('reloads a card only for its own project, a list at most every 10 s', () => {
    const card = { kind: 'card', projectId: 7 } as const;
    expect(refreshDecision(card, new Set([7, 8]), 0)).toEqual({ kind: 'now' });
    expect(refreshDecision(card, new Set([8]), 0)).toEqual({ kind: 'skip' });
    expect(refreshDecision(card, 'all', 0)).toEqual({ kind: 'now' });
    const list = { kind: 'list', loadedAt: 100_000 } as const;
    expect(refreshDecision(list, new Set([1]), 100_000 + LIST_REFRESH_MS)).toEqual({ kind: 'now' });
    expect(refreshDecision(list, new Set([1]), 103_000)).toEqual({ kind: 'later', inMs: LIST_REFRESH_MS - 3_000 });
    expect(refreshDecision({ kind: 'list', loadedAt: null }, 'all', 0)).toEqual({ kind: 'skip' });
    expect(refreshDecision(null, 'all', 0)).toEqual({ kind: 'skip' });
  });

  it('labels month-end figures', () => {
    expect(asOfLabel('2020-09-30')).toBe('数据截至 2020年9月30日');
  });
});

describe('drill store in a frozen meeting', () => {
  let socket: AckSocket;
  beforeEach(() => {
    setActivePinia(createPinia());
    socket = new AckSocket();
    useWallStore().connect(socket as unknown as WallSocket);
  });

  it('asks for the month-end figures while the wall follows frozen figures, today\'s otherwise', async () => {
    socket.answers.set('projects:list', () => ({ rows: [row(1)], total: 1, asOf: '2020-09-30' }));
    socket.answers.set('project:card', () => card({ asOf: '2020-09-30' }));
    const wall = useWallStore();
    const drill = useDrillStore();
    await drill.showProject(4);
    expect(socket.asked.at(-1)).toEqual(['project:card', 4]);
    const state = { id: 3, seq: 1, frozen: { month: '2020-09', asOf: '2020-09-30' } } as PresentationState;
    wall.presentation = state;
    // Frozen, but its figures not there yet: the wall still shows today's.
    await drill.retry();
    expect(socket.asked.at(-1)).toEqual(['project:card', 4]);
    wall.frozen = { sessionId: 3, seq: 1, month: '2020-09', asOf: '2020-09-30', snapshot: {} as Snapshot } as NonNullable<typeof wall.frozen>;
    await drill.retry();
    expect(socket.asked.at(-1)).toEqual(['project:card', { projectId: 4, asOf: '2020-09' }]);
    expect(drill.asOf).toBe('2020-09-30');
    await drill.showList({ title: '全部项目' });
    expect(socket.asked.at(-1)).toEqual(['projects:list', { title: '全部项目', asOf: '2020-09' }]);
    expect(drill.asOf).toBe('2020-09-30');
  });
});
