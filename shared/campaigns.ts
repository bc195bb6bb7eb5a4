// Campaign years (年度台账): the list the console and API clients read, and the input that creates one.
import { z } from 'zod';
import type { LeaderRank } from './types.js';
import { wanAmount } from './schemas.js';

/** One campaign year as `GET /api/campaigns` lists it. */
export interface CampaignInfo {
  id: number;
  county: string;
  title: string;
  year: number;
  /** The campaign's whole period (上犹 2021-2023); both equal `year` for a one-year campaign. */
  firstYear: number;
  lastYear: number;
  /** The year every endpoint works on unless `?campaign=<id>` asks for another. */
  active: boolean;
  /** Rolled over into the next year (年度结转): it takes only its December reports until January's deadline. */
  rolledOver: boolean;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const year = (label: string) =>
  z
    .number({ error: `${label}须为${MIN_YEAR}-${MAX_YEAR}之间的年份` })
    .int(`${label}须为整数年份`)
    .min(MIN_YEAR, `${label}须在${MIN_YEAR}-${MAX_YEAR}之间`)
    .max(MAX_YEAR, `${label}须在${MIN_YEAR}-${MAX_YEAR}之间`);

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);

/** A 领域 or 级别 with its target for the year in 万元 (optional). */
const group = (label: string) =>
  z.object({
    name: text(`${label}名称`, 32),
    target: wanAmount(`${label}目标`).refine((y) => y >= 0, `${label}目标不能为负数`).nullish(),
    /** A multi-year campaign's target for its whole period (上犹 工业50亿 over 2021-2023). */
    periodTarget: wanAmount(`${label}周期目标`).refine((y) => y >= 0, `${label}周期目标不能为负数`).nullish(),
  });

const LEADER_RANKS = ['county_head', 'executive_deputy', 'deputy', 'other'] as const satisfies readonly LeaderRank[];

/** Names repeated in a list → the first repeat's index, for a field error on it. */
function firstRepeat(names: string[]): number {
  const seen = new Set<string>();
  return names.findIndex((n) => (seen.has(n) ? true : (seen.add(n), false)));
}

function uniqueNames<T>(list: T[] | undefined, name: (t: T) => string, label: string, path: string, ctx: z.RefinementCtx) {
  if (!list) return;
  const i = firstRepeat(list.map(name));
  if (i >= 0) ctx.addIssue({ code: 'custom', message: `${label}「${name(list[i])}」重复`, path: [path, i, ...(path === 'units' ? [] : ['name'])] });
}

export const campaignInput = z
  .object({
    county: text('县（市、区）名称', 32),
    title: text('活动名称（如 项目建设提速年）', 64),
    year: year('年度'),
    firstYear: year('起始年度').optional(),
    lastYear: year('结束年度').optional(),
    domains: z.array(group('领域'), { error: '领域须为列表' }).max(30, '领域不超过30个').optional(),
    levels: z.array(group('项目级别'), { error: '项目级别须为列表' }).max(30, '项目级别不超过30个').optional(),
    reportDeadlineDay: z
      .number({ error: '月报截止日须为1-28之间的整数' })
      .int('月报截止日须为整数')
      .min(1, '月报截止日须在1-28日之间')
      .max(28, '月报截止日须在1-28日之间')
      .optional(),
    units: z.array(text('单位名称', 64), { error: '责任单位须为列表' }).max(500, '责任单位不超过500个').optional(),
    leaders: z
      .array(z.object({ name: text('领导姓名', 16), title: text('领导职务', 32), rank: z.enum(LEADER_RANKS, { error: '领导级别不正确' }).optional() }), {
        error: '县领导须为列表',
      })
      .max(100, '县领导不超过100人')
      .optional(),
  })
  .superRefine((c, ctx) => {
    const first = c.firstYear ?? c.year;
    const last = c.lastYear ?? c.year;
    if (last < first) ctx.addIssue({ code: 'custom', message: '结束年度不能早于起始年度', path: ['lastYear'] });
    else if (c.year < first || c.year > last) ctx.addIssue({ code: 'custom', message: `年度须在${first}-${last}之间`, path: ['year'] });
    else if (last - first > 9) ctx.addIssue({ code: 'custom', message: '一个活动周期不超过10年', path: ['lastYear'] });
    uniqueNames(c.domains, (d) => d.name, '领域', 'domains', ctx);
    uniqueNames(c.levels, (l) => l.name, '项目级别', 'levels', ctx);
    uniqueNames(c.units, (u) => u, '责任单位', 'units', ctx);
    uniqueNames(c.leaders, (l) => l.name, '县领导', 'leaders', ctx);
  });

export type CampaignInput = z.output<typeof campaignInput>;
export type CampaignInputRaw = z.input<typeof campaignInput>;

/** 年度结转: the next year, into which the unfinished projects carry over. */
export const rolloverInput = z.object({
  year: z.number({ error: '请填写结转到的年度' }).int('结转年度须为整数').min(MIN_YEAR, `结转年度须在${MIN_YEAR}-${MAX_YEAR}之间`).max(MAX_YEAR, `结转年度须在${MIN_YEAR}-${MAX_YEAR}之间`),
  /** The new year's targets per group name (万元); groups not named start without one. */
  domains: z.array(group('领域'), { error: '领域须为列表' }).max(30, '领域不超过30个').optional(),
  levels: z.array(group('项目级别'), { error: '项目级别须为列表' }).max(30, '项目级别不超过30个').optional(),
});
