// campaigns.ts (/api/campaigns): campaign years (年度台账).
import { campaignInput, rolloverInput } from '../../../shared/campaigns.js';
import { created, fromZod, list, ok, ref, type Routes } from './build.js';
import { ANYONE } from './core.js';

const int = { type: 'integer' };

export const campaigns: Routes = {
  'GET /api/campaigns': {
    summary: "The county's campaign years (年度台账), oldest first; [] on an empty store",
    roles: ANYONE,
    notes: 'Every other endpoint works on the active year; add ?campaign=<id> to any of them to read another year.',
    reply: ok(list('CampaignInfo')),
    errors: [401],
  },
  'POST /api/campaigns': {
    summary: 'Create a campaign year from scratch (开始使用：新建年度台账)',
    roles: ['admin'],
    notes:
      'Checked before anything else: 422 with a Chinese message per field (no county, a year outside 2000-2100, a last year ' +
      'before the first, duplicate group names, a negative target). A second campaign for the same county and year gets 409. ' +
      "It becomes the active year when it is the county's newest. Audited.",
    body: 'CampaignInput',
    reply: created(ref('CampaignInfo')),
    errors: [401, 403, 409, 422],
  },
  'POST /api/campaigns/{id}/rollover': {
    summary: '年度结转: roll the year over into the next one, which becomes active',
    roles: ['admin'],
    notes:
      'Every project not completed by 31 December carries over with its investmentSinceStart (as an opening balance), stage, ' +
      'unit, leaders, commissioner, levels/domain and open problems; the new year\'s plans start at 0 and are set in the console ' +
      'or by the ledger import (an annual-plan column). Inside a multi-year campaign the period and its targets carry on. ' +
      'The old year stays readable with ?campaign=<id> and takes its December reports until January\'s report deadline, ' +
      'then reports, imports and edits get 409. year must be the next year (422); a second rollover, or rolling over a year ' +
      'that is not the newest, gets 409; before 1 January of the next year, 409. domains/levels [{name, target}] set the new year\'s group targets (万元; others start without). Audited.',
    body: 'RolloverInput',
    reply: created(ref('RolloverResult')),
    errors: [401, 403, 404, 409, 422],
  },
};

export const campaignSchemas = {
  CampaignInfo: {
    type: 'object',
    properties: {
      id: int, county: { type: 'string' }, title: { type: 'string' }, year: int, firstYear: int, lastYear: int, active: { type: 'boolean' },
      rolledOver: { type: 'boolean', description: 'Rolled over into the next year (takes only its December reports until January\'s deadline)' },
    },
    required: ['id', 'county', 'title', 'year', 'firstYear', 'lastYear', 'active', 'rolledOver'],
  },
  RolloverInput: fromZod(rolloverInput, { year: 'The next year (the old year + 1)' }),
  RolloverResult: {
    allOf: [{ $ref: '#/components/schemas/CampaignInfo' }],
    type: 'object',
    properties: { carried: { ...int, description: 'Projects carried over' }, problems: { ...int, description: 'Open problems carried over' } },
  },
  CampaignInput: fromZod(campaignInput, {
    domains: '领域 (上犹: 工业, 农业 …) with the target for the year in 万元 (decimal number or string)',
    levels: '项目级别 (弋阳: 省重点, 省大中型 …) with the annual target in 万元',
    reportDeadlineDay: 'Day of the month by which last month\'s report is due (default 5)',
    units: '责任单位 to create now (the ledger import creates those it meets)',
    leaders: '县领导 {name, title, rank?}; the rank (分级调度) follows the title when not given',
    firstYear: 'A multi-year campaign\'s first year (上犹 2021-2023); groups may then carry periodTarget (万元) for the whole period',
  }),
};
