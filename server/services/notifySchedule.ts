// Reminders and digests by the calendar: units with missing reports two days and one day before
// the deadline, every unit the day before a problem cut-off, each leader's morning digest. Run each
// minute by every process; the outbox's keys make each notice once, whichever process writes it.
import { chinaMinuteOfDay } from '../domain/notify.js';
import { leaderDigestNotice, problemDeadlineNotice, reportDeadlineNotice, reportDeadlineSummary } from '../domain/notifyMessages.js';
import { remindersDue } from '../domain/notifySchedule.js';
import { yearOf } from '../../shared/dates.js';
import { getActiveCampaign, listCampaigns } from '../store/campaigns.js';
import { campaignUnitIds, leaderActivity, routableChannels, unreportedProjects } from '../store/notify.js';
import { listProblemDetails } from '../store/problems.js';
import { listLeaders } from '../store/reference.js';
import type { Deps } from './deps.js';
import { enqueue } from './notifyEnqueue.js';
import { todayFor } from './snapshot.js';

/**
 * Enqueues what is due at `now`; returns how many notices were written. `done` remembers, within
 * this process, which day's checks ran for which set of channels, so a check runs once a day
 * (again when channels change) instead of every minute.
 */
export async function runSchedule(deps: Deps, now = deps.clock(), done = new Set<string>()): Promise<number> {
  const campaign = await getActiveCampaign(deps.db);
  if (!campaign) return 0;
  const today = todayFor(campaign, now);
  const years = (await listCampaigns(deps.db)).filter((c) => c.county === campaign.county);
  const due = remindersDue(today, chinaMinuteOfDay(now), years.map((c) => c.year), campaign.settings);
  const channels = (await routableChannels(deps.db)).map((c) => `${c.id}:${c.events.join(',')}`).join('|');
  const once = (what: string) => {
    const key = `${what}:${campaign.id}:${today}:${channels}`;
    if (done.has(key)) return false;
    if (done.size > 1000) done.clear();
    done.add(key);
    return true;
  };
  let written = 0;
  if (due.report && once(`report${due.report.daysLeft}`)) {
    const { month, deadline, daysLeft } = due.report;
    written += await deps.db.tx((q) => enqueue(q, ['deadline.report'], now, async () => {
      // Across the turn of the year the month owed (December) is in last year's ledger.
      const owner = years.find((c) => c.year === yearOf(month)) ?? campaign;
      const missing = await unreportedProjects(q, owner.id, month);
      const byUnit = new Map<number, { unit: string; projects: string[] }>();
      for (const m of missing) byUnit.set(m.unitId, { unit: m.unit, projects: [...(byUnit.get(m.unitId)?.projects ?? []), m.name] });
      if (!byUnit.size) return [];
      return [
        ...[...byUnit].map(([unitId, u]) => reportDeadlineNotice({ unitId, month, deadline, daysLeft, projects: u.projects })),
        reportDeadlineSummary({ month, deadline, daysLeft, units: [...byUnit.values()].map((u) => ({ unit: u.unit, projects: u.projects.length })) }),
      ];
    }));
  }
  if (due.problem && once('problem')) {
    const { deadline, daysLeft } = due.problem;
    written += await deps.db.tx((q) => enqueue(q, ['deadline.problem'], now, async () => [
      problemDeadlineNotice({ deadline, daysLeft, unitIds: await campaignUnitIds(q, campaign.id) }),
    ]));
  }
  if (due.digest && once('digest')) {
    written += await deps.db.tx(async (q) => {
      const leaderIds = new Set((await routableChannels(q)).filter((c) => c.audience.type === 'leader').map((c) => c.audience.id));
      if (!leaderIds.size) return 0;
      return enqueue(q, ['digest.leader'], now, async () => {
        const leaders = (await listLeaders(q)).filter((l) => leaderIds.has(l.id));
        const problems = await listProblemDetails(q, campaign.id, today, { state: 'open' });
        const since = new Date(now.getTime() - 86_400_000).toISOString();
        return Promise.all(leaders.map(async (l) => {
          const activity = await leaderActivity(q, campaign.id, l.id, since, now.toISOString());
          const mine = problems.filter((p) => activity.projectIds.includes(p.projectId));
          return leaderDigestNotice({
            leaderId: l.id, leader: l.name, date: today, projects: activity.projectIds.length, changes: activity.changes,
            openAlerts: activity.alerts, problems: { open: mine.length, overdue: mine.filter((p) => p.overdue).length },
          });
        }));
      });
    });
  }
  return written;
}
