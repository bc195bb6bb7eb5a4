// What an accepted report does beyond its own row: it may start or complete the project, and it
// moves the figures every wall shows.
import { formatWan } from '../../shared/money.js';
import type { Project, Report } from '../../shared/types.js';
import type { Summary } from '../domain/aggregates.js';
import { stageAfter } from '../domain/reportRules.js';
import { summaryPatch } from '../domain/snapshot.js';
import { type Actor, audit } from '../store/audit.js';
import type { Queryable } from '../store/db.js';
import { setMilestones } from '../store/projects.js';
import type { EventWriter } from './change.js';
import type { Push } from './deps.js';

export interface Milestones {
  started: string | null;
  completed: string | null;
}

/** Applies the report's start and completion dates to the project; returns those that are new. */
export async function applyMilestones(q: Queryable, actor: Actor, project: Project, report: Report): Promise<Milestones> {
  const startedOn = report.startedOn ?? project.startedOn;
  const completedOn = report.completedOn ?? project.completedOn;
  const stage = stageAfter(project.stage, startedOn, completedOn);
  if (startedOn !== project.startedOn || completedOn !== project.completedOn || stage !== project.stage) {
    await setMilestones(q, project.id, { startedOn, completedOn, stage });
    await audit(q, actor, 'project.milestones', 'project', project.id,
      { startedOn: project.startedOn, completedOn: project.completedOn, stage: project.stage },
      { startedOn, completedOn, stage });
  }
  return {
    started: startedOn && !project.startedOn ? startedOn : null,
    completed: completedOn && !project.completedOn ? completedOn : null,
  };
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
      completedToDate: summary.completedByProject.get(project.id) ?? 0, summary: summaryPatch(summary), event,
    },
  }];
  if (milestones.started) {
    const e = await writeEvent('started', project.id, `「${project.name}」开工建设（${project.unit}）`);
    pushes.push({ name: 'project:started', payload: { ...base, date: milestones.started, event: e } });
  }
  if (milestones.completed) {
    const e = await writeEvent('completed', project.id, `「${project.name}」竣工（${project.unit}）`);
    pushes.push({ name: 'project:completed', payload: { ...base, date: milestones.completed, event: e } });
  }
  return pushes;
}
