// campaigns.ts (/api/campaigns): campaign years (年度台账).
import { campaignInput } from '../../../shared/campaigns.js';
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
};

export const campaignSchemas = {
  CampaignInfo: {
    type: 'object',
    properties: { id: int, county: { type: 'string' }, title: { type: 'string' }, year: int, firstYear: int, lastYear: int, active: { type: 'boolean' } },
    required: ['id', 'county', 'title', 'year', 'firstYear', 'lastYear', 'active'],
  },
  CampaignInput: fromZod(campaignInput, {
    domains: '领域 (上犹: 工业, 农业 …) with the target for the year in 万元 (decimal number or string)',
    levels: '项目级别 (弋阳: 省重点, 省大中型 …) with the annual target in 万元',
    reportDeadlineDay: 'Day of the month by which last month\'s report is due (default 5)',
    units: '责任单位 to create now (the ledger import creates those it meets)',
    leaders: '县领导 {name, title, rank?}; the rank (分级调度) follows the title when not given',
  }),
};
