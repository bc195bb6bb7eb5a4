// status.ts (/api), auth.ts (/api/auth) and reference.ts (/api).
import { list, noContent, ok, ref, type Caller, type Routes } from './build.js';

export const ANYONE: Caller[] = ['admin', 'unit', 'leader'];

export const core: Routes = {
  'GET /api/health': {
    summary: 'Liveness and backing services; 503 with status "degraded" and storeConnected false while the store cannot be reached',
    roles: [],
    reply: ok(ref('Health')),
    errors: [503],
  },
  'GET /api/snapshot': {
    summary: 'The aggregate snapshot of the campaign year, with version',
    roles: [...ANYONE, 'display'],
    notes: 'Wall kiosks send their display token as Authorization: Bearer … or ?token=…. Served with ETag (W/"<version>-…") and Cache-Control: no-cache, gzipped for Accept-Encoding: gzip; 304 to a matching If-None-Match.',
    query: [{ name: 'token', in: 'query', required: false, description: 'Display token, when not sent as a Bearer header', schema: { type: 'string' } }],
    reply: ok(ref('Snapshot')),
    errors: [401, 404],
  },
  'GET /api/openapi.json': {
    summary: 'This OpenAPI document',
    roles: [],
    reply: ok({ type: 'object' }),
    errors: [],
  },

  'POST /api/auth/login': {
    summary: 'Log in; sets the httpOnly session cookie',
    roles: [],
    notes: 'Failed attempts are limited: the 11th for one username from one address within ten minutes gets 429 (known or unknown usernames alike), and 100 from one address. A disabled account gets 401 with its own message only after the right password.',
    body: 'LoginInput',
    reply: ok(ref('Session'), 'Signed in; Set-Cookie carries the session'),
    errors: [401, 422, 429],
  },
  'GET /api/auth/me': {
    summary: 'The signed-in user',
    roles: ANYONE,
    reply: ok({ type: 'object', properties: { user: ref('User') } }),
    errors: [401],
  },
  'POST /api/auth/password': {
    summary: "Change one's own password",
    roles: ANYONE,
    notes: 'A wrong currentPassword gets 422; other sessions of the user end.',
    body: 'PasswordChangeInput',
    reply: noContent('Changed'),
    errors: [401, 422],
  },
  'POST /api/auth/logout': {
    summary: 'End the session',
    roles: ANYONE,
    reply: noContent('Logged out; the cookie is cleared'),
    errors: [401],
  },

  'GET /api/campaign': {
    summary: 'The campaign year and its settings',
    roles: ANYONE,
    reply: ok(ref('Campaign')),
    errors: [401, 404],
  },
  'GET /api/units': {
    summary: 'Responsible units (责任单位)',
    roles: ANYONE,
    reply: ok(list('Unit')),
    errors: [401],
  },
  'GET /api/leaders': {
    summary: 'County leaders (县领导)',
    roles: ANYONE,
    reply: ok(list('Leader')),
    errors: [401],
  },
  'GET /api/domains': {
    summary: "The campaign's domains (领域) with their targets",
    roles: ANYONE,
    reply: ok(list('Domain')),
    errors: [401, 404],
  },
  'GET /api/levels': {
    summary: "The campaign's project levels (项目级别)",
    roles: ANYONE,
    reply: ok(list('Level')),
    errors: [401, 404],
  },
};
