// What an accepted report does beyond its own row: it may start or complete the project, and it
// moves the figures every wall shows.
import { formatWan } from '../../shared/money.js';
import type { Project, Report } from '../../shared/types.js';
import type { Summary } from '../domain/aggregates.js';
import { stageAfter } from '../domain/reportRules.js';
import { summaryDelta } from '../domain/snapshot.js';
import { type Actor, audit } from '../store/audit.js';
import type { Queryable } from '../store/db.js';
import { setMilestones } from '../store/projects.js';
import type { EventWriter } from './change.js';
import type { Push } from './deps.js';

export interface Milestones {
  started: string | null;
  completed: string | null;
}

/** What a report's dates make of the project: its dates and stage after it, and which are new. */
export interface MilestoneChange {
  project: Project;
  startedOn: string | null;
  completedOn: string | null;
  stage: Project['stage'];
  /** Anything to write. */
  changed: boolean;
  milestones: Milestones;
}

export function milestoneChange(project: Project, report: Pick<Report, 'startedOn' | 'completedOn'>): MilestoneChange {
  const startedOn = report.startedOn ?? project.startedOn;
  const completedOn = report.completedOn ?? project.completedOn;
  const stage = stageAfter(project.stage, startedOn, completedOn);
  return {
    project, startedOn, completedOn, stage,
    changed: startedOn !== project.startedOn || completedOn !== project.completedOn || stage !== project.stage,
    milestones: {
      started: startedOn && !project.startedOn ? startedOn : null,
      completed: completedOn && !project.completedOn ? completedOn : null,
    },
  };
}

/** The audit row's before and after of a milestone change. */
export function milestoneAudit(c: MilestoneChange) {
  return {
    before: { startedOn: c.project.startedOn, completedOn: c.project.completedOn, stage: c.project.stage },
    after: { startedOn: c.startedOn, completedOn: c.completedOn, stage: c.stage },
  };
}

/** The ticker lines of a start and a completion. */
export const startedText = (p: Pick<Project, 'name' | 'unit'>) => `「${p.name}」开工建设（${p.unit}）`;
export const completedText = (p: Pick<Project, 'name' | 'unit'>) => `「${p.name}」竣工（${p.unit}）`;

/** Applies the report's start and completion dates to the project; returns those that are new. */
export async function applyMilestones(q: Queryable, actor: Actor, project: Project, report: Report): Promise<Milestones> {
  const c = milestoneChange(project, report);
  if (c.changed) {
    const { before, after } = milestoneAudit(c);
    await setMilestones(q, project.id, { startedOn: c.startedOn, completedOn: c.completedOn, stage: c.stage });
    await audit(q, actor, 'project.milestones', 'project', project.id, before, after);
  }
  return c.milestones;
}

/** The pushes of an accepted report: the new figures first, then any start or completion. */
export async function acceptedPushes(
  version: number,
  project: Project,
  report: Report,
  milestones: Milestones,
  summary: Summary,
  writeEvent: EventWriter,
): Promise<Push[]> {
  const base = { version, projectId: project.id, project: project.name, unit: project.unit };
  const monthLabel = `${Number(report.month.slice(5))}月`;
  const event = await writeEvent('report', project.id, `${project.unit}报送「${project.name}」${monthLabel}完成投资${formatWan(report.investment)}万元`);
  const pushes: Push[] = [{
    name: 'investment:update',
    payload: {
      ...base, month: report.month, investment: report.investment,
      completedToDate: summary.completedByProject.get(project.id) ?? 0, summary: summaryDelta(summary), event,
    },
  }];
  if (milestones.started) {
    const e = await writeEvent('started', project.id, startedText(project));
    pushes.push({ name: 'project:started', payload: { ...base, date: milestones.started, event: e } });
  }
  if (milestones.completed) {
    const e = await writeEvent('completed', project.id, completedText(project));
    pushes.push({ name: 'project:completed', payload: { ...base, date: milestones.completed, event: e } });
  }
  return pushes;
}
