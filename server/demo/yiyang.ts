// 弋阳县 2020 “项目建设提速年” (弋府办字〔2020〕28号): 69 county key projects, 245.6亿 total, 84.9亿 this year.
import type { LedgerSeed } from '../domain/ledger.js';
import { assembleLedger, type ProfileSpec, type RowSpec } from './assemble.js';
import { SEASONS, splitWan, sumOf, wan, yi } from './build.js';
import { level, type LevelCode } from './levels.js';
import { demoProblemLedger } from './problems.js';
import { createRng } from './random.js';
import { YIYANG_PROBLEMS } from './yiyangProblems.js';
import { YIYANG_ROWS, type Cell } from './yiyangProjects.js';

export const YIYANG_TODAY = '2020-11-20';
export const YIYANG_SEED = 2020;

/**
 * The plan's level totals overlap (3 + 26.9 + 23.3 + 69.7 > 84.9): 省重点 ⊂ 省大中型 ⊂ 市重点, and
 * 三级联动 lies partly inside 市重点. Each cell is one overlap; its annual sum (万元) makes every tag exact.
 */
const CELLS: Record<Cell, { levels: LevelCode[]; annualWan: number }> = {
  A: { levels: ['prov_key', 'prov_major', 'city_key', 'county_key'], annualWan: 30_000 },
  B: { levels: ['prov_major', 'linkage', 'city_key', 'county_key'], annualWan: 90_000 },
  C: { levels: ['prov_major', 'city_key', 'county_key'], annualWan: 149_000 },
  D: { levels: ['linkage', 'city_key', 'county_key'], annualWan: 113_000 },
  E: { levels: ['city_key', 'county_key'], annualWan: 315_000 },
  F: { levels: ['linkage', 'county_key'], annualWan: 30_000 },
  G: { levels: ['county_key'], annualWan: 122_000 },
};

export const YIYANG_LEVELS = [
  level('prov_key', 1, yi(3)),
  level('prov_major', 11, yi(26.9)),
  level('linkage', 20, yi(23.3)),
  level('city_key', 30, yi(69.7)),
  level('county_key', 69, yi(84.9)),
];

export const YIYANG_BOX = { lon: [117.22, 117.63] as [number, number], lat: [28.06, 28.79] as [number, number] };

/** Township (乡镇) centres [lon, lat], approximate (not surveyed), each inside the county's real outline (server/demo/maps). */
export const YIYANG_TOWNSHIPS: Record<string, [number, number]> = {
  弋江镇: [117.417, 28.405],
  花亭街道: [117.423, 28.435],
  桃源街道: [117.447, 28.416],
  南岩镇: [117.444, 28.342],
  朱坑镇: [117.51, 28.39],
  圭峰镇: [117.343, 28.282],
  叠山镇: [117.447, 28.187],
  漆工镇: [117.526, 28.611],
  樟树墩镇: [117.453, 28.546],
  港口镇: [117.346, 28.183],
  曹溪镇: [117.308, 28.706],
  三县岭镇: [117.364, 28.651],
  清湖乡: [117.355, 28.39],
  葛溪乡: [117.463, 28.478],
  湾里乡: [117.383, 28.456],
  中畈乡: [117.349, 28.555],
  旭光乡: [117.438, 28.193],
};

const LEADERS: ProfileSpec['leaders'] = [
  { name: '陈敏', title: '县委副书记、县长', rank: 'county_head' },
  { name: '陈长开', title: '县委常委、常务副县长', rank: 'executive_deputy' },
  { name: '张海清', title: '副县长', rank: 'deputy' },
  { name: '张善冬', title: '副县长', rank: 'deputy' },
  { name: '李玮', title: '副县长、县公安局局长', rank: 'deputy' },
  { name: '黄旦辉', title: '副县长', rank: 'deputy' },
  { name: '丁立明', title: '副县长', rank: 'deputy' },
  { name: '李光裕', title: '县政府党组成员、龟峰管委会党工委书记', rank: 'other' },
];

const DOMAINS = [
  { code: 'industry', name: '工业', target: 0 },
  { code: 'agriculture', name: '农业', target: 0 },
  { code: 'services', name: '现代服务业', target: 0 },
  { code: 'infrastructure', name: '基础设施', target: 0 },
  { code: 'livelihood', name: '社会民生', target: 0 },
  { code: 'ecology', name: '节能环保', target: 0 },
];

export function yiyangDemo(opts: { seed?: number; today?: string } = {}): LedgerSeed {
  const seed = opts.seed ?? YIYANG_SEED;
  const rng = createRng(seed).fork('yiyang-annual');
  const annual = new Map<number, number>();
  for (const [cell, { annualWan }] of Object.entries(CELLS)) {
    const members = YIYANG_ROWS.flatMap((r, i) => (r.cell === cell ? [i] : []));
    const parts = splitWan(wan(annualWan), members.map((i) => YIYANG_ROWS[i].weight * rng.float(0.85, 1.15)));
    members.forEach((i, k) => annual.set(i, parts[k]));
  }
  const rows: RowSpec[] = YIYANG_ROWS.map((r, i) => ({ ...r, annualPlan: annual.get(i) ?? 0, levels: [...CELLS[r.cell].levels] }));
  if (sumOf(rows.map((r) => r.annualPlan)) !== yi(84.9)) throw new Error('弋阳 annual plans do not add up');

  const today = opts.today ?? YIYANG_TODAY;
  const ledger = assembleLedger(
    {
      campaign: { county: '弋阳县', year: 2020, title: '弋阳县“项目建设提速年”' },
      codePrefix: 'YY2020',
      domains: DOMAINS,
      levels: YIYANG_LEVELS,
      leaders: LEADERS,
      chargeLeaders: {
        industry: '张善冬',
        agriculture: '丁立明',
        services: '黄旦辉',
        infrastructure: '陈长开',
        livelihood: '张海清',
        ecology: '李玮',
      },
      linking: { headCap: 4, perLeaderCap: 10, limit: rows.length },
      serviceUnits: ['县发改委', '县行政服务中心', '县自然资源局', '县住建局', '县生态环境局'],
      townships: YIYANG_TOWNSHIPS,
      box: YIYANG_BOX,
      season: SEASONS.epidemic,
      rows,
      grandTotal: yi(245.6),
      laggingCount: 8,
      monthlyPlanShare: 0.7,
      reportedShare: 0.85,
    },
    { seed, today },
  );
  const ledgerOfProblems = demoProblemLedger(ledger.projects, today, createRng(seed).fork('problems'), YIYANG_PROBLEMS);
  return { ...ledger, ...ledgerOfProblems };
}
