// Problems a unit asks the county to coordinate (raised with its monthly report).
import { problemInput, type ProblemView } from '../../shared/api.js';
import type { User } from '../../shared/types.js';
import { NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { insertProblem, listProblems } from '../store/problems.js';
import { getProject } from '../store/projects.js';
import { assertCanFile, assertCanRead } from './access.js';
import type { Deps } from './deps.js';
import { parseInput } from './validate.js';

export async function raiseProblem(deps: Deps, user: User, projectId: number, body: unknown): Promise<ProblemView> {
  const project = await getProject(deps.db, projectId);
  if (!project) throw NotFound('项目不存在');
  assertCanFile(user, project);
  const input = parseInput(problemInput, body);
  return deps.db.tx(async (q) => {
    const problem = await insertProblem(q, { projectId, ...input, dueOn: input.dueOn ?? null, raisedBy: user.id });
    await audit(q, { userId: user.id, name: user.displayName }, 'problem.raise', 'problem', problem.id, null, problem);
    return problem;
  });
}

export async function problemsOf(deps: Deps, user: User, projectId: number): Promise<ProblemView[]> {
  const project = await getProject(deps.db, projectId);
  if (!project) throw NotFound('项目不存在');
  assertCanRead(user, project);
  return listProblems(deps.db, projectId);
}
