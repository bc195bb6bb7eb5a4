// Problems a unit asks the county to coordinate (raised with its monthly report, by the 3rd or the 18th).
import { problemInputFor } from '../../shared/api.js';
import type { ProblemDetail } from '../../shared/problems.js';
import type { User } from '../../shared/types.js';
import { Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import { getProblemDetail, insertProblem, insertStep, listProblemDetails } from '../store/problems.js';
import { getProject } from '../store/projects.js';
import { assertCanFile, assertCanRead } from './access.js';
import { announce } from './change.js';
import type { Deps } from './deps.js';
import { actorOf, problemChange } from './problemLedger.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';
import { assertWritable } from './yearClosure.js';
import { projectCampaign } from './campaignScope.js';

export async function raiseProblem(deps: Deps, user: User, projectId: number, body: unknown): Promise<ProblemDetail> {
  const project = await getProject(deps.db, projectId);
  if (!project) throw NotFound('项目不存在');
  assertCanFile(user, project);
  const input = parseInput(problemInputFor((await projectCampaign(deps.db, projectId)).settings.problemCategories), body);
  const result = await deps.db.tx(async (q) => {
    // The project's own year, which a rolled-over year refuses to change.
    const campaign = await projectCampaign(q, projectId);
    const version = await bumpVersion(q, campaign.id);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const now = deps.clock();
    const at = now.toISOString();
    if (input.dueOn && input.dueOn < todayFor(campaign, now)) throw Invalid({ dueOn: '期望解决日期不能早于今天' });
    const id = await insertProblem(q, { projectId, ...input, dueOn: input.dueOn ?? null, raisedBy: user.id, at });
    await insertStep(q, id, { at, actor: user.displayName, action: 'raise', fromState: null, toState: 'pending', note: input.description, dueOn: input.dueOn ?? null });
    const problem = (await getProblemDetail(q, id, todayFor(campaign, now)))!;
    await audit(q, actorOf(user), 'problem.raise', 'problem', id, null, problem);
    const change = await problemChange(deps, q, campaign, version, now, [
      { problemId: id, projectId, text: `${project.name}：新报${input.category}问题，待协调` },
    ]);
    return { problem, change };
  });
  await announce(deps, result.change);
  return result.problem;
}

/** Newest first. */
export async function problemsOf(deps: Deps, user: User, projectId: number): Promise<ProblemDetail[]> {
  const project = await getProject(deps.db, projectId);
  if (!project) throw NotFound('项目不存在');
  assertCanRead(user, project);
  const campaign = await requireCampaign(deps.db);
  return (await listProblemDetails(deps.db, campaign.id, todayFor(campaign, deps.clock()), { projectId })).reverse();
}
