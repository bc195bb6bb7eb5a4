// A tiny builder for hand-made ledgers: defaults for everything, override only what a test is about.
import type { LedgerInput, MonthlyFigure, MonthlyPlan } from '../../../server/domain/ledger.js';
import { FRESH_ALERT } from '../../fixtures/alert.js';
import type { Yuan } from '../../../shared/money.js';
import { DEFAULT_SETTINGS, type Alert, type Campaign, type CampaignSettings, type Domain, type Level, type Project, type ReportStatus } from '../../../shared/types.js';

export const YEAR = 2020;
/** 万元 → yuan, for readable amounts. */
export const wan = (n: number): Yuan => n * 10_000;

export const DOMAINS: Domain[] = [
  { id: 1, code: 'industry', name: '工业', target: wan(500_000), sortOrder: 1 },
  { id: 2, code: 'agriculture', name: '农业', target: 0, sortOrder: 2 },
];

export const LEVELS: Level[] = [
  { code: 'province', name: '省重点', plannedCount: 2, plannedAnnual: wan(3_000) },
  { code: 'city', name: '市重点', plannedCount: null, plannedAnnual: null },
  { code: 'county', name: '县重点', plannedCount: null, plannedAnnual: null },
];

/** Thresholds the rule tests are written against, fixed here so the product's defaults may change. */
export const TEST_SETTINGS: CampaignSettings = { ...DEFAULT_SETTINGS, lagYellowPoints: 5, lagOrangePoints: 15, lagRedPoints: 30 };

export function campaign(settings: Partial<CampaignSettings> = {}): Campaign {
  return { id: 1, county: '弋阳县', year: YEAR, firstYear: YEAR, lastYear: YEAR, title: '项目建设提速年', frozenToday: null, settings: { ...TEST_SETTINGS, ...settings } };
}

/** A project under construction since last year, 1200万 annual plan, no dates due this year. */
export function project(id: number, overrides: Partial<Project> = {}): Project {
  return {
    id,
    rowVersion: 1,
    code: `P${String(id).padStart(3, '0')}`,
    name: `项目${id}`,
    domainId: 1,
    domain: '工业',
    levels: [],
    unitId: 1,
    unit: '县工信局',
    leadUnit: null,
    leaderId: 1,
    leader: '张三',
    chargeLeaderId: null,
    chargeLeader: null,
    commissioner: null,
    totalInvestment: wan(10_000),
    annualPlan: wan(1_200),
    plannedStart: null,
    plannedCompletion: null,
    startedOn: '2019-05-01',
    completedOn: null,
    stage: 'construction',
    township: null,
    lat: null,
    lon: null,
    content: '',
    completedToDate: 0,
    ...overrides,
  };
}

export const plan = (projectId: number, month: string, amount: Yuan): MonthlyPlan => ({ projectId, month, amount });

export const figure = (projectId: number, month: string, investment: Yuan, status: ReportStatus = 'accepted'): MonthlyFigure => ({
  projectId,
  month,
  investment,
  status,
  submittedAt: `${month}-28T02:00:00.000Z`,
});

/** Twelve monthly plans for a project, one per month of YEAR. */
export function monthlyPlans(projectId: number, amounts: Yuan[]): MonthlyPlan[] {
  return amounts.map((amount, i) => plan(projectId, `${YEAR}-${String(i + 1).padStart(2, '0')}`, amount));
}

/** Defaults to 2020-07-03: reporting on June, before the report deadline day. */
export function ledger(parts: Partial<Omit<LedgerInput, 'campaign'>> & { settings?: Partial<CampaignSettings> } = {}): LedgerInput {
  const { settings, ...rest } = parts;
  return {
    campaign: campaign(settings),
    today: '2020-07-03',
    domains: DOMAINS,
    levels: LEVELS,
    leaders: [],
    problems: [],
    projects: [],
    plans: [],
    monthly: [],
    ...rest,
  };
}

export function alert(id: number, overrides: Partial<Alert> = {}): Alert {
  return {
    ...FRESH_ALERT,
    id,
    projectId: id,
    project: `项目${id}`,
    unit: '县工信局',
    rule: 'investment_behind',
    severity: 'yellow',
    text: '',
    state: 'raised',
    raisedAt: '2020-07-01T00:00:00.000Z',
    clearedAt: null,
    ...overrides,
  };
}
