// What linked leaders (附件3 第八条) and service commissioners (附件4 二(二)) owe, and what is late.
import { addDays, addMonths, monthIndex, monthOf, yearOf } from '../../shared/dates.js';
import { YUAN_PER_YI } from '../../shared/money.js';
import type { ContactKind, ContactStatus, DutyKind, DutyStatus } from '../../shared/problems.js';

interface DutyDone {
  kind: DutyKind;
  period: string;
  doneOn: string;
  note: string | null;
}

const lastDayOf = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);
const pad = (n: number) => String(n).padStart(2, '0');
/** On a quarter's last day the month's briefing is listed before the quarter's visit. */
const KIND_ORDER: Record<DutyKind, number> = { monthly_briefing: 0, quarterly_visit: 1 };

/**
 * A leader's duties in the campaign year up to today: a briefing each month (due at its end) and a
 * site visit each quarter (due at the quarter's end), newest first. A period done twice counts from
 * the first time.
 */
export function leaderDuties(year: number, today: string, done: readonly DutyDone[]): DutyStatus[] {
  const months = yearOf(today) < year ? 0 : yearOf(today) > year ? 12 : monthIndex(monthOf(today));
  const owed: { kind: DutyKind; period: string; dueOn: string }[] = [];
  for (let m = 1; m <= months; m++) {
    const month = `${year}-${pad(m)}`;
    owed.push({ kind: 'monthly_briefing', period: month, dueOn: lastDayOf(month) });
  }
  for (let q = 1; q <= Math.ceil(months / 3); q++) {
    owed.push({ kind: 'quarterly_visit', period: `${year}-Q${q}`, dueOn: lastDayOf(`${year}-${pad(q * 3)}`) });
  }
  return owed
    .map((duty) => {
      const first = done
        .filter((d) => d.kind === duty.kind && d.period === duty.period)
        .reduce<DutyDone | null>((a, d) => (a === null || d.doneOn < a.doneOn ? d : a), null);
      return { ...duty, doneOn: first?.doneOn ?? null, note: first?.note ?? null, overdue: !first && duty.dueOn < today };
    })
    .sort((a, b) => b.dueOn.localeCompare(a.dueOn) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** 附件4: projects of 1亿 yuan and more are visited monthly; every project is called weekly. */
const VISIT_THRESHOLD = YUAN_PER_YI;

/**
 * Each project's last call and visit as of today, and whether one is due: a call when none in the
 * seven days ending today, a visit (1亿+ projects only) when none this calendar month. Contacts
 * dated after today are not counted.
 */
export function contactStatus(
  projects: readonly { id: number; name: string; commissioner: string | null; totalInvestment: number }[],
  contacts: readonly { projectId: number; kind: ContactKind; on: string }[],
  today: string,
): ContactStatus[] {
  const weekStart = addDays(today, -7);
  return projects.map((p) => {
    const latest = (kind: ContactKind) =>
      contacts
        .filter((c) => c.projectId === p.id && c.kind === kind && c.on <= today)
        .reduce<string | null>((a, c) => (a === null || c.on > a ? c.on : a), null);
    const lastCall = latest('call');
    const lastVisit = latest('visit');
    return {
      projectId: p.id,
      project: p.name,
      commissioner: p.commissioner,
      lastCall,
      lastVisit,
      callDue: lastCall === null || lastCall <= weekStart,
      visitDue: p.totalInvestment >= VISIT_THRESHOLD && (lastVisit === null || monthOf(lastVisit) !== monthOf(today)),
    };
  });
}
