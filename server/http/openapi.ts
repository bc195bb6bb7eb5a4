// The public HTTP interface as OpenAPI 3.1, served at /api/openapi.json. Names here are fixed
// (DESIGN §5): walls, tablets and other government systems integrate against them. The routes are
// described in openapi/*.ts by router; test/unit/openapi.test.ts checks them against the code.
import { errorResponses, pathsFrom } from './openapi/build.js';
import { campaigns, campaignSchemas } from './openapi/campaigns.js';
import { core } from './openapi/core.js';
import { dispatch } from './openapi/dispatch.js';
import { imports, importSchemas, withUploadBodies } from './openapi/imports.js';
import { ledger } from './openapi/ledger.js';
import { oversight } from './openapi/oversight.js';
import { countyMap, countyMapSchemas } from './openapi/countyMap.js';
import { notify, notifySchemas } from './openapi/notify.js';
import { presentation, presentationSchemas } from './openapi/presentation.js';
import { schemas } from './openapi/schemas.js';
import { SESSION_COOKIE } from '../services/auth.js';

export const openapi = {
  openapi: '3.1.0',
  info: {
    title: '项目调度指挥平台 API',
    version: '0.1.0',
    description:
      'All amounts in responses are integer yuan (元). Report input takes 万元 as a decimal number or string. ' +
      'Dates are YYYY-MM-DD, months YYYY-MM. Errors: {error:{code,message,fields?}}; messages are Chinese. ' +
      'Each operation names the roles that may call it (admin, unit, leader, display token) and lists them in x-roles. ' +
      'Campaign years: every endpoint works on the active year; ?campaign=<id> on any of them reads another. ' +
      'Realtime: Socket.IO on /socket.io/ — events and payloads are typed in shared/events.ts.',
  },
  security: [{ session: [] }],
  paths: withUploadBodies(pathsFrom(presentation, core, campaigns, ledger, oversight, dispatch, countyMap, imports, notify)),
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login' },
      displayToken: { type: 'http', scheme: 'bearer', description: 'A wall kiosk\'s display token (also accepted as ?token=)' },
    },
    parameters: {
      id: { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      month: {
        name: 'month',
        in: 'path',
        required: true,
        description: 'YYYY-MM, optionally followed by .docx or .xlsx',
        schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])(\\.(docx|xlsx))?$' },
      },
    },
    responses: errorResponses,
    schemas: { ...schemas, ...campaignSchemas, ...importSchemas, ...presentationSchemas, ...countyMapSchemas, ...notifySchemas },
  },
};
