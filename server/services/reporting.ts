// The month's reporting picture for staff (and for a unit, its own part): who filed, who is late.
import { monthQuery, type MonthReportRow, type ReportingCalendar } from '../../shared/api.js';
import { chinaDate, yearOf } from '../../shared/dates.js';
import { campaignOfYear, getCampaign } from '../store/campaigns.js';
import type { User } from '../../shared/types.js';
import { isLate, reportingCalendar } from '../domain/calendar.js';
import { monthRows, reportsByIds } from '../store/reports.js';
import type { Deps } from './deps.js';
import { parseInput } from './validate.js';
import { requireCampaign, todayFor } from './snapshot.js';

export async function calendarFor(deps: Deps): Promise<ReportingCalendar> {
  const campaign = await requireCampaign(deps.db);
  return reportingCalendar(todayFor(campaign, deps.clock()), campaign.settings);
}

export async function monthOverview(deps: Deps, user: User, query: unknown): Promise<MonthReportRow[]> {
  const { month: asked } = parseInput(monthQuery, query);
  const active = await requireCampaign(deps.db);
  const today = todayFor(active, deps.clock());
  const month = asked ?? reportingCalendar(today, active.settings).reportingMonth;
  // Across the turn of the year the month owed (December) belongs to last year's ledger.
  const other = yearOf(month) === active.year ? null : await campaignOfYear(deps.db, active.county, yearOf(month));
  const campaign = (other !== null && (await getCampaign(deps.db, other))) || active;
  const rows = await monthRows(deps.db, campaign.id, month, user.role === 'unit' ? user.unitId ?? -1 : null);
  const ids = rows.flatMap((r) => [r.latestId, r.acceptedId]).filter((id): id is number => id !== null);
  const reports = await reportsByIds(deps.db, ids);
  // In a frozen year (demo, archive) anything filed since counts as filed on its "today".
  const filedOn = (at: string | null) => (at ? [chinaDate(new Date(at)), today].sort()[0] : null);
  return rows.map((r) => {
    const latest = r.latestId ? reports.get(r.latestId)! : null;
    return {
      projectId: r.projectId, code: r.code, name: r.name, unitId: r.unitId, unit: r.unit,
      latest,
      accepted: r.acceptedId ? reports.get(r.acceptedId)! : null,
      status: latest?.status ?? 'missing',
      late: isLate(month, filedOn(r.firstFiledAt), today, campaign.settings),
    };
  });
}
