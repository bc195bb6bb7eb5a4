// problems.ts (/api/problems), meetings.ts (/api/meetings) and leaders.ts (/api: desks, duties, contacts).
import { problemQuery } from '../../../shared/problems.js';
import { created, DOCX, file, list, ok, queryFrom, ref, type Routes } from './build.js';
import { ANYONE } from './core.js';

const RUN = 'Staff run meetings; county leaders, who chair them, may do the same. Units get 403.';
const PLANNED = 'Only while the meeting is planned: a held meeting gets 409.';

export const dispatch: Routes = {
  'GET /api/problems': {
    summary: 'The problem ledger (问题台账) of the campaign year, oldest first',
    roles: ANYONE,
    notes: "A unit account gets its own unit's problems only. state=open means pending or coordinating.",
    query: queryFrom(problemQuery, {
      state: 'pending 待协调, coordinating 协调中, resolved 已解决, closed 已销号, returned 已退回, or open',
      level: '分级调度 level: 1 挂点领导, 2 常务副县长, 3 县长专题会',
      category: 'One of the campaign\'s problem categories',
    }),
    reply: ok(list('ProblemDetail')),
    errors: [401, 404, 422],
  },
  'GET /api/problems/{id}': {
    summary: 'One problem with its history (raise, every action, meeting decisions)',
    roles: ANYONE,
    notes: "A unit account sees only its own unit's problems.",
    reply: ok(ref('ProblemRecord')),
    errors: [401, 403, 404, 422],
  },
  'POST /api/problems/{id}/actions': {
    summary: 'Take one action on a problem: accept, return, resolve, confirm, reopen or escalate',
    roles: ANYONE,
    notes:
      'Staff may take every action; leaders all but return; a unit only resolve, on its own unit\'s problems (403 otherwise, with the reason). ' +
      'An action the state does not allow (e.g. confirm on a pending problem, anything on a closed one) gets 409. ' +
      'Audited with a step; the rules re-run and the walls get problem:update.',
    body: 'ProblemActionInput',
    reply: ok(ref('ProblemRecord')),
    errors: [401, 403, 404, 409, 422],
  },

  'GET /api/meetings': {
    summary: 'Coordination meetings (调度会), newest first, with their agenda items',
    roles: ['admin', 'leader'],
    reply: ok(list('Meeting')),
    errors: [401, 403, 404],
  },
  'POST /api/meetings': {
    summary: 'Plan a meeting: 调度推进会 (dispatch), 领导小组会 (domain_group, with its domain) or 部门联席会 (joint)',
    roles: ['admin', 'leader'],
    notes: `${RUN} The date must fall in the campaign year.`,
    body: 'MeetingInput',
    reply: created(ref('Meeting')),
    errors: [401, 403, 404, 422],
  },
  'GET /api/meetings/{id}': {
    summary: 'One meeting with its agenda, each item with its problem and decision',
    roles: ['admin', 'leader'],
    reply: ok(ref('Meeting')),
    errors: [401, 403, 404, 422],
  },
  'PATCH /api/meetings/{id}': {
    summary: "Change a planned meeting's title, date, location or chair",
    roles: ['admin', 'leader'],
    notes: PLANNED,
    body: 'MeetingPatchInput',
    reply: ok(ref('Meeting')),
    errors: [401, 403, 404, 409, 422],
  },
  'GET /api/meetings/{id}/proposal': {
    summary: 'The proposed agenda: open problems reported by the cut-off (3rd / 18th) within the meeting\'s scope',
    roles: ['admin', 'leader'],
    notes: '部门联席会: level-1 problems; 领导小组会: its domain\'s problems at levels 1–2; 调度推进会: all. Higher levels, flagged and overdue ones first.',
    reply: ok(ref('AgendaProposal')),
    errors: [401, 403, 404, 422],
  },
  'PUT /api/meetings/{id}/agenda': {
    summary: 'Set the agenda: these problems, in this order',
    roles: ['admin', 'leader'],
    notes: `${PLANNED} Only pending or coordinating problems (422 otherwise); items kept keep their decisions.`,
    body: 'AgendaInput',
    reply: ok(ref('Meeting')),
    errors: [401, 403, 404, 409, 422],
  },
  'PUT /api/meetings/{id}/attendance': {
    summary: 'Set who attended',
    roles: ['admin', 'leader'],
    notes: PLANNED,
    body: 'AttendanceInput',
    reply: ok(ref('Meeting')),
    errors: [401, 403, 404, 409, 422],
  },
  'POST /api/meetings/{id}/decisions': {
    summary: 'Record the decision (议定事项) on one agenda item',
    roles: ['admin', 'leader'],
    notes:
      'Allowed before and after the meeting is held. The problem takes the owner as coordinating unit and the deadline as due date; ' +
      'a pending one becomes coordinating. A closed or returned problem gets 409; one not on the agenda 422.',
    body: 'DecisionInput',
    reply: ok(ref('Meeting')),
    errors: [401, 403, 404, 409, 422],
  },
  'POST /api/meetings/{id}/held': {
    summary: 'Mark the meeting held: each problem on its agenda counts one more meeting',
    roles: ['admin', 'leader'],
    notes: 'A problem still open after its second held meeting is flagged (通报批评) and raises the problem_stalled alert. Held already, or a date still to come, gets 409.',
    reply: ok(ref('Meeting')),
    errors: [401, 403, 404, 409, 422],
  },
  'GET /api/meetings/{id}/minutes.docx': {
    summary: 'The minutes (会议纪要) as a .docx in 公文 format',
    roles: ['admin', 'leader'],
    reply: file(DOCX, 'The minutes'),
    errors: [401, 403, 404, 422],
  },

  'GET /api/leaders/{id}/desk': {
    summary: "A county leader's desk: linked projects against 序时进度, their alerts and problems, duties and contacts",
    roles: ['admin', 'leader'],
    notes: 'Projects where the leader is 一对一挂点领导 (linked) or 包干领导 (charge). Problems: those of these projects plus, per 分级调度, level 3 for the 县长 and level 2 for the 常务副县长.',
    reply: ok(ref('LeaderDesk')),
    errors: [401, 403, 404, 422],
  },
  'GET /api/me/desk': {
    summary: "The signed-in leader's own desk",
    roles: ['leader'],
    notes: 'Other roles get 403; a leader account not bound to a leader (users.leaderId) gets 404.',
    reply: ok(ref('LeaderDesk')),
    errors: [401, 403, 404],
  },
  'POST /api/leaders/{id}/duties': {
    summary: 'Record a duty done: the monthly briefing heard or the quarterly site visit made (附件3 第八条)',
    roles: ['admin', 'leader'],
    notes: 'A leader only for themself. A period already recorded gets 409; a period not yet begun or outside the year, or a date after today, 422.',
    body: 'DutyInput',
    reply: created(list('DutyStatus')),
    errors: [401, 403, 404, 409, 422],
  },
  'GET /api/projects/{id}/contacts': {
    summary: "A project's service-commissioner contacts (附件4), newest first, with what is due",
    roles: ANYONE,
    notes: "A unit account sees only its own unit's projects.",
    reply: ok(ref('ProjectContacts')),
    errors: [401, 403, 404, 422],
  },
  'POST /api/projects/{id}/contacts': {
    summary: "Record a commissioner's call or site visit",
    roles: ['admin', 'unit'],
    notes: "A unit only for its own unit's projects; leaders are read-only. A date after today gets 422.",
    body: 'ContactInput',
    reply: created(ref('CommissionerContact')),
    errors: [401, 403, 404, 422],
  },
};
