// The public HTTP interface as OpenAPI 3.1, served at /api/openapi.json. Names here are fixed
// (DESIGN §5): walls, tablets and other government systems integrate against them.
const error = { $ref: '#/components/schemas/Error' };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

export const openapi = {
  openapi: '3.1.0',
  info: {
    title: '项目调度指挥平台 API',
    version: '0.1.0',
    description:
      'All amounts in responses are integer yuan (元). Report input takes 万元 as a decimal number or string. ' +
      'Dates are YYYY-MM-DD, months YYYY-MM. Errors: {error:{code,message,fields?}}; messages are Chinese. ' +
      'Realtime: Socket.IO on /socket.io/ — events and payloads are typed in shared/events.ts.',
  },
  paths: {
    '/api/health': {
      get: { summary: 'Liveness and backing services', responses: { 200: json({ $ref: '#/components/schemas/Health' }) } },
    },
    '/api/auth/login': {
      post: {
        summary: 'Log in; sets the httpOnly session cookie',
        requestBody: json({ type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } }),
        responses: { 200: json({ type: 'object', properties: { user: { $ref: '#/components/schemas/User' } } }), 401: json(error), 422: json(error), 429: json(error) },
      },
    },
    '/api/auth/me': { get: { summary: 'The signed-in user', responses: { 200: json({ type: 'object', properties: { user: { $ref: '#/components/schemas/User' } } }), 401: json(error) } } },
    '/api/auth/logout': { post: { summary: 'End the session', responses: { 204: { description: 'logged out' }, 401: json(error) } } },
    '/api/snapshot': {
      get: { summary: 'The aggregate snapshot of the campaign year, with version (shared/snapshot.ts)', responses: { 200: json({ type: 'object', required: ['version'] }) } },
    },
    '/api/projects': { get: { summary: 'The ledger', responses: { 200: json({ type: 'array', items: { $ref: '#/components/schemas/Project' } }) } } },
    '/api/projects/{id}': {
      get: { summary: 'One project', parameters: [{ $ref: '#/components/parameters/id' }], responses: { 200: json({ $ref: '#/components/schemas/Project' }), 404: json(error) } },
    },
    '/api/projects/{id}/reports': {
      get: { summary: 'Every report revision of the project, newest first', parameters: [{ $ref: '#/components/parameters/id' }], responses: { 200: json({ type: 'array', items: { $ref: '#/components/schemas/Report' } }) } },
      post: {
        summary: 'Submit the monthly report (月调度) of a project',
        parameters: [{ $ref: '#/components/parameters/id' }],
        requestBody: json({ $ref: '#/components/schemas/ReportInput' }),
        responses: { 201: json({ $ref: '#/components/schemas/Report' }), 401: json(error), 403: json(error), 404: json(error), 422: json(error) },
      },
    },
  },
  components: {
    parameters: { id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { enum: ['invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'internal'] },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
      Health: {
        type: 'object',
        properties: { status: { const: 'ok' }, store: { enum: ['pglite', 'postgres'] }, cache: { enum: ['redis', 'memory'] }, cacheConnected: { type: 'boolean' } },
      },
      User: { type: 'object', properties: { id: { type: 'integer' }, username: { type: 'string' }, displayName: { type: 'string' }, role: { enum: ['admin', 'unit', 'leader'] }, unitId: { type: ['integer', 'null'] } } },
      Project: {
        type: 'object',
        description: 'See shared/types.ts Project. Amounts integer yuan.',
        properties: {
          id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' }, domain: { type: 'string' }, unit: { type: 'string' },
          leader: { type: ['string', 'null'] }, levels: { type: 'array', items: { type: 'string' } },
          totalInvestment: { type: 'integer' }, annualPlan: { type: 'integer' }, completedToDate: { type: 'integer' },
          plannedStart: { type: ['string', 'null'] }, plannedCompletion: { type: ['string', 'null'] },
          startedOn: { type: ['string', 'null'] }, completedOn: { type: ['string', 'null'] },
          stage: { enum: ['reserve', 'preparing', 'construction', 'completed', 'operating'] },
        },
      },
      ReportInput: {
        type: 'object',
        required: ['month', 'investment', 'progress'],
        properties: {
          month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
          investment: { oneOf: [{ type: 'number' }, { type: 'string' }], description: 'Completed in that month, 万元, at most 4 decimals' },
          progress: { type: 'string', description: '形象进度' },
          startedOn: { type: 'string', format: 'date' },
          completedOn: { type: 'string', format: 'date' },
          remark: { type: 'string' },
        },
      },
      Report: {
        type: 'object',
        properties: {
          id: { type: 'integer' }, projectId: { type: 'integer' }, month: { type: 'string' }, revision: { type: 'integer' },
          investment: { type: 'integer', description: 'yuan' }, progress: { type: 'string' }, status: { enum: ['submitted', 'accepted', 'returned'] },
          startedOn: { type: ['string', 'null'] }, completedOn: { type: ['string', 'null'] }, submittedBy: { type: 'string' }, createdAt: { type: 'string' },
        },
      },
    },
  },
} as const;
