// 上犹县 “项目大会战” 2021 (上府办发〔2021〕18号): six battlefields, 100亿 a year with per-domain targets.
import type { LedgerSeed } from '../domain/ledger.js';
import { assembleLedger, type ProfileSpec, type RowSpec } from './assemble.js';
import { SEASONS, splitWan, yi } from './build.js';
import { level, type LevelCode } from './levels.js';
import { demoProblemLedger } from './problems.js';
import { createRng } from './random.js';
import { SHANGYOU_PROBLEMS } from './shangyouProblems.js';
import { SHANGYOU_ROWS } from './shangyouProjects.js';

export const SHANGYOU_TODAY = '2021-09-20';
export const SHANGYOU_SEED = 2021;

/** The plan's targets, and the year's project plans, a little above each as counties schedule them. */
export const SHANGYOU_DOMAINS = [
  { code: 'industry', name: '工业', target: yi(50), planned: yi(51.2) },
  { code: 'agriculture', name: '农业', target: yi(4), planned: yi(4.15) },
  { code: 'services', name: '服务业', target: yi(13), planned: yi(13.6) },
  { code: 'infrastructure', name: '重大基础设施', target: yi(16), planned: yi(16.8) },
  { code: 'newinfra', name: '新基建', target: yi(6), planned: yi(6.3) },
  { code: 'public', name: '公共服务', target: yi(11), planned: yi(11.5) },
];

export const SHANGYOU_BOX = { lon: [114.01, 114.67] as [number, number], lat: [25.7, 26.17] as [number, number] };

/** Township (乡镇) centres [lon, lat], approximate (not surveyed), each inside the county's real outline (server/demo/maps). */
export const SHANGYOU_TOWNSHIPS: Record<string, [number, number]> = {
  东山镇: [114.54, 25.795],
  黄埠镇: [114.59, 25.81],
  陡水镇: [114.46, 25.81],
  社溪镇: [114.47, 25.935],
  营前镇: [114.22, 25.97],
  寺下镇: [114.545, 25.975],
  梅水乡: [114.43, 25.86],
  油石乡: [114.55, 25.91],
  安和乡: [114.505, 25.875],
  双溪乡: [114.44, 26.065],
  水岩乡: [114.48, 26.03],
  平富乡: [114.3, 25.955],
  五指峰乡: [114.1, 25.96],
  紫阳乡: [114.59, 25.98],
};

const LEADERS: ProfileSpec['leaders'] = [
  { name: '余业伟', title: '县委副书记、县长', rank: 'county_head' },
  { name: '周光仁', title: '县委常委、常务副县长', rank: 'executive_deputy' },
  { name: '卢丽君', title: '县委副书记、副县长', rank: 'deputy' },
  { name: '胡正福', title: '县委常委、副县长', rank: 'deputy' },
  { name: '刘道军', title: '副县长', rank: 'deputy' },
  { name: '卢杜林', title: '副县长', rank: 'deputy' },
  { name: '李高华', title: '副县长', rank: 'deputy' },
  { name: '刘干', title: '副县长', rank: 'deputy' },
];

const GOVERNMENT_BUILDERS = new Set(['县城投公司', '县水利局', '县住建局', '县城管局', '县卫健委', '县教科体局', '县民政局', '县自来水公司', '县交通运输局']);

export function shangyouDemo(opts: { seed?: number; today?: string } = {}): LedgerSeed {
  const seed = opts.seed ?? SHANGYOU_SEED;
  const rng = createRng(seed).fork('shangyou-annual');
  const annual = new Map<number, number>();
  for (const d of SHANGYOU_DOMAINS) {
    const members = SHANGYOU_ROWS.flatMap((r, i) => (r.domain === d.code ? [i] : []));
    const parts = splitWan(d.planned, members.map((i) => SHANGYOU_ROWS[i].weight * rng.float(0.85, 1.15)));
    members.forEach((i, k) => annual.set(i, parts[k]));
  }
  // Rank by size: the largest are 省大中型, the next 市重点; all are 县重点.
  const rank = new Map(
    [...annual.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i], k) => [i, k] as [number, number]),
  );
  const tags = rng.fork('tags');
  const rows: RowSpec[] = SHANGYOU_ROWS.map((r, i) => {
    const plan = annual.get(i) ?? 0;
    const levels: LevelCode[] = [];
    if ((rank.get(i) ?? 99) < 10) levels.push('prov_major');
    if (['new', 'quick'].includes(r.timeline) && tags.chance(0.7)) levels.push('linkage');
    if ((rank.get(i) ?? 99) < 28) levels.push('city_key');
    levels.push('county_key');
    if (['agriculture', 'infrastructure', 'public'].includes(r.domain) && tags.chance(0.35)) levels.push('central_budget');
    if (GOVERNMENT_BUILDERS.has(r.unit) && tags.chance(0.5)) levels.push('special_bond');
    if (r.domain === 'industry' && plan >= yi(1.5)) levels.push('invest_5020');
    return { ...r, annualPlan: plan, levels };
  });

  const today = opts.today ?? SHANGYOU_TODAY;
  const ledger = assembleLedger(
    {
      campaign: { county: '上犹县', year: 2021, firstYear: 2021, lastYear: 2023, title: '上犹县“项目大会战”' },
      codePrefix: 'SY2021',
      domains: SHANGYOU_DOMAINS.map(({ code, name, target }) => ({ code, name, target })),
      levels: (['prov_major', 'linkage', 'city_key', 'county_key', 'central_budget', 'special_bond', 'invest_5020'] as const).map((c) => level(c)),
      leaders: LEADERS,
      chargeLeaders: {
        industry: '胡正福',
        agriculture: '卢丽君',
        services: '刘道军',
        infrastructure: '卢杜林',
        newinfra: '李高华',
        public: '刘干',
      },
      // 双挂制: each leader links 1-3 selected major projects; the rest have only the 包干 leader.
      linking: { headCap: 2, perLeaderCap: 3, limit: 22 },
      serviceUnits: ['县发改委', '县行政审批局', '县自然资源局', '县住建局', '县生态环境局'],
      townships: SHANGYOU_TOWNSHIPS,
      box: SHANGYOU_BOX,
      season: SEASONS.normal,
      rows,
      laggingCount: 9,
      monthlyPlanShare: 0.7,
      reportedShare: 0.85,
    },
    { seed, today },
  );
  return { ...ledger, ...demoProblemLedger(ledger.projects, today, createRng(seed).fork('problems'), SHANGYOU_PROBLEMS) };
}
