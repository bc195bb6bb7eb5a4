// A problem as GET /api/problems returns it, for the screen's unit tests.
import type { ProblemDetail } from '../../../shared/problems.js';

let nextId = 1;

export function problem(over: Partial<ProblemDetail> = {}): ProblemDetail {
  return {
    id: nextId++,
    projectId: 3,
    project: '高新区新材料产业园',
    projectCode: 'YY-2020-003',
    unitId: 1,
    unit: '县工信局',
    domainId: 1,
    domain: '工业',
    leader: '李明',
    category: '用地保障',
    description: '二期用地指标未下达，影响厂房开工',
    askedOf: '请县自然资源局协调用地报批',
    coordinatingUnit: null,
    dueOn: null,
    state: 'pending',
    level: 1,
    resolution: null,
    resolvedBy: null,
    confirmedBy: null,
    returnReason: null,
    raisedBy: '工信局联络员',
    createdAt: '2020-09-02T02:00:00.000Z',
    closedAt: null,
    meetings: 0,
    agenda: [],
    flagged: false,
    overdue: false,
    ageDays: 13,
    ...over,
  };
}
