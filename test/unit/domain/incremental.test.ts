import { describe, expect, it } from 'vitest';
import { demoLedger } from '../../../server/demo/demo.js';
import { provinceLedger } from '../../../server/demo/province.js';
import type { Summary } from '../../../server/domain/aggregates.js';
import { liveAsOf, monthEndAsOf, type AsOf } from '../../../server/domain/asOf.js';
import type { LedgerInput, LedgerProblem, MonthlyFigure } from '../../../server/domain/ledger.js';
import { campaignAsOf, recomputeCampaignAsOf, type CampaignMemo } from '../../../server/domain/monthEnd.js';
import { addDays, addMonths, monthOf, yearOf } from '../../../shared/dates.js';
import type { Project } from '../../../shared/types.js';
import { demoInput } from '../../fixtures/demoInput.js';

/** A small deterministic generator (mulberry32), so a failing step can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof rng>;
const pick = <T>(r: Random, items: readonly T[]) => items[Math.floor(r() * items.length)];

/** The rows of one project after a change, as the store reads them again. */
interface Rows {
  project: Project;
  monthly: MonthlyFigure[];
  openings: NonNullable<LedgerInput['openings']>;
  problems: LedgerProblem[];
}

const at = (day: string) => `${day}T02:00:00.000Z`;

/**
 * One random change of a single project: a report (accepted, submitted, a draft), a start, a
 * completion, a correction, an opening, a problem, or an edit moving it to another project's
 * domain, levels, leaders, plan and sometimes unit.
 */
function change(r: Random, rows: Rows, today: string, other: Project): Rows {
  const { project } = rows;
  const year = yearOf(today);
  const month = pick(r, Array.from({ length: Number(today.slice(5, 7)) }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
  const report = (status: MonthlyFigure['status'], investment: number): Rows => ({
    ...rows,
    monthly: [
      ...rows.monthly.filter((f) => f.month !== month),
      { projectId: project.id, month, investment, status, submittedAt: at(addDays(`${addMonths(month, 1)}-01`, Math.floor(r() * 20))) },
    ],
  });
  switch (pick(r, ['accepted', 'accepted', 'submitted', 'draft', 'start', 'complete', 'correct', 'opening', 'problem', 'move'] as const)) {
    case 'accepted':
      return report('accepted', Math.floor(r() * 5_000) * 10_000);
    case 'submitted':
      return report('submitted', Math.floor(r() * 5_000) * 10_000);
    case 'draft':
      return report('draft', 0);
    case 'start':
      return { ...rows, project: { ...project, startedOn: addDays(today, -Math.floor(r() * 200)), completedOn: null, stage: 'construction' } };
    case 'complete':
      return { ...rows, project: { ...project, startedOn: project.startedOn ?? `${year}-01-10`, completedOn: addDays(today, -Math.floor(r() * 60)), stage: 'completed' } };
    case 'correct': {
      const accepted = rows.monthly.filter((f) => f.status === 'accepted');
      if (!accepted.length) return report('accepted', 10_000);
      const fix = pick(r, accepted);
      return { ...rows, monthly: rows.monthly.map((f) => (f === fix ? { ...f, investment: f.investment + Math.floor(r() * 200 - 100) * 10_000 } : f)) };
    }
    case 'opening':
      return { ...rows, openings: [{ projectId: project.id, throughMonth: month, completed: Math.floor(r() * 3_000) * 10_000, sinceStart: null }] };
    case 'problem': {
      const id = 1_000_000 + Math.floor(r() * 1_000_000);
      const raisedOn = addDays(today, -Math.floor(r() * 90));
      const problem: LedgerProblem = {
        id, projectId: project.id, state: pick(r, ['pending', 'coordinating', 'resolved', 'closed'] as const), dueOn: addDays(raisedOn, 20),
        closedOn: null, meetings: 0, agenda: [], raisedOn, history: [{ on: raisedOn, state: 'pending', dueOn: addDays(raisedOn, 20) }],
      };
      return { ...rows, problems: [...rows.problems, problem] };
    }
    case 'move': {
      const { domainId, domain, levels, leaderId, leader, chargeLeaderId, chargeLeader, annualPlan, totalInvestment, unitId, unit } = other;
      const moved = { ...project, domainId, domain, levels, leaderId, leader, chargeLeaderId, chargeLeader, annualPlan, totalInvestment };
      return { ...rows, project: r() < 0.5 ? moved : { ...moved, unitId, unit } };
    }
  }
}

/**
 * The ledger after a change of project `id`, as the store's reload builds it: the other projects and
 * their rows the same objects, the changed project and its rows read afresh (appended).
 */
function applyChange(input: LedgerInput, id: number, r: Random): LedgerInput {
  const mine = <T extends { projectId: number }>(rows: readonly T[] | undefined) => (rows ?? []).filter((x) => x.projectId === id);
  const others = <T extends { projectId: number }>(rows: readonly T[] | undefined) => (rows ?? []).filter((x) => x.projectId !== id);
  const rows = { project: input.projects.find((p) => p.id === id)!, monthly: mine(input.monthly), openings: mine(input.openings), problems: mine(input.problems) };
  const now = change(r, rows, input.today, pick(r, input.projects));
  return {
    ...input,
    projects: input.projects.map((p) => (p.id === id ? { ...now.project } : p)),
    plans: [...others(input.plans), ...mine(input.plans).map((p) => ({ ...p }))],
    monthly: [...others(input.monthly), ...now.monthly.map((f) => ({ ...f }))],
    openings: [...others(input.openings), ...now.openings.map((o) => ({ ...o }))],
    problems: [...others(input.problems), ...now.problems.map((p) => ({ ...p }))],
  };
}

/** The summary with its maps as entry lists, so that their order is compared too. */
const exactly = (s: Summary) => ({ ...s, completedByProject: [...s.completedByProject], scheduleByProject: [...s.scheduleByProject] });

const LEDGERS: [string, () => LedgerInput][] = [
  ['the 弋阳 demo', () => demoInput(demoLedger('yiyang'))],
  ['a 400-project province', () => demoInput(provinceLedger({ projects: 400 }))],
];

describe('recomputing one project against the memo gives the full computation exactly', { timeout: 120_000 }, () => {
  for (const [name, build] of LEDGERS) {
    for (const [kind, asOfOf] of [['live', (i: LedgerInput) => liveAsOf(i.today)], ['a month end', (i: LedgerInput) => monthEndAsOf(addMonths(monthOf(i.today), -1))]] as const) {
      it(`${name}, ${kind}: a series of random single-project changes`, () => {
        const r = rng(name.length * 7 + kind.length);
        let input = build();
        const asOf: AsOf = asOfOf(input);
        let memo: CampaignMemo = recomputeCampaignAsOf(input, asOf, null).memo;
        for (let step = 0; step < 60; step++) {
          // Now and then a change of a few projects at once.
          const ids = new Set(Array.from({ length: r() < 0.2 ? 3 : 1 }, () => pick(r, input.projects).id));
          for (const id of ids) input = applyChange(input, id, r);
          const next = recomputeCampaignAsOf(input, asOf, { memo, changed: ids });
          expect(exactly(next.summary), `step ${step}, projects ${[...ids]}`).toStrictEqual(exactly(campaignAsOf(input, asOf)));
          // Only the changed projects' facts are new.
          for (const [pid, facts] of next.memo.summary.facts) expect(facts === memo.summary.facts.get(pid)).toBe(!ids.has(pid));
          memo = next.memo;
        }
      });
    }
  }

  it('recomputes every project when the day or the settings change', () => {
    const input = demoInput(provinceLedger({ projects: 400 }));
    const { memo } = recomputeCampaignAsOf(input, liveAsOf(input.today), null);
    const reused = (next: CampaignMemo) => [...next.summary.facts].filter(([id, f]) => memo.summary.facts.get(id) === f).length;
    const changed = new Set<number>();

    const tomorrow = { ...input, today: addDays(input.today, 1) };
    const nextDay = recomputeCampaignAsOf(tomorrow, liveAsOf(tomorrow.today), { memo, changed });
    expect(exactly(nextDay.summary)).toStrictEqual(exactly(campaignAsOf(tomorrow, liveAsOf(tomorrow.today))));
    expect(reused(nextDay.memo)).toBe(0);

    const settings = { ...input.campaign.settings, lagYellowPoints: input.campaign.settings.lagYellowPoints + 3, reportDeadlineDay: 25 };
    const stricter = { ...input, campaign: { ...input.campaign, settings } };
    const next = recomputeCampaignAsOf(stricter, liveAsOf(input.today), { memo, changed });
    expect(exactly(next.summary)).toStrictEqual(exactly(campaignAsOf(stricter, liveAsOf(input.today))));
    expect(reused(next.memo)).toBe(0);
    expect(next.summary.hits).not.toEqual(campaignAsOf(input, liveAsOf(input.today)).hits);

    // Nothing changed: every project's facts are the memo's, and so are the figures.
    const same = recomputeCampaignAsOf(input, liveAsOf(input.today), { memo, changed });
    expect(reused(same.memo)).toBe(input.projects.length);
    expect(exactly(same.summary)).toStrictEqual(exactly(campaignAsOf(input, liveAsOf(input.today))));
  });
});
