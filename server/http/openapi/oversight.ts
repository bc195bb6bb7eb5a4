// alerts.ts (/api: 预警, 函件, 月通报, settings) and admin.ts (/api: users, units, display tokens, audit).
import { alertQuery, auditQuery } from '../../../shared/api.js';
import { created, DOCX, file, list, noContent, ok, queryFrom, ref, XLSX, type Routes } from './build.js';
import { ANYONE } from './core.js';

export const oversight: Routes = {
  'GET /api/alerts': {
    summary: 'Alerts (预警) of the campaign year, open ones unless asked otherwise',
    roles: ANYONE,
    notes: "A unit account gets its own unit's alerts only.",
    query: queryFrom(alertQuery, { includeCleared: '1 to include cleared alerts', level: 'Only this dispatch level (分级调度)' }),
    reply: ok(list('Alert')),
    errors: [401, 404, 422],
  },
  'GET /api/alerts/queue': {
    summary: "A leader's queue: the open alerts at their dispatch level",
    roles: ['leader', 'admin'],
    notes: '县长 get level 3, 常务副县长 level 2, other leaders the level-1 alerts of their own projects.',
    reply: ok(ref('AlertQueue')),
    errors: [401, 403, 404],
  },
  'GET /api/alerts/{id}': {
    summary: 'One alert with its escalations',
    roles: ANYONE,
    notes: "A unit account sees only its own unit's alerts.",
    reply: ok(ref('AlertDetail')),
    errors: [401, 403, 404, 422],
  },
  'POST /api/alerts/{id}/acknowledge': {
    summary: "Record the unit's explanation (情况说明) of an alert",
    roles: ['unit', 'admin'],
    notes: "A unit only for its own unit's alerts; a cleared alert gets 409.",
    body: 'AcknowledgeInput',
    reply: ok(ref('Alert')),
    errors: [401, 403, 404, 409, 422],
  },
  'POST /api/alerts/{id}/escalate': {
    summary: 'Escalate an alert one dispatch level (提级)',
    roles: ['admin'],
    notes: 'A cleared alert, or one already at level 3, gets 409.',
    body: 'EscalateInput',
    reply: ok(ref('Alert')),
    errors: [401, 403, 404, 409, 422],
  },

  'GET /api/letters': {
    summary: 'Letters issued (预警提示函, 督办函)',
    roles: ANYONE,
    notes: 'A unit account gets the letters sent to it only.',
    reply: ok(list('Letter')),
    errors: [401, 404],
  },
  'POST /api/letters': {
    summary: "Issue a warning or supervision letter to a unit on its open alerts",
    roles: ['admin'],
    body: 'LetterInput',
    reply: created(ref('Letter')),
    errors: [401, 403, 404, 422],
  },
  'GET /api/letters/{id}.docx': {
    summary: 'Download a letter as issued (.docx)',
    roles: ANYONE,
    notes: 'A unit account only the letters sent to it.',
    reply: file(DOCX, 'The letter'),
    errors: [401, 403, 404, 422],
  },

  'GET /api/bulletins/{month}': {
    summary: "A month's bulletin (月通报) with the unit ranking; JSON, or a file by suffix",
    roles: ['admin', 'leader'],
    notes: 'YYYY-MM gives JSON, YYYY-MM.docx the Word document, YYYY-MM.xlsx the workbook. Months after the one being reported now get 422. Every figure is as of the month\'s last day (asOf; README 口径说明), the same a meeting frozen at that month shows.',
    reply: {
      200: {
        description: 'The bulletin',
        content: {
          'application/json': { schema: ref('Bulletin') },
          [DOCX]: { schema: { type: 'string', format: 'binary' } },
          [XLSX]: { schema: { type: 'string', format: 'binary' } },
        },
      },
    },
    errors: [401, 403, 404, 422],
  },
  'PATCH /api/campaign/settings': {
    summary: "Change the campaign's thresholds, deadlines, ranking weights and letter settings",
    roles: ['admin'],
    body: 'SettingsInput',
    reply: ok(ref('Campaign')),
    errors: [401, 403, 404, 422],
  },

  'GET /api/users': {
    summary: 'User accounts',
    roles: ['admin'],
    reply: ok(list('UserView')),
    errors: [401, 403],
  },
  'POST /api/users': {
    summary: 'Create a user account',
    roles: ['admin'],
    notes: 'A username already taken gets 422.',
    body: 'UserCreateInput',
    reply: created(ref('UserView')),
    errors: [401, 403, 422],
  },
  'PATCH /api/users/{id}': {
    summary: "Edit a user's name, role, unit, leader or disabled flag",
    roles: ['admin'],
    notes: 'Disabling oneself or dropping one\'s own admin role gets 409.',
    body: 'UserPatchInput',
    reply: ok(ref('UserView')),
    errors: [401, 403, 404, 409, 422],
  },
  'POST /api/users/{id}/password': {
    summary: "Reset a user's password; ends their sessions",
    roles: ['admin'],
    body: 'PasswordResetInput',
    reply: noContent('Reset'),
    errors: [401, 403, 404, 422],
  },
  'POST /api/units': {
    summary: 'Add a responsible unit',
    roles: ['admin'],
    notes: 'A name already taken gets 422.',
    body: 'UnitInput',
    reply: created(ref('Unit')),
    errors: [401, 403, 422],
  },
  'PATCH /api/units/{id}': {
    summary: 'Rename a responsible unit',
    roles: ['admin'],
    body: 'UnitInput',
    reply: ok(ref('Unit')),
    errors: [401, 403, 404, 422],
  },
  'GET /api/display-tokens': {
    summary: 'Display tokens of the wall kiosks',
    roles: ['admin'],
    reply: ok(list('DisplayToken')),
    errors: [401, 403],
  },
  'POST /api/display-tokens': {
    summary: 'Create a display token for a wall kiosk; the secret is shown only in this reply',
    roles: ['admin'],
    body: 'DisplayTokenInput',
    reply: created(ref('DisplayTokenCreated')),
    errors: [401, 403, 422],
  },
  'DELETE /api/display-tokens/{id}': {
    summary: 'Revoke a display token; its walls disconnect',
    roles: ['admin'],
    reply: noContent('Revoked'),
    errors: [401, 403, 404, 422],
  },
  'GET /api/admin/backup': {
    summary: 'A consistent dump of the whole store (JSON Lines, xmdd-backup-YYYYMMDD-hhmmss.jsonl); restore with npm run restore -- FILE',
    roles: ['admin'],
    reply: file('application/x-ndjson', 'The backup file, as an attachment'),
    errors: [401, 403, 503],
  },
  'GET /api/audit': {
    summary: 'The audit log, newest first, a page at a time, filtered by person, action (or kind), project and China dates',
    roles: ['admin'],
    query: queryFrom(auditQuery, {
      before: 'Only entries with a smaller id (the last id of the previous page)',
      actor: 'Who did it (exact, as listed by /api/audit/facets)',
      action: 'An action (report.accept) or every action on one kind (report)',
      projectId: "The rows about one project: its edits, reports, problems and alerts",
      from: 'China date, included', to: 'China date, included',
    }),
    reply: ok(list('AuditEntry')),
    errors: [401, 403, 422],
  },
  'GET /api/audit/facets': {
    summary: 'Who appears in the audit log and which actions, for its filters',
    roles: ['admin'],
    reply: ok(ref('AuditFacets')),
    errors: [401, 403],
  },
};
