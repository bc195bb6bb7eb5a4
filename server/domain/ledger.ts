// The inputs the pure domain functions work on: a campaign's ledger as loaded from the store.
import type { CountyGeoJson } from '../../shared/map.js';
import type { Yuan } from '../../shared/money.js';
import type { MeetingKind } from '../../shared/problems.js';
import type { Campaign, CampaignSettings, DispatchLevel, Domain, LagRule, Leader, LeaderRank, Level, ProblemState, Project, ReportStatus, Severity, Stage } from '../../shared/types.js';

export interface MonthlyPlan {
  projectId: number;
  month: string;
  amount: Yuan;
}

/** The latest revision of one project's report for one month. */
export interface MonthlyFigure {
  projectId: number;
  month: string;
  investment: Yuan;
  status: ReportStatus;
  /** ISO timestamp of the revision's submission. */
  submittedAt: string;
  /** When the month was first filed (the first revision that was not a draft); for timeliness. */
  firstFiledAt?: string;
}

/** A problem raised on a project, as the rules and the ranking see it. */
export interface LedgerProblem {
  id: number;
  projectId: number;
  state: ProblemState;
  dueOn: string | null;
  /** YYYY-MM-DD of resolution or 销号, null while open. */
  closedOn: string | null;
  /** How many dispatch meetings have had it on their agenda while it stayed open. */
  meetings: number;
}

export interface LedgerInput {
  campaign: Campaign;
  /** The date the figures are computed for (YYYY-MM-DD), already resolved from the clock or frozenToday. */
  today: string;
  domains: Domain[];
  levels: Level[];
  leaders: Leader[];
  /** completedToDate on these is ignored: the domain computes it from `monthly`. */
  projects: Project[];
  plans: MonthlyPlan[];
  monthly: MonthlyFigure[];
  problems: LedgerProblem[];
}

/** One rule firing for one project. Alerts are kept per (projectId, rule). */
export interface LagHit {
  projectId: number;
  rule: LagRule;
  severity: Severity;
  text: string;
}

/** A whole ledger as the demo generator (and later the Excel import) produces it, before ids exist. */
export interface LedgerSeed {
  /** firstYear/lastYear default to `year` (a one-year campaign). */
  campaign: { county: string; year: number; firstYear?: number; lastYear?: number; title: string; frozenToday: string | null; settings: CampaignSettings };
  domains: { code: string; name: string; target: Yuan }[];
  levels: Level[];
  units: string[];
  leaders: { name: string; title: string; rank: LeaderRank }[];
  projects: SeedProject[];
  /** Accepted report history (one revision each). */
  reports: SeedReport[];
  /** The problem ledger as it stands (demo). */
  problems?: SeedProblem[];
  /** Coordination meetings already held, their agenda items pointing into `problems`. */
  meetings?: SeedMeeting[];
  /** The county map (县域地图) as if staff had uploaded it (the demo counties' real outlines). */
  countyMap?: CountyGeoJson | null;
}

export interface SeedProblem {
  projectCode: string;
  category: string;
  description: string;
  askedOf: string;
  coordinatingUnit: string | null;
  dueOn: string | null;
  state: ProblemState;
  level: DispatchLevel;
  resolution: string | null;
  /** ISO timestamps. */
  createdAt: string;
  closedAt: string | null;
}

export interface SeedMeeting {
  kind: MeetingKind;
  title: string;
  heldOn: string;
  location: string;
  chair: string;
  attendees: string[];
  items: { problem: number; decision: string; owner: string; deadline: string }[];
}

export interface SeedProject {
  code: string;
  name: string;
  domainCode: string;
  levels: string[];
  unit: string;
  leadUnit: string | null;
  leader: string | null;
  chargeLeader: string | null;
  commissioner: string | null;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  /** Twelve monthly plan amounts summing to annualPlan, or null where no monthly plan is set. */
  monthlyPlan: Yuan[] | null;
  plannedStart: string | null;
  plannedCompletion: string | null;
  startedOn: string | null;
  completedOn: string | null;
  stage: Stage;
  township: string | null;
  lat: number | null;
  lon: number | null;
  content: string;
}

export interface SeedReport {
  projectCode: string;
  month: string;
  investment: Yuan;
  progress: string;
  startedOn: string | null;
  completedOn: string | null;
  /** ISO timestamp. */
  submittedAt: string;
}

/** The stored campaign of a seed: a one-year campaign unless the seed gives its period. */
export function seedCampaign(id: number, c: LedgerSeed['campaign']): Campaign {
  return { id, ...c, firstYear: c.firstYear ?? c.year, lastYear: c.lastYear ?? c.year };
}
