// projects.ts (/api/projects) and reports.ts (/api/reports, /api/reporting).
import { monthQuery } from '../../../shared/api.js';
import { created, list, ok, queryFrom, ref, type Routes } from './build.js';
import { ANYONE } from './core.js';

const OWN = "A unit account sees only its own unit's projects (403 on another's).";
const FILE = "Leaders are read-only; a unit files only for its own unit's projects.";
const STALE = 'A stale rowVersion gets 409.';

export const ledger: Routes = {
  'GET /api/projects': {
    summary: 'The ledger (项目台账) of the campaign year',
    roles: ANYONE,
    notes: "A unit account gets its own unit's projects only.",
    reply: ok(list('Project')),
    errors: [401, 404],
  },
  'GET /api/projects/schedule': {
    summary: "Each project's completion against its 序时 (the wall's figures as of today), for the ledger's bars",
    roles: ANYONE,
    notes: "A unit account gets its own unit's projects only. Amounts in integer yuan; rates and shares of the annual plan.",
    reply: ok(list('ProjectSchedule')),
    errors: [401, 404],
  },
  'GET /api/projects/{id}': {
    summary: 'One project',
    roles: ANYONE,
    notes: OWN,
    reply: ok(ref('Project')),
    errors: [401, 403, 404, 422],
  },
  'PATCH /api/projects/{id}': {
    summary: "Edit a project's ledger fields",
    roles: ['admin'],
    notes: STALE,
    body: 'ProjectPatchInput',
    reply: ok(ref('Project')),
    errors: [401, 403, 404, 409, 422],
  },
  'GET /api/projects/{id}/plan': {
    summary: "A project's annual plan and monthly plans",
    roles: ANYONE,
    notes: OWN,
    reply: ok(ref('Plan')),
    errors: [401, 403, 404, 422],
  },
  'PUT /api/projects/{id}/plan': {
    summary: "Set a project's annual plan and, optionally, its twelve monthly plans",
    roles: ['admin'],
    notes: STALE,
    body: 'PlanInput',
    reply: ok(ref('Plan')),
    errors: [401, 403, 404, 409, 422],
  },
  'GET /api/projects/{id}/history': {
    summary: "A project's report revisions and audit trail",
    roles: ANYONE,
    notes: OWN,
    reply: ok(ref('ProjectHistory')),
    errors: [401, 403, 404, 422],
  },
  'GET /api/projects/{id}/reports': {
    summary: 'Every report revision of the project, newest first',
    roles: ANYONE,
    notes: OWN,
    reply: ok(list('Report')),
    errors: [401, 403, 404, 422],
  },
  'POST /api/projects/{id}/reports': {
    summary: 'Submit the monthly report (月调度) of a project',
    roles: ['admin', 'unit'],
    notes: `${FILE} An admin's report is accepted at once, a unit's awaits review. A stale baseRevision gets 409; nothing partial is stored.`,
    body: 'ReportInput',
    reply: created(ref('Report')),
    errors: [401, 403, 404, 409, 422],
  },
  'GET /api/projects/{id}/problems': {
    summary: 'Problems raised on the project for county coordination, newest first',
    roles: ANYONE,
    notes: OWN,
    reply: ok(list('ProblemDetail')),
    errors: [401, 403, 404, 422],
  },
  'POST /api/projects/{id}/problems': {
    summary: 'Raise a problem (问题) for county coordination',
    roles: ['admin', 'unit'],
    notes: `${FILE} The category must be one of the campaign's (settings.problemCategories), else 422. The walls get problem:update.`,
    body: 'ProblemInput',
    reply: created(ref('ProblemDetail')),
    errors: [401, 403, 404, 422],
  },

  'GET /api/reports': {
    summary: "A month's reporting overview: each project's latest and accepted report",
    roles: ANYONE,
    notes: "A unit account gets its own unit's projects only.",
    query: queryFrom(monthQuery, { month: 'YYYY-MM; the month being reported now when omitted' }),
    reply: ok(list('MonthReportRow')),
    errors: [401, 404, 422],
  },
  'POST /api/reports/{id}/accept': {
    summary: 'Accept a submitted report (采纳); its figures then count',
    roles: ['admin'],
    notes: 'Only the latest revision, in the submitted state; otherwise 409.',
    reply: ok(ref('Report')),
    errors: [401, 403, 404, 409, 422],
  },
  'POST /api/reports/{id}/return': {
    summary: 'Return a submitted report to its unit with a reason (退回)',
    roles: ['admin'],
    notes: 'Only the latest revision, in the submitted state; otherwise 409.',
    body: 'ReturnInput',
    reply: ok(ref('Report')),
    errors: [401, 403, 404, 409, 422],
  },
  'GET /api/reporting/calendar': {
    summary: "The reporting cycle's deadlines as of today",
    roles: ANYONE,
    reply: ok(ref('ReportingCalendar')),
    errors: [401, 404],
  },
};
