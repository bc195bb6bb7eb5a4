// Turns the terse route table of the other files here into OpenAPI path items, so each endpoint
// is one entry that states its roles, input, success reply and error statuses.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;
/** Who may call: the session roles, and `display` for a wall kiosk's display token. */
export type Caller = 'admin' | 'unit' | 'leader' | 'display';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Route {
  summary: string;
  /** Empty: public, no session needed. */
  roles: Caller[];
  /** Narrowing of the roles and other behaviour worth knowing, one or two sentences. */
  notes?: string;
  query?: object[];
  /** A components.schemas name. */
  body?: string;
  /** The success reply, from ok / created / noContent / file. */
  reply: Record<number, object>;
  errors: ErrorStatus[];
}

/** 'METHOD /api/path/{param}' → the operation. */
export type Routes = Record<string, Route>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const list = (name: string) => ({ type: 'array', items: ref(name) });
const json = (schema: object) => ({ 'application/json': { schema } });

export const ok = (schema: object, description = 'OK') => ({ 200: { description, content: json(schema) } });
export const created = (schema: object) => ({ 201: { description: 'Created', content: json(schema) } });
export const noContent = (description: string) => ({ 204: { description } });
export const file = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } },
});

const errorKinds = {
  400: ['BadRequest', 'The body is not valid JSON (a body over 1 MB gets 413 「文件或请求过大（上限 1 MB）」; a state-changing request from another site gets 403, one with a form or text/plain body 415)'],
  401: ['Unauthorized', 'Not signed in (or display token invalid)'],
  403: ['Forbidden', 'Signed in, but this role or unit may not do it'],
  404: ['NotFound', 'No such record, or no campaign year stored yet'],
  409: ['Conflict', 'Stale edit, or a state that forbids the action; reload and retry'],
  422: ['Invalid', 'Invalid input; error.fields maps each field to a Chinese message'],
  429: ['RateLimited', 'Too many failed attempts'],
  503: ['Unavailable', 'The store cannot be reached right now (e.g. PostgreSQL restarting); retry later (Retry-After)'],
} as const satisfies Record<ErrorStatus, readonly [string, string]>;

/** components.responses: one per error status, all with the shared Error body. */
export const errorResponses = Object.fromEntries(
  Object.values(errorKinds).map(([name, description]) => [name, { description, content: json(ref('Error')) }]),
);

/** JSON Schema of a zod input schema, with notes on fields the validators cannot express. */
export function fromZod(schema: z.ZodType, notes: Record<string, string> = {}, description?: string): JsonSchema {
  const { $schema: _, ...out } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = (out.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, note] of Object.entries(notes)) {
    if (!properties[key]) throw new Error(`openapi: ${key} is not a field of the schema it annotates`);
    properties[key] = { ...properties[key], description: note };
  }
  return description ? { ...out, description } : out;
}

/** Query parameters from a zod object schema of query-string fields. */
export function queryFrom(schema: z.ZodType, notes: Record<string, string> = {}): object[] {
  const { properties = {}, required = [] } = fromZod(schema, notes) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(properties).map(([name, { description, ...rest }]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    ...(description ? { description } : {}),
    schema: rest,
  }));
}

const pathParameters: Record<string, object> = {
  id: { $ref: '#/components/parameters/id' },
  month: { $ref: '#/components/parameters/month' },
};

const roleText = (roles: Caller[]) =>
  roles.length ? `Roles: ${roles.map((r) => (r === 'display' ? 'display token' : r)).join(', ')}.` : 'Public: no session needed.';

function operation({ summary, roles, notes, query = [], body, reply, errors }: Route, pathParams: object[]) {
  const statuses: ErrorStatus[] = body ? [400, ...errors] : errors;
  const security = !roles.length ? [] : roles.includes('display') ? [{ session: [] }, { displayToken: [] }] : undefined;
  return {
    summary,
    description: notes ? `${roleText(roles)} ${notes}` : roleText(roles),
    'x-roles': roles,
    ...(security && { security }),
    ...(pathParams.length || query.length ? { parameters: [...pathParams, ...query] } : {}),
    ...(body && { requestBody: { required: true, content: json(ref(body)) } }),
    responses: { ...reply, ...Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/${errorKinds[s][0]}` }])) },
  };
}

/** Groups 'METHOD /path' entries into OpenAPI path items, adding the path parameters. */
export function pathsFrom(...tables: Routes[]): Record<string, Record<string, object>> {
  const paths: Record<string, Record<string, object>> = {};
  for (const table of tables) {
    for (const [key, route] of Object.entries(table)) {
      const [method, path] = key.split(' ');
      const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
        if (!pathParameters[name]) throw new Error(`openapi: no parameter defined for {${name}} in ${path}`);
        return pathParameters[name];
      });
      paths[path] ??= {};
      paths[path][method.toLowerCase()] = operation(route, params);
    }
  }
  return paths;
}
