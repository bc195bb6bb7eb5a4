// The demo's 问题台账: problems units raised on their projects in the weeks before "today", in every
// state, and the coordination meetings that took them up — each county's from its own plan
// (yiyangProblems.ts, shangyouProblems.ts), every date counted back from "today".
import { addDays } from '../../shared/dates.js';
import type { MeetingKind } from '../../shared/problems.js';
import type { SeedMeeting, SeedProblem, SeedProject } from '../domain/ledger.js';
import type { Rng } from './random.js';

/** One problem of the ledger: what it is, and when it was raised and closed (days before today). */
export interface ProblemPlan {
  category: string;
  /** Texts may name `{township}`: the project's 乡镇 (属地). */
  description: string;
  askedOf: string;
  coordinatingUnit: string;
  resolution: string;
  /** What a meeting decides on it, unless the meeting says otherwise. */
  decision: string;
  ago: number;
  state: SeedProblem['state'];
  level: SeedProblem['level'];
  /** Due date, days from today (negative: past). */
  due: number | null;
  /** Days before today it was resolved (resolved) or 销号 (closed). */
  closedAgo?: number;
  /** On works under way (the default), or holding up a start (前期: 用地报批, 环评 …). */
  stage?: 'building' | 'preparing';
  /** Only on projects of these domain codes. */
  domains?: readonly string[];
}

export interface MeetingPlan {
  kind: MeetingKind;
  ago: number;
  title: string | ((heldOn: string) => string);
  location: string;
  chair: string;
  attendees: readonly string[];
  /** Problems by index into the plan's problems; deadline in days from today. */
  items: readonly { problem: number; deadline: number; decision?: string }[];
}

export interface ProblemLedgerSpec {
  /** Works under way carry problems only if started at least this many days before today. */
  startedBefore: number;
  problems: readonly ProblemPlan[];
  meetings: readonly MeetingPlan[];
}

const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:30:00.000Z`;

/**
 * Each problem goes to its own project, the first free one of a seeded shuffle that fits it. Where the
 * ledger runs out of fitting projects (an early "today"), the problems before stay and no meetings are held.
 */
export function demoProblemLedger(
  projects: readonly SeedProject[],
  today: string,
  rng: Rng,
  spec: ProblemLedgerSpec,
): { problems: SeedProblem[]; meetings: SeedMeeting[] } {
  const pools = {
    building: rng.shuffle(projects.filter((p) => p.startedOn && !p.completedOn && p.startedOn < addDays(today, -spec.startedBefore))),
    preparing: spec.problems.some((p) => p.stage === 'preparing')
      ? rng.fork('preparing').shuffle(projects.filter((p) => !p.completedOn && p.plannedStart && p.plannedStart <= addDays(today, 90)))
      : [],
  };
  const used = new Set<string>();
  const problems: SeedProblem[] = [];
  const fills: ((text: string) => string)[] = [];
  for (const [i, plan] of spec.problems.entries()) {
    const raisedOn = addDays(today, -plan.ago);
    const closedOn = plan.closedAgo === undefined ? null : addDays(today, -plan.closedAgo);
    const stage = plan.stage ?? 'building';
    const project = pools[stage].find((p) =>
      !used.has(p.code) && (!plan.domains || plan.domains.includes(p.domainCode)) &&
      (stage === 'building' ? p.startedOn! <= raisedOn : !p.startedOn || (closedOn !== null && p.startedOn >= closedOn)));
    if (!project) break;
    used.add(project.code);
    const fill = (text: string) => text.replaceAll('{township}', project.township ?? '属地乡镇');
    const open = plan.state === 'pending' || plan.state === 'coordinating';
    fills.push(fill);
    problems.push({
      projectCode: project.code,
      category: plan.category,
      description: fill(plan.description),
      askedOf: fill(plan.askedOf),
      coordinatingUnit: plan.state === 'pending' ? null : fill(plan.coordinatingUnit),
      dueOn: plan.due === null ? null : addDays(today, plan.due),
      state: plan.state,
      level: plan.level,
      resolution: open ? null : fill(plan.resolution),
      createdAt: at(raisedOn, 2 + (i % 6)),
      closedAt: closedOn === null || plan.state !== 'closed' ? null : at(closedOn, 8),
    });
  }
  if (problems.length < spec.problems.length) return { problems, meetings: [] };

  const meetings = spec.meetings.map((m): SeedMeeting => {
    const heldOn = addDays(today, -m.ago);
    return {
      kind: m.kind,
      title: typeof m.title === 'string' ? m.title : m.title(heldOn),
      heldOn,
      location: m.location,
      chair: m.chair,
      attendees: [...m.attendees],
      items: m.items.map(({ problem, deadline, decision }) => ({
        problem,
        decision: fills[problem](decision ?? spec.problems[problem].decision),
        owner: problems[problem].coordinatingUnit ?? '',
        deadline: addDays(today, deadline),
      })),
    };
  });
  return { problems, meetings };
}
