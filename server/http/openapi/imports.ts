// imports.ts (/api/imports) and exportsXlsx.ts (/api/exports): sheets in and out.
import { IMPORT_MAX_BYTES } from '../../../shared/imports.js';
import { created, file, ok, ref, XLSX, type Routes } from './build.js';

const ADMIN = ['admin'] as const;
const UPLOAD = `The sheet is the raw request body — .xlsx, .xls or WPS .et (at most 6 MB), or .csv (UTF-8 or GBK) — at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB (413 above); ` +
  'the format is told from the bytes, whatever the Content-Type. In a workbook the first sheet whose header has the required columns is read ' +
  '(an instructions or summary sheet before it is passed over) and named in the preview. At most 20,000 rows and 1,000,000 cells are read; ' +
  'one upload per campaign is parsed at a time (the next waits). ' +
  'With dryRun=1 (default) nothing is written and every row gets a verdict with its Chinese reasons; with dryRun=0 the sheet is ' +
  'written in one transaction, or — when any row not excluded is rejected — nothing is written and 422 lists the rows as fields row<N>.';

const importQuery = [
  { name: 'dryRun', in: 'query', required: false, description: '1 (default): preview only; 0: commit', schema: { type: 'string', enum: ['0', '1', 'true', 'false'] } },
  { name: 'exclude', in: 'query', required: false, description: 'Sheet row numbers to leave out, comma separated (e.g. 7,12)', schema: { type: 'string' } },
  { name: 'filename', in: 'query', required: false, description: "The uploaded file's name, kept as the source of opening figures", schema: { type: 'string', maxLength: 255 } },
];

export const imports: Routes = {
  'POST /api/imports/ledger': {
    summary: 'Import the project ledger (项目台账) from an .xlsx, .xls, .et or .csv sheet, with opening figures',
    roles: [...ADMIN],
    notes: `${UPLOAD} Projects match by code, else by name: a re-import updates and never duplicates. Units and leaders not found are created. ` +
      'A completed-this-year column (1-10月完成投资, 截至9月底累计完成, 本年累计完成投资) and a since-start column (开工以来累计完成投资) are kept as ' +
      'opening balances through their month (with file, sheet, row and who imported them), never as monthly reports; they count in completedToDate, ' +
      'investmentSinceStart and every figure, and later months add to them. 建设性质 续建/在建 puts a project in construction (never 开工逾期). ' +
      'Amount units: the column header, its group header, or a note line above the table (单位：亿元), the nearest winning; default 万元. ' +
      'Every change is audited; the walls refetch the snapshot.',
    query: importQuery,
    reply: { ...ok(ref('ImportPreview'), 'The preview (dryRun=1)'), ...created(ref('ImportResult')) },
    errors: [401, 403, 404, 409, 422],
  },
  'POST /api/imports/month': {
    summary: "Import a month's completed investment (月报表) for many projects",
    roles: [...ADMIN],
    notes: `${UPLOAD} Each row passes the report form's rules; accepted rows become accepted report revisions of the month.`,
    query: [...importQuery, { name: 'month', in: 'query', required: false, description: 'YYYY-MM; default the month being reported', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } }],
    reply: { ...ok(ref('ImportPreview'), 'The preview (dryRun=1)'), ...created(ref('ImportResult')) },
    errors: [401, 403, 404, 422],
  },
  'GET /api/imports/ledger-template.xlsx': {
    summary: 'The ledger import template, with an example row and a sheet of instructions',
    roles: [...ADMIN],
    reply: file(XLSX, 'The template'),
    errors: [401, 403, 404],
  },
  'GET /api/exports/ledger.xlsx': {
    summary: 'The ledger as .xlsx (importable back as it is)',
    roles: [...ADMIN],
    reply: file(XLSX, 'The ledger workbook'),
    errors: [401, 403, 404],
  },
  'GET /api/exports/reports.xlsx': {
    summary: "A month's reports (月报表) as .xlsx: every project with its latest revision",
    roles: [...ADMIN],
    query: [{ name: 'month', in: 'query', required: false, description: 'YYYY-MM; default the month being reported', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } }],
    reply: file(XLSX, 'The month workbook'),
    errors: [401, 403, 404, 422],
  },
  'GET /api/exports/alerts.xlsx': {
    summary: 'The open alerts (预警清单) as .xlsx',
    roles: [...ADMIN],
    reply: file(XLSX, 'The alerts workbook'),
    errors: [401, 403, 404],
  },
  'GET /api/exports/problems.xlsx': {
    summary: 'The problem ledger (问题台账) as .xlsx',
    roles: [...ADMIN],
    reply: file(XLSX, 'The problems workbook'),
    errors: [401, 403, 404],
  },
};

/** The uploads take a file, not JSON: their request bodies are added here. */
export function withUploadBodies<P extends Record<string, Record<string, object>>>(paths: P): P {
  const body = {
    required: true,
    content: {
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'application/vnd.ms-excel': { schema: { type: 'string', format: 'binary' } },
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string' } },
    },
  };
  for (const path of ['/api/imports/ledger', '/api/imports/month']) {
    if (paths[path]?.post) paths[path].post = { ...paths[path].post, requestBody: body };
  }
  return paths;
}

const counts = {
  type: 'object',
  required: ['create', 'update', 'unchanged', 'error', 'skipped', 'excluded'],
  properties: Object.fromEntries(['create', 'update', 'unchanged', 'error', 'skipped', 'excluded'].map((k) => [k, { type: 'integer' }])),
};
const strings = { type: 'array', items: { type: 'string' } };
const nullable = (type: string) => ({ type: [type, 'null'] });

export const importSchemas = {
  ImportPreview: {
    type: 'object',
    description: 'Amounts are integer yuan. Row numbers are the sheet\'s own.',
    properties: {
      kind: { type: 'string', enum: ['ledger', 'month'] },
      sheet: { type: 'string' },
      headerRows: { type: 'array', items: { type: 'integer' } },
      columns: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            column: { type: 'integer' }, letter: { type: 'string' }, header: { type: 'string' },
            field: nullable('string'), label: nullable('string'), unit: { enum: ['元', '万元', '亿元', null] },
          },
        },
      },
      missing: strings,
      rows: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            row: { type: 'integer' },
            verdict: { type: 'string', enum: ['create', 'update', 'unchanged', 'error', 'skipped'] },
            code: nullable('string'), name: nullable('string'), unit: nullable('string'),
            totalInvestment: nullable('integer'), amount: { ...nullable('integer'), description: 'Ledger: the annual plan; month: the month\'s investment' },
            messages: strings, warnings: strings, changes: strings, excluded: { type: 'boolean' },
            fieldChanges: {
              type: 'array', description: 'For an update: each changed field as shown, old → new (amounts in 万元)',
              items: { type: 'object', properties: { label: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' } } },
            },
            amounts: {
              type: 'array', description: 'Every amount column read for the row, in yuan, with the unit it was read in',
              items: { type: 'object', properties: { label: { type: 'string' }, value: nullable('integer'), unit: { enum: ['元', '万元', '亿元'] } } },
            },
          },
        },
      },
      counts,
      newUnits: strings,
      newLeaders: strings,
      month: nullable('string'),
      sheets: { ...strings, description: "The workbook's visible sheets, in tab order" },
      notes: { ...strings, description: 'What was read from outside the table (a note line\'s unit, the month of the opening figures), in Chinese' },
      openingMonth: { ...nullable('string'), description: 'Ledger: YYYY-MM the opening figures run through; null without such a column' },
    },
  },
  ImportResult: {
    type: 'object',
    properties: { kind: { type: 'string', enum: ['ledger', 'month'] }, counts, newUnits: strings, newLeaders: strings, month: nullable('string'), version: { type: 'integer' } },
  },
};
