// presentation.ts (/api/presentation): 会议模式, and the display tokens' follow setting.
import { displayTokenPatchInput } from '../../../shared/api.js';
import { presentationDecisionInput, presentationPatchInput, presentationStartInput } from '../../../shared/presentation.js';
import { WALL_PAGES } from '../../../shared/wall.js';
import { created, fromZod, noContent, ok, ref, type JsonSchema, type Routes } from './build.js';

const PRESENTER = 'Staff or county leaders; units get 403.';

export const presentation: Routes = {
  'GET /api/presentation': {
    summary: "The campaign's meeting-mode session (会议模式), or state null when none runs",
    roles: ['admin', 'leader'],
    notes: `${PRESENTER} focus is the project in focus as the lagging list of the figures shown has it (name, reasons), else null.`,
    reply: ok(ref('PresentationView')),
    errors: [401, 403, 404],
  },
  'POST /api/presentation': {
    summary: 'Start the session (201), get back the one you run (200), or take over another presenter\'s with takeover: true (200)',
    roles: ['admin', 'leader'],
    notes: `${PRESENTER} Another user's running session without takeover gets 409. Audited; every wall gets presentation:state.`,
    body: 'PresentationStartInput',
    reply: { ...created(ref('PresentationView')), ...ok(ref('PresentationView')) },
    errors: [401, 403, 404, 409, 422],
  },
  'PATCH /api/presentation': {
    summary: 'Drive the walls: page, project in focus, figures frozen at a month end (or null: live), step next/prev through the lagging projects',
    roles: ['admin', 'leader'],
    notes:
      'The presenter only (403 otherwise, 409 without a session). A step opens the 滞后预警 page (alerts) on that lagging project; ' +
      'frozen takes a month of the campaign year that has ended. The walls get presentation:state (and presentation:snapshot with the month-end figures when freezing).',
    body: 'PresentationPatch',
    reply: ok(ref('PresentationView')),
    errors: [401, 403, 404, 409, 422],
  },
  'DELETE /api/presentation': {
    summary: 'End the session; following walls return to their playlists',
    roles: ['admin', 'leader'],
    notes: 'The presenter or staff; another leader gets 403. Ending when none runs is a no-op. Audited; every wall gets presentation:state { ended: true, campaignId, seq }.',
    reply: noContent('Ended'),
    errors: [401, 403, 404],
  },
  'POST /api/presentation/decisions': {
    summary: '议定事项 for the project in focus, on one of its problems (problemId) or on a new problem of category raised for it',
    roles: ['admin', 'leader'],
    notes:
      'A problem on the agenda of the session\'s linked meeting gets that meeting\'s decision (as POST /api/meetings/{id}/decisions). ' +
      'The problem takes the owner and deadline, a pending one becomes 协调中, a step is recorded, and the walls get problem:update. ' +
      'The presenter or staff (admin) only; another leader gets 403. 409 without a session or project in focus.',
    body: 'PresentationDecisionInput',
    reply: created(ref('ProblemDetail')),
    errors: [401, 403, 404, 409, 422],
  },
  'PATCH /api/display-tokens/{id}': {
    summary: 'Set whether a wall follows meeting mode (followsMeetings); its walls are told at once',
    roles: ['admin'],
    body: 'DisplayTokenPatchInput',
    reply: ok(ref('DisplayToken')),
    errors: [401, 403, 404, 422],
  },
};

const int = { type: 'integer' };
const str = { type: 'string' };
const frozen = { type: ['object', 'null'], properties: { month: str, asOf: { type: 'string', description: 'YYYY-MM-DD, the month end' } } };

export const presentationSchemas: Record<string, JsonSchema> = {
  PresentationStartInput: fromZod(presentationStartInput, { meetingId: 'The 调度会 this session belongs to', takeover: "Take over another user's running session" }),
  PresentationPatch: fromZod(presentationPatchInput, { frozen: 'YYYY-MM: freeze the figures at that month\'s end; null: live', step: 'next or prev through the lagging projects' }),
  PresentationDecisionInput: fromZod(presentationDecisionInput, { problemId: 'An open problem of the project in focus', category: 'For a new problem: one of the campaign\'s categories' }),
  DisplayTokenPatchInput: fromZod(displayTokenPatchInput),
  PresentationState: {
    type: 'object',
    description: 'See shared/presentation.ts PresentationState.',
    properties: {
      id: int, campaignId: int, presenter: { type: 'object', properties: { userId: int, name: str } }, startedAt: str,
      meetingId: { type: ['integer', 'null'] }, page: { enum: [...WALL_PAGES] }, projectId: { type: ['integer', 'null'] }, frozen,
      step: { type: ['object', 'null'], properties: { index: int, total: int } }, updatedAt: str, seq: int,
    },
  },
  PresentationView: {
    type: 'object',
    properties: {
      state: { oneOf: [ref('PresentationState'), { type: 'null' }] },
      focus: { type: ['object', 'null'], description: 'The LaggingProject in focus (shared/snapshot.ts), or null' },
    },
  },
};
