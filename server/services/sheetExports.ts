// The .xlsx downloads of the console: the ledger, a month's reports, the open alerts, the problem
// ledger, and the ledger import template. Staff only.
import { monthQuery } from '../../shared/api.js';
import { issuingOffice, type User } from '../../shared/types.js';
import { reportingCalendar } from '../domain/calendar.js';
import { buildAlertsXlsx } from '../exports/alertsXlsx.js';
import { buildLedgerTemplate, buildLedgerXlsx, type LedgerSheet } from '../exports/ledgerXlsx.js';
import { buildProblemsXlsx } from '../exports/problemsXlsx.js';
import { buildReportsXlsx } from '../exports/reportsXlsx.js';
import { listOpenAlerts } from '../store/alerts.js';
import { listProblemDetails } from '../store/problems.js';
import { listProjects } from '../store/projects.js';
import { listDomains, listLevels, listUnits } from '../store/reference.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';
import { monthOverview } from './reporting.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';

export interface SheetFile {
  name: string;
  body: Buffer;
}

async function ledgerSheet(deps: Deps, withProjects: boolean): Promise<LedgerSheet> {
  const campaign = await requireCampaign(deps.db);
  const [domains, levels, units, projects] = await Promise.all([
    listDomains(deps.db, campaign.id), listLevels(deps.db, campaign.id), listUnits(deps.db),
    withProjects ? listProjects(deps.db, campaign.id) : Promise.resolve([]),
  ]);
  return {
    county: campaign.county, year: campaign.year, title: `${campaign.county}${campaign.year}年`, issuingOffice: issuingOffice(campaign),
    generatedOn: todayFor(campaign, deps.clock()), domains, levels, units: units.map((u) => u.name), projects,
  };
}

export async function ledgerFile(deps: Deps, user: User): Promise<SheetFile> {
  assertRole(user, 'admin');
  const doc = await ledgerSheet(deps, true);
  return { name: `${doc.title}重点项目台账.xlsx`, body: await buildLedgerXlsx(doc) };
}

export async function ledgerTemplateFile(deps: Deps, user: User): Promise<SheetFile> {
  assertRole(user, 'admin');
  const doc = await ledgerSheet(deps, false);
  return { name: `${doc.title}重点项目台账导入模板.xlsx`, body: await buildLedgerTemplate(doc) };
}

export async function reportsFile(deps: Deps, user: User, query: unknown): Promise<SheetFile> {
  assertRole(user, 'admin');
  const asked = parseInput(monthQuery, query).month;
  const campaign = await requireCampaign(deps.db);
  const month = asked ?? reportingCalendar(todayFor(campaign, deps.clock()), campaign.settings).reportingMonth;
  const rows = await monthOverview(deps, user, { month });
  const title = `${campaign.county}${campaign.year}年`;
  return {
    name: `${title}${Number(month.slice(5))}月重点项目月报表.xlsx`,
    body: await buildReportsXlsx({ title: campaign.county, issuingOffice: issuingOffice(campaign), month, rows }),
  };
}

export async function alertsFile(deps: Deps, user: User): Promise<SheetFile> {
  assertRole(user, 'admin');
  const campaign = await requireCampaign(deps.db);
  const generatedOn = todayFor(campaign, deps.clock());
  const alerts = await listOpenAlerts(deps.db, campaign.id);
  const title = `${campaign.county}${campaign.year}年重点项目`;
  return { name: `${title}预警清单.xlsx`, body: await buildAlertsXlsx({ title, issuingOffice: issuingOffice(campaign), generatedOn, alerts }) };
}

export async function problemsFile(deps: Deps, user: User): Promise<SheetFile> {
  assertRole(user, 'admin');
  const campaign = await requireCampaign(deps.db);
  const generatedOn = todayFor(campaign, deps.clock());
  const problems = await listProblemDetails(deps.db, campaign.id, generatedOn, {});
  const title = `${campaign.county}${campaign.year}年重点项目`;
  return { name: `${title}问题台账.xlsx`, body: await buildProblemsXlsx({ title, issuingOffice: issuingOffice(campaign), generatedOn, problems }) };
}
