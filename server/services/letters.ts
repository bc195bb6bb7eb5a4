// 预警提示函 and 督办函: numbered, recorded against the alerts they cover, downloadable as issued.
import { letterInput, type LetterView } from '../../shared/api.js';
import { addDays, addMonths, reportingMonth, yearOf } from '../../shared/dates.js';
import { ratio } from '../../shared/money.js';
import { issuingOffice, type Alert, type Campaign, type LagRule, type User } from '../../shared/types.js';
import type { Summary } from '../domain/aggregates.js';
import { summaryDelta } from '../domain/snapshot.js';
import { buildLetterDocx } from '../exports/letter.js';
import type { LetterDoc } from '../../shared/letters.js';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import { attachLetter, listOpenAlerts } from '../store/alerts.js';
import { audit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import { expiredWarnings, getLetter, insertLetter, letterContent, listLetters, nextLetterSeq } from '../store/letters.js';
import { listProjects } from '../store/projects.js';
import { getUnit } from '../store/reference.js';
import { assertRole } from './access.js';
import { announce, finishChange } from './change.js';
import type { Deps } from './deps.js';
import { enqueueLetter } from './notifyEnqueue.js';
import { monthEndAsOf } from '../domain/asOf.js';
import type { Queryable } from '../store/db.js';
import { figuresAsOf, requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';
import { assertWritable } from './yearClosure.js';

export async function issueLetter(deps: Deps, user: User, body: unknown): Promise<LetterView> {
  assertRole(user, 'admin');
  const input = parseInput(letterInput, body);
  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const version = await bumpVersion(q, campaign.id);
    const unit = await getUnit(q, input.unitId);
    if (!unit) throw Invalid({ unitId: '责任单位不存在' });
    const open = (await listOpenAlerts(q, campaign.id)).filter((a) => a.unitId === unit.id);
    const chosen = input.alertIds ? open.filter((a) => input.alertIds!.includes(a.id)) : open;
    if (input.alertIds && chosen.length !== input.alertIds.length) throw Invalid({ alertIds: '所选预警须为该单位未销号的预警' });
    if (!chosen.length) throw Invalid({ unitId: '该单位没有未销号的预警，无需发函' });

    const now = deps.clock();
    const today = todayFor(campaign, now);
    const { alerts, previous } = input.kind === 'supervision'
      ? await supervisedAlerts(q, campaign.id, unit.id, chosen, input.alertIds !== undefined, today)
      : { alerts: chosen, previous: [] };
    // One month for the table and the reasons: the month end the lag rules hold projects to today.
    const month = letterMonth(campaign, today);
    const { summary } = await figuresAsOf(q, campaign, monthEndAsOf(month));
    const projects = (await listProjects(q, campaign.id, unit.id)).filter((p) => alerts.some((a) => a.projectId === p.id));
    const seq = await nextLetterSeq(q, campaign.id, input.kind);
    const doc = letterDoc(campaign, input.kind, seq, unit.name, today, summary, projects, alerts, previous);
    const letter = await insertLetter(q, {
      campaignId: campaign.id, kind: input.kind, seq, unitId: unit.id, alertIds: alerts.map((a) => a.id),
      projectIds: projects.map((p) => p.id), doc, issuedBy: user.id, issuedByName: user.displayName,
    });
    await attachLetter(q, letter.alertIds, letter.id);
    await audit(q, { userId: user.id, name: user.displayName }, 'letter.issue', 'letter', letter.id, null, letter);
    await enqueueLetter(q, letter, now);
    const written = (await listOpenAlerts(q, campaign.id)).filter((a) => letter.alertIds.includes(a.id));
    const change = await finishChange(deps, q, campaign, version, now, async (s) => [
      { name: 'summary:update', payload: { version, summary: summaryDelta(s) } },
      ...written.map((alert) => ({ name: 'alert:updated' as const, payload: { version, alert } })),
    ]);
    return { letter, change };
  });
  await announce(deps, result.change);
  return result.letter;
}

/**
 * A 督办函 covers exactly the still-open alerts of the 预警提示函 it cites: those whose rectification
 * deadline has passed and that cover a chosen alert (every such letter of the unit when none was chosen).
 */
async function supervisedAlerts(q: Queryable, campaignId: number, unitId: number, chosen: Alert[], picked: boolean, today: string) {
  const warnings = await expiredWarnings(q, campaignId, unitId, today);
  const chosenIds = new Set(chosen.map((a) => a.id));
  const cited = warnings.filter((w) => w.alertIds.some((id) => chosenIds.has(id)));
  const covered = new Set(cited.flatMap((w) => w.alertIds));
  if (!cited.length) throw Invalid({ kind: '督办函须在预警提示函整改期限届满后仍未整改时发出：所选预警尚无到期的预警提示函' });
  if (picked && chosen.some((a) => !covered.has(a.id))) {
    throw Invalid({ alertIds: '督办函只能列入已发预警提示函且整改期限届满仍未整改的预警' });
  }
  return { alerts: chosen.filter((a) => covered.has(a.id)), previous: cited.map((w) => w.docNumber) };
}

/** The month a letter's figures stand at: the last one whose report deadline has passed (as the lag rules hold it), within the year. */
export function letterMonth(campaign: Campaign, today: string): string {
  const current = reportingMonth(today);
  const month = Number(today.slice(8, 10)) > campaign.settings.reportDeadlineDay ? current : addMonths(current, -1);
  if (yearOf(month) > campaign.year) return `${campaign.year}-12`;
  if (yearOf(month) < campaign.year) return `${campaign.year}-01`;
  return month;
}

function letterDoc(
  campaign: Campaign,
  kind: LetterDoc['kind'],
  seq: number,
  unit: string,
  today: string,
  summary: Summary,
  projects: { id: number; code: string; name: string; leader: string | null; annualPlan: number }[],
  alerts: Alert[],
  previousLetters: string[],
): LetterDoc {
  const s = campaign.settings;
  const deadline = addDays(today, s.letterDeadlineDays);
  const hitText = new Map(summary.hits.map((h) => [`${h.projectId}:${h.rule}`, h.text]));
  return {
    kind,
    county: campaign.county,
    issuingOffice: issuingOffice(campaign),
    docNumber: `${s.letterPrefixes[kind]}〔${campaign.year}〕${seq}号`,
    title: kind === 'warning' ? `关于${unit}重点项目进度滞后的预警提示函` : `关于督促${unit}加快推进重点项目建设的督办函`,
    addressee: unit,
    issuedOn: today,
    deadline,
    month: summary.reportingMonth,
    projects: projects.map((p) => {
      const completed = summary.completedByProject.get(p.id) ?? 0;
      return {
        code: p.code, name: p.name, leader: p.leader, annualPlan: p.annualPlan, completed,
        completionRate: ratio(completed, p.annualPlan),
        scheduleShare: ratio(summary.scheduleByProject.get(p.id) ?? 0, p.annualPlan),
        // The reasons as of the same month end as the table; a rule that did not fire then keeps its alert's text.
        reasons: alerts.filter((a) => a.projectId === p.id).map((a) => hitText.get(`${a.projectId}:${a.rule}`) ?? a.text),
      };
    }),
    issues: [...new Set(alerts.map((a) => LETTER_ISSUES[a.rule]))],
    previousLetters,
    explained: alerts.some((a) => a.acknowledgement !== null),
  };
}

/** What an alert's rule means in a letter's sentence. */
const LETTER_ISSUES: Record<LagRule, string> = {
  investment_behind: '投资进度滞后于序时进度',
  start_overdue: '未按计划开工',
  completion_overdue: '未按计划竣工',
  report_missing: '未按时报送月报',
  problem_overdue: '协调问题逾期未解决',
  problem_stalled: '问题经两次会议调度仍未解决',
};

export async function lettersFor(deps: Deps, user: User): Promise<LetterView[]> {
  const campaign = await requireCampaign(deps.db);
  return listLetters(deps.db, campaign.id, user.role === 'unit' ? user.unitId ?? -1 : undefined);
}

/** The letter as issued, regenerated from the content recorded at issue. */
export async function letterFile(deps: Deps, user: User, id: number): Promise<{ name: string; body: Buffer }> {
  const letter = await getLetter(deps.db, id);
  if (!letter) throw NotFound('函件不存在');
  if (user.role === 'unit' && user.unitId !== letter.unitId) throw Forbidden('只能下载发给本单位的函件');
  const doc = (await letterContent(deps.db, id))!;
  return { name: `${doc.docNumber}${doc.title}.docx`, body: await buildLetterDocx(doc) };
}

