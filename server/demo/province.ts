// A province-scale synthetic ledger (江西省, 2021) for the benchmark: same shape as the county demos, any size.
import type { LedgerSeed } from '../domain/ledger.js';
import { assembleLedger, type RowSpec } from './assemble.js';
import { SEASONS, sumOf, wan } from './build.js';
import { level, type LevelCode } from './levels.js';
import { distinctNames, type LeaderSpec } from './people.js';
import { createRng, type Rng } from './random.js';
import type { TimelineKind } from './timeline.js';

export const PROVINCE_TODAY = '2021-09-20';

// County-level places the projects sit in, [lon, lat].
const PLACES: Record<string, [number, number]> = {
  南昌县: [115.94, 28.55], 进贤县: [116.24, 28.38], 浮梁县: [117.22, 29.35], 湘东区: [113.73, 27.64],
  分宜县: [114.69, 27.81], 贵溪市: [117.24, 28.29], 南康区: [114.76, 25.66], 泰和县: [114.9, 26.79],
  宜丰县: [114.8, 28.39], 南城县: [116.64, 27.57], 玉山县: [118.24, 28.68], 弋阳县: [117.45, 28.4],
  上犹县: [114.545, 25.83], 瑞金市: [116.03, 25.89], 井冈山市: [114.29, 26.75], 婺源县: [117.86, 29.25],
  丰城市: [115.77, 28.16], 樟树市: [115.55, 28.06], 乐平市: [117.13, 28.96], 高安市: [115.38, 28.42],
  于都县: [115.41, 25.95], 宁都县: [116.01, 26.47], 修水县: [114.55, 29.03], 永修县: [115.81, 29.02],
  德兴市: [117.58, 28.95], 鄱阳县: [116.7, 29.0], 都昌县: [116.2, 29.27], 信丰县: [114.92, 25.39],
  龙南市: [114.79, 24.91], 万载县: [114.44, 28.11],
};
const BOX = { lon: [113.5, 118.5] as [number, number], lat: [24.5, 30.1] as [number, number] };

const DOMAINS: { code: string; name: string; share: number; units: string[]; products: string[] }[] = [
  { code: 'industry', name: '工业', share: 0.5, units: ['工信局', '工业园区管委会'], products: ['锂电池材料', '电子元器件', '玻纤制品', '稀土永磁材料', '智能装备', '食品加工', '生物医药', '新型建材', '有色金属精深加工', '汽车零部件'] },
  { code: 'agriculture', name: '农业', share: 0.04, units: ['农业农村局', '林业局'], products: ['高标准农田', '现代农业产业园', '脐橙基地', '茶叶基地', '生猪规模养殖场', '冷链物流设施', '油茶基地'] },
  { code: 'services', name: '服务业', share: 0.13, units: ['商务局', '文广新旅局'], products: ['城市综合体', '现代物流园', '全域旅游景区', '电商产业园', '康养度假区', '商贸城'] },
  { code: 'infrastructure', name: '重大基础设施', share: 0.16, units: ['交通运输局', '水利局', '城投公司', '供电公司'], products: ['国省道改建', '四好农村路', '防洪堤加固', '城乡供水一体化', '城区道路路网', '输变电工程', '大桥'] },
  { code: 'newinfra', name: '新基建', share: 0.06, units: ['工信局', '发改委'], products: ['5G网络', '大数据中心', '智慧城市', '充电桩网络', '工业互联网平台'] },
  { code: 'public', name: '公共服务', share: 0.11, units: ['卫健委', '教育局', '民政局'], products: ['人民医院综合楼', '中学新校区', '养老服务中心', '全民健身中心', '文化中心', '疾控中心'] },
];

const TIMELINES: [TimelineKind, number][] = [['cont', 32], ['finish', 18], ['slip', 4], ['new', 26], ['quick', 10], ['late', 5], ['future', 5]];

function pickWeighted<T>(items: readonly [T, number][], total: number, rng: Rng): T {
  let x = rng.float(0, total);
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

export function provinceLedger(opts: { projects: number; seed?: number; today?: string }): LedgerSeed {
  const seed = opts.seed ?? 36;
  const rng = createRng(seed).fork('province');
  const places = Object.keys(PLACES);
  const domainPick = DOMAINS.map((d) => [d, d.share] as [(typeof DOMAINS)[number], number]);
  const domainTotal = sumOf(DOMAINS.map((d) => d.share));
  const timelineTotal = sumOf(TIMELINES.map(([, w]) => w));
  const rows: RowSpec[] = Array.from({ length: opts.projects }, (_, i) => {
    const d = pickWeighted(domainPick, domainTotal, rng);
    const place = rng.pick(places);
    const product = rng.pick(d.products);
    // Log-uniform sizes: many small projects, a few very large ones (万元).
    const annualWan = Math.round(Math.exp(rng.float(Math.log(300), Math.log(80_000))));
    const levels: LevelCode[] = annualWan > 40_000 ? ['prov_major', 'city_key', 'county_key'] : annualWan > 10_000 ? ['city_key', 'county_key'] : ['county_key'];
    return {
      name: `${place}${product}项目（${i + 1}）`,
      domain: d.code,
      unit: `${place}${rng.pick(d.units)}`,
      township: place,
      timeline: pickWeighted(TIMELINES, timelineTotal, rng),
      annualPlan: wan(annualWan),
      levels,
      content: `建设${product}及配套设施。`,
    };
  });
  const plannedBy = (code: string) => sumOf(rows.filter((r) => r.domain === code).map((r) => r.annualPlan));
  const names = distinctNames(DOMAINS.length + 2, rng);
  const leaders: LeaderSpec[] = [
    { name: names[0], title: '省长', rank: 'county_head' },
    { name: names[1], title: '常务副省长', rank: 'executive_deputy' },
    ...DOMAINS.map((_, k) => ({ name: names[k + 2], title: '副省长', rank: 'deputy' as const })),
  ];

  return assembleLedger(
    {
      campaign: { county: '江西省', year: 2021, title: '江西省“项目大会战”' },
      codePrefix: 'JX2021',
      domains: DOMAINS.map((d) => ({ code: d.code, name: d.name, target: Math.floor(plannedBy(d.code) * 0.97 / wan(1)) * wan(1) })),
      levels: (['prov_major', 'city_key', 'county_key'] as const).map((c) => level(c)),
      leaders,
      chargeLeaders: Object.fromEntries(DOMAINS.map((d, k) => [d.code, leaders[k + 2].name])),
      linking: { headCap: 20, perLeaderCap: Number.MAX_SAFE_INTEGER, limit: Math.ceil(opts.projects / 10) },
      serviceUnits: ['省发改委', '省行政审批局'],
      townships: PLACES,
      box: BOX,
      season: SEASONS.normal,
      rows,
      laggingCount: Math.round(opts.projects / 10),
      monthlyPlanShare: 0.7,
      reportedShare: 0.65,
    },
    { seed, today: opts.today ?? PROVINCE_TODAY },
  );
}
