// Turns a profile's project rows into a full LedgerSeed: dates, amounts, people, places, history.
import type { Yuan } from '../../shared/money.js';
import { DEFAULT_SETTINGS, type Level } from '../../shared/types.js';
import type { LedgerSeed } from '../domain/ledger.js';
import { monthlyAmounts, totalInvestments } from './build.js';
import { playHistory, type Draft } from './history.js';
import { commissioner, linkLeaders, type LeaderSpec } from './people.js';
import { guessKind, type WorksKind } from './progress.js';
import { createRng, type Rng } from './random.js';
import { fixedTimeline, makeTimeline, type Timeline, type TimelineKind } from './timeline.js';

export interface RowSpec {
  name: string;
  domain: string;
  unit: string;
  leadUnit?: string | null;
  township: string;
  timeline: TimelineKind;
  annualPlan: Yuan;
  levels: string[];
  content: string;
  /** Pins the 一对一挂点 leader. */
  leader?: string;
  kind?: WorksKind;
  /** Planned start and completion from the plan text. */
  dates?: [string, string];
}

export interface Box {
  lon: [number, number];
  lat: [number, number];
}

export interface ProfileSpec {
  campaign: { county: string; year: number; firstYear?: number; lastYear?: number; title: string };
  codePrefix: string;
  domains: { code: string; name: string; target: Yuan }[];
  levels: Level[];
  leaders: LeaderSpec[];
  /** 分管包干 leader per domain code. */
  chargeLeaders: Record<string, string>;
  linking: { headCap: number; perLeaderCap: number; limit: number };
  /** Units whose cadres also serve as 服务专员 (approval side). */
  serviceUnits: string[];
  /** Township → [lon, lat] of its centre. */
  townships: Record<string, [number, number]>;
  box: Box;
  season: readonly number[];
  rows: RowSpec[];
  /** Exact total investment of all projects, where the plan states it. */
  grandTotal?: Yuan;
  laggingCount: number;
  monthlyPlanShare: number;
  reportedShare: number;
}

export function assembleLedger(spec: ProfileSpec, opts: { seed: number; today: string }): LedgerSeed {
  const { rows, campaign } = spec;
  const rng = createRng(opts.seed);
  const year = campaign.year;
  const timelines = rows.map((r, i) =>
    r.dates ? fixedTimeline(r.dates[0], r.dates[1], year, rng.fork(`t${i}`)) : makeTimeline(r.timeline, year, rng.fork(`t${i}`)),
  );
  const totals = totalInvestments(rows, rng.fork('totals'), spec.grandTotal);
  const withoutPlan = planless(rows.length, spec.monthlyPlanShare, timelines, year, rng.fork('plans'));
  const laggers = new Set(
    rng
      .fork('lag')
      .shuffle(rows.flatMap((r, i) => (['cont', 'slip', 'new'].includes(r.timeline) ? [i] : [])))
      .slice(0, spec.laggingCount),
  );
  const fixed = new Map(rows.flatMap((r, i) => (r.leader ? [[i, r.leader] as [number, string]] : [])));
  const leaders = linkLeaders(
    rows.map((r) => r.annualPlan),
    spec.leaders,
    { ...spec.linking, fixed },
  );
  const width = Math.max(3, String(rows.length).length);

  const drafts: Draft[] = rows.map((row, i) => {
    const r = rng.fork(`p${i}`);
    const fate = timelines[i];
    const expected = monthlyAmounts(row.annualPlan, year, fate, spec.season, r);
    const [lon, lat] = place(row.township, spec.townships, spec.box, r);
    return {
      project: {
        code: `${spec.codePrefix}-${String(i + 1).padStart(width, '0')}`,
        name: row.name,
        domainCode: row.domain,
        levels: row.levels,
        unit: row.unit,
        leadUnit: row.leadUnit ?? null,
        leader: leaders[i],
        chargeLeader: spec.chargeLeaders[row.domain] ?? null,
        commissioner: commissioner(row.unit, r, spec.serviceUnits),
        totalInvestment: totals[i],
        annualPlan: row.annualPlan,
        monthlyPlan: withoutPlan.has(i) ? null : expected,
        plannedStart: fate.plannedStart,
        plannedCompletion: fate.plannedCompletion,
        startedOn: null,
        completedOn: null,
        stage: 'preparing',
        township: row.township,
        lat,
        lon,
        content: row.content,
      },
      kind: row.kind ?? guessKind(row.name),
      fate,
      pace: laggers.has(i) ? r.float(0.3, 0.7) : r.float(0.85, 1.15),
      expected,
    };
  });

  const { projects, reports } = playHistory(drafts, { year, today: opts.today, reportedShare: spec.reportedShare, rng: rng.fork('history') });
  return {
    campaign: { ...campaign, frozenToday: opts.today, settings: { ...DEFAULT_SETTINGS } },
    domains: spec.domains,
    levels: spec.levels,
    units: [...new Set(rows.map((r) => r.unit))],
    leaders: spec.leaders.map(({ name, title, rank }) => ({ name, title, rank })),
    projects,
    reports,
  };
}

/**
 * The projects left without a monthly plan. They are measured against a straight-line 序时进度, which
 * only makes sense for works running all year, so they are taken from those first.
 */
function planless(n: number, planShare: number, timelines: Timeline[], year: number, rng: Rng): Set<number> {
  const yearLong = (i: number) => timelines[i].plannedStart < `${year}-01-01`;
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const ranked = [...order.filter(yearLong), ...order.filter((i) => !yearLong(i))];
  return new Set(ranked.slice(0, n - Math.round(n * planShare)));
}

/** A point near the township centre, kept inside the county box. */
function place(township: string, centres: Record<string, [number, number]>, box: Box, rng: Rng): [number, number] {
  const centre = centres[township];
  if (!centre) throw new Error(`township ${township} has no centre`);
  const lon = clamp(centre[0] + rng.float(-0.025, 0.025), box.lon);
  const lat = clamp(centre[1] + rng.float(-0.02, 0.02), box.lat);
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

function clamp(v: number, [lo, hi]: [number, number]): number {
  return Math.min(hi - 0.005, Math.max(lo + 0.005, v));
}
