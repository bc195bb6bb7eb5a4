import { describe, expect, it } from 'vitest';
import { FRESH_ALERT } from '../../fixtures/alert.js';
import type { AlertCleared, AlertRaised, AlertUpdated, InvestmentUpdate, ProblemUpdate, ProjectMilestone } from '../../../shared/events.js';
import { diffFigures, type SummaryDelta } from '../../../shared/summaryDelta.js';
import { TICKER_LIMIT, type TickerEvent } from '../../../shared/snapshot.js';
import type { Alert } from '../../../shared/types.js';
import {
  addTicker,
  ALERT_LIMIT,
  applyAlertCleared,
  applyAlertUpdated,
  applyAlertRaised,
  applyInvestmentUpdate,
  applyMilestone,
  applyProblemUpdate,
  applySnapshot,
  applySummaryUpdate,
  boundTicker,
  decideVersion,
  upsertAlert,
  type WallData,
} from '../../../screen/apps/wall/stores/applyEvents.js';
import { FIXTURE_VERSION, makeSnapshot } from '../../fixtures/snapshot.js';

const V = FIXTURE_VERSION;

function tick(version: number, kind: TickerEvent['kind'], projectId: number, at = '2020-09-15T03:00:00.000Z'): TickerEvent {
  return { id: `${version}-${kind}-${projectId}`, at, kind, projectId, text: `事件${version}` };
}

/** The figures a report moved (one domain, one month, one leader, a lagging project gone), as pushed: a delta. */
function moved() {
  const s = makeSnapshot();
  s.totals.completed += 100_000_000;
  s.byDomain[0].completed += 100_000_000;
  s.trend[7].actual += 100_000_000;
  s.byLeader[1].completed += 100_000_000;
  return { ...s, lagging: s.lagging.slice(1), rankingWeights: { ...s.rankingWeights, investment: 50 }, openMonth: { month: '2020-09', investment: 100_000_000, projects: 1 } };
}

function patch(): SummaryDelta {
  return diffFigures(makeSnapshot(), moved());
}

function update(version: number, summary = patch()): InvestmentUpdate {
  return {
    version,
    projectId: 3,
    project: '高新区新材料产业园',
    unit: '县工信局',
    month: '2020-08',
    investment: 100_000_000,
    completedToDate: 300_000_000,
    summary,
    event: tick(version, 'report', 3),
  };
}

function milestone(version: number, kind: 'started' | 'completed' = 'started'): ProjectMilestone {
  return { version, projectId: 27, project: '东华时代广场', unit: '县商务局', date: '2020-09-15', event: tick(version, kind, 27) };
}

function alert(id: number, severity: Alert['severity'], raisedAt = '2020-09-15T03:00:00.000Z'): Alert {
  return { id, projectId: id, project: `项目${id}`, unit: '县发改委', rule: 'investment_behind', severity, text: '投资滞后', state: 'raised', raisedAt, clearedAt: null, ...FRESH_ALERT };
}

const loaded = (): WallData => applySnapshot(makeSnapshot());

describe('decideVersion', () => {
  it('applies the next version and repeats of the current one (one change sends several events)', () => {
    expect(decideVersion(10, 11)).toBe('apply');
    expect(decideVersion(10, 10)).toBe('apply');
  });
  it('calls a skipped version a gap', () => {
    expect(decideVersion(10, 12)).toBe('gap');
    expect(decideVersion(10, 1000)).toBe('gap');
  });
  it('calls an older version stale', () => {
    expect(decideVersion(10, 9)).toBe('stale');
  });
  it('treats anything before the first snapshot as a gap', () => {
    expect(decideVersion(null, 1)).toBe('gap');
  });
});

describe('applySnapshot', () => {
  it('takes the snapshot whole and seeds the ticker from its events, newest first', () => {
    const s = makeSnapshot();
    const data = applySnapshot(s);
    expect(data.snapshot).toBe(s);
    expect(data.ticker.map((e) => e.id)).toEqual(s.events.map((e) => e.id));
  });
  it('bounds a ticker the server sent too long', () => {
    const s = makeSnapshot();
    s.events = Array.from({ length: 50 }, (_, i) => tick(i, 'report', i, new Date(Date.UTC(2020, 8, 15, 0, i)).toISOString()));
    expect(applySnapshot(s).ticker).toHaveLength(TICKER_LIMIT);
    expect(applySnapshot(s).ticker[0].id).toBe('49-report-49');
  });
});

describe('applyInvestmentUpdate', () => {
  it('applies the rows that moved and moves the version on', () => {
    const before = loaded();
    const u = update(V + 1);
    // Only what moved travels: one domain, one level? none, one leader, one trend month, a lagging row gone.
    expect(u.summary.byDomain?.upsert).toHaveLength(1);
    expect(u.summary.byLevel).toBeUndefined();
    expect(u.summary.byLeader?.upsert).toHaveLength(1);
    expect(u.summary.trend?.upsert).toHaveLength(1);
    expect(u.summary.lagging).toEqual({ upsert: [], remove: [before.snapshot!.lagging[0].projectId], order: expect.any(Array) });
    const { data, decision } = applyInvestmentUpdate(before, u);
    expect(decision).toBe('apply');
    expect(data.snapshot?.version).toBe(V + 1);
    const want = moved();
    expect(data.snapshot?.totals).toEqual(want.totals);
    expect(data.snapshot?.byDomain).toEqual(want.byDomain);
    expect(data.snapshot?.byLevel).toBe(before.snapshot?.byLevel);
    expect(data.snapshot?.byLeader).toEqual(want.byLeader);
    expect(data.snapshot?.rankingWeights.investment).toBe(50);
    expect(data.snapshot?.byLeader[1].completed).toBe(before.snapshot!.byLeader[1].completed + 100_000_000);
    expect(data.snapshot?.trend).toEqual(want.trend);
    expect(data.snapshot?.lagging).toEqual(want.lagging);
    expect(data.snapshot?.alerts).toBe(before.snapshot?.alerts);
    expect(data.ticker[0]).toBe(u.event);
  });

  it('does not touch the state it was given', () => {
    const before = loaded();
    const totals = before.snapshot?.totals;
    applyInvestmentUpdate(before, update(V + 1));
    expect(before.snapshot?.version).toBe(V);
    expect(before.snapshot?.totals).toBe(totals);
  });

  it('on a version gap changes nothing and asks for the snapshot', () => {
    const before = loaded();
    const outcome = applyInvestmentUpdate(before, update(V + 2));
    expect(outcome.decision).toBe('gap');
    expect(outcome.data).toBe(before);
  });

  it('ignores a stale update but still shows its ticker line once', () => {
    const before = loaded();
    const stale = update(V - 3);
    const { data, decision } = applyInvestmentUpdate(before, stale);
    expect(decision).toBe('stale');
    expect(data.snapshot).toBe(before.snapshot);
    expect(data.ticker.filter((e) => e.id === stale.event.id)).toHaveLength(1);
    const again = applyInvestmentUpdate(data, stale);
    expect(again.data).toBe(data);
  });

  it('is idempotent: the same update twice leaves one ticker line and the same figures', () => {
    const u = update(V + 1);
    const once = applyInvestmentUpdate(loaded(), u).data;
    const twice = applyInvestmentUpdate(once, u).data;
    expect(twice.snapshot?.version).toBe(V + 1);
    expect(twice.snapshot?.totals).toEqual(once.snapshot?.totals);
    expect(twice.ticker).toEqual(once.ticker);
  });

  it('asks for a snapshot when none has arrived yet', () => {
    expect(applyInvestmentUpdate({ snapshot: null, ticker: [] }, update(5)).decision).toBe('gap');
  });
});

describe('the events of one change share its version', () => {
  it('applies a milestone carrying the version the update just moved to', () => {
    const afterUpdate = applyInvestmentUpdate(loaded(), update(V + 1)).data;
    const { data, decision } = applyMilestone(afterUpdate, milestone(V + 1));
    expect(decision).toBe('apply');
    expect(data.snapshot?.version).toBe(V + 1);
    expect(data.snapshot?.totals).toBe(afterUpdate.snapshot?.totals);
    expect(data.ticker.map((e) => e.id).slice(0, 2).sort()).toEqual([`${V + 1}-report-3`, `${V + 1}-started-27`]);
  });
});

describe('alerts', () => {
  it('alert:raised inserts by id, most severe first, and adds a ticker line', () => {
    const a = alert(900, 'red', '2020-09-15T04:00:00.000Z');
    const raised: AlertRaised = { version: V + 1, alert: a, event: tick(V + 1, 'alert_raised', 900) };
    const { data } = applyAlertRaised(loaded(), raised);
    expect(data.snapshot?.alerts[0]).toEqual(a);
    expect(data.snapshot?.alerts.filter((x) => x.id === 900)).toHaveLength(1);
    expect(data.ticker[0].id).toBe(raised.event.id);
  });

  it('alert:raised for a known id replaces it (a severity change), never duplicates', () => {
    const before = loaded();
    const known = before.snapshot!.alerts.find((x) => x.severity === 'yellow')!;
    const raised: AlertRaised = { version: V + 1, alert: { ...known, severity: 'orange' }, event: tick(V + 1, 'alert_raised', known.projectId) };
    const { data } = applyAlertRaised(before, raised);
    const copies = data.snapshot!.alerts.filter((x) => x.id === known.id);
    expect(copies).toEqual([{ ...known, severity: 'orange' }]);
    expect(data.snapshot!.alerts).toHaveLength(before.snapshot!.alerts.length);
  });

  it('alert:cleared removes the alert; clearing again changes nothing more', () => {
    const before = loaded();
    const target = before.snapshot!.alerts[0];
    const cleared: AlertCleared = { version: V + 1, alertId: target.id, projectId: target.projectId, rule: target.rule, event: tick(V + 1, 'alert_cleared', target.projectId) };
    const once = applyAlertCleared(before, cleared).data;
    expect(once.snapshot!.alerts.map((x) => x.id)).not.toContain(target.id);
    const twice = applyAlertCleared(once, cleared).data;
    expect(twice.snapshot!.alerts).toEqual(once.snapshot!.alerts);
    expect(twice.ticker).toEqual(once.ticker);
  });

  it('alert:updated replaces the alert quietly, keeping one explained or written to on the wall', () => {
    const before = loaded();
    const known = before.snapshot!.alerts[0];
    const updated: AlertUpdated = { version: V + 1, alert: { ...known, state: 'acknowledged', acknowledgement: '已调整施工方案' } };
    const { data, decision } = applyAlertUpdated(before, updated);
    expect(decision).toBe('apply');
    expect(data.snapshot!.alerts.find((x) => x.id === known.id)).toMatchObject({ state: 'acknowledged' });
    expect(data.snapshot!.alerts).toHaveLength(before.snapshot!.alerts.length);
    expect(data.ticker).toBe(before.ticker);
  });

  it('keeps at most ALERT_LIMIT alerts', () => {
    let alerts: Alert[] = [];
    for (let i = 0; i < ALERT_LIMIT + 25; i++) alerts = upsertAlert(alerts, alert(i, 'yellow'));
    expect(alerts).toHaveLength(ALERT_LIMIT);
  });
});

describe('the ticker', () => {
  it('never holds more than TICKER_LIMIT events however many arrive', () => {
    let data = loaded();
    for (let v = V + 1; v <= V + 200; v++) data = applyMilestone(data, milestone(v)).data;
    expect(data.ticker).toHaveLength(TICKER_LIMIT);
    expect(data.ticker[0].id).toBe(`${V + 200}-started-27`);
  });

  it('adds an event once and keeps newest first', () => {
    const older = tick(1, 'report', 1, '2020-09-15T01:00:00.000Z');
    const newer = tick(2, 'report', 2, '2020-09-15T02:00:00.000Z');
    const list = addTicker(addTicker([], newer), older);
    expect(list.map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(addTicker(list, newer)).toBe(list);
  });

  it('leaves a full list alone when a late event is older than everything in it', () => {
    const full = boundTicker(Array.from({ length: TICKER_LIMIT }, (_, i) => tick(100 + i, 'report', i, `2020-09-15T0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}:00.000Z`)));
    expect(addTicker(full, tick(1, 'report', 99, '2020-09-01T00:00:00.000Z'))).toBe(full);
  });

  it('drops duplicate ids from a snapshot', () => {
    const e = tick(1, 'report', 1);
    expect(boundTicker([e, e, { ...e }])).toHaveLength(1);
  });
});

describe('summary:update', () => {
  it('takes the problem counts when the patch carries them (the date moved on) and keeps them otherwise', () => {
    const before = loaded();
    const kept = applySummaryUpdate(before, { version: V + 1, summary: patch() }).data;
    expect(kept.snapshot!.problems).toBe(before.snapshot!.problems);
    const aged = { ...before.snapshot!.problems, overdue: before.snapshot!.problems.overdue + 1 };
    const moved = applySummaryUpdate(kept, { version: V + 2, summary: { ...patch(), problems: aged } }).data;
    expect(moved.snapshot!.problems).toEqual(aged);
  });
});

describe('problem:update', () => {
  function problemUpdate(version: number, pending: number): ProblemUpdate {
    const problems = { ...makeSnapshot().problems, pending, byCategory: [{ category: '用地保障', open: pending, closed: 0 }] };
    return { version, problemId: 77, problems, event: tick(version, 'problem', 27) };
  }

  it('replaces the ledger counts whole, moves the version on and adds its ticker line', () => {
    const before = applySnapshot(makeSnapshot());
    const { data, decision } = applyProblemUpdate(before, problemUpdate(V + 1, 9));
    expect(decision).toBe('apply');
    expect(data.snapshot!.version).toBe(V + 1);
    expect(data.snapshot!.problems.pending).toBe(9);
    expect(data.snapshot!.problems.byCategory).toEqual([{ category: '用地保障', open: 9, closed: 0 }]);
    expect(data.ticker[0].kind).toBe('problem');
    // Nothing else is touched.
    expect(data.snapshot!.totals).toBe(before.snapshot!.totals);
    expect(before.snapshot!.problems.pending).toBe(makeSnapshot().problems.pending);
  });

  it('applies alongside the summary:update of the same change (one version)', () => {
    const moved = applyInvestmentUpdate(applySnapshot(makeSnapshot()), update(V + 1)).data;
    const { data, decision } = applyProblemUpdate(moved, problemUpdate(V + 1, 5));
    expect(decision).toBe('apply');
    expect(data.snapshot!.problems.pending).toBe(5);
  });

  it('keeps the newer counts when a stale update arrives late, showing only its ticker line', () => {
    const current = applyProblemUpdate(applySnapshot(makeSnapshot()), problemUpdate(V + 1, 6)).data;
    const { data, decision } = applyProblemUpdate(current, problemUpdate(V - 3, 1));
    expect(decision).toBe('stale');
    expect(data.snapshot!.problems.pending).toBe(6);
    expect(data.ticker.filter((e) => e.id === tick(V - 3, 'problem', 27).id)).toHaveLength(1);
  });

  it('on a gap changes nothing and asks for the snapshot', () => {
    const before = applySnapshot(makeSnapshot());
    const { data, decision } = applyProblemUpdate(before, problemUpdate(V + 3, 2));
    expect(decision).toBe('gap');
    expect(data).toBe(before);
  });
});
