// 形象进度 texts as units write them, by kind of works and how far along the project is.
import type { Rng } from './random.js';

export type WorksKind =
  | 'building'
  | 'factory'
  | 'road'
  | 'bridge'
  | 'tunnel'
  | 'grid'
  | 'farmland'
  | 'pipeline'
  | 'water'
  | 'remediation'
  | 'digital'
  | 'park';

// Phases in order; {pct} {floor} {n} {km} {mu} are filled from the position inside the phase.
const PHASES: Record<WorksKind, string[]> = {
  building: [
    '完成场地平整及“三通一平”',
    '完成土方开挖{pct}%',
    '基础及桩基施工，完成桩基{n}根',
    '主体结构施工至第{floor}层',
    '主体结构封顶，砌体工程完成{pct}%',
    '内外墙装饰装修施工，完成{pct}%',
    '水电安装及室外配套工程施工',
    '消防、绿化等附属工程施工，准备竣工验收',
  ],
  factory: [
    '完成场地平整及“三通一平”',
    '厂房基础施工，完成{pct}%',
    '钢结构厂房主体施工，完成{pct}%',
    '厂房封顶，屋面及墙面围护施工',
    '设备采购及进场，完成{pct}%',
    '设备安装调试',
    '生产线联动试车',
  ],
  road: [
    '完成征地拆迁{pct}%',
    '路基土石方施工，完成{pct}%',
    '涵洞及排水工程施工，完成{pct}%',
    '路面基层施工，完成{km}公里',
    '沥青路面铺设，完成{km}公里',
    '交通安全设施及绿化施工',
  ],
  bridge: [
    '施工便道及围堰施工',
    '桩基施工，完成{n}根',
    '承台及墩身施工，完成{pct}%',
    '主梁预制及架设，完成{pct}%',
    '桥面系及附属工程施工',
  ],
  tunnel: [
    '管线迁改及交通导改',
    '围护桩施工，完成{pct}%',
    '基坑开挖及支护，完成{pct}%',
    '主体结构浇筑，完成{pct}%',
    '防水层及路面施工',
    '照明及附属设施安装',
  ],
  grid: [
    '完成站址征地及“三通一平”',
    '站内土建施工，完成{pct}%',
    '主控楼主体施工',
    '电气设备安装，完成{pct}%',
    '线路架设，完成铁塔组立{n}基',
    '设备调试，准备投运',
  ],
  farmland: [
    '完成项目区规划设计及招投标',
    '土地平整完成{mu}亩',
    '灌溉沟渠建设完成{km}公里',
    '田间道路建设完成{km}公里',
    '土壤改良及配套设施建设',
    '扫尾工程及验收准备',
  ],
  pipeline: [
    '完成管网线路勘测及施工招标',
    '管网铺设完成{km}公里',
    '处理站土建施工，完成{pct}%',
    '设备安装调试',
    '管网接驳及试运行',
  ],
  water: [
    '完成施工图设计及施工招标',
    '基础开挖及清淤，完成{pct}%',
    '堤身填筑及护岸施工，完成{pct}%',
    '泵站及水工建筑物施工，完成{pct}%',
    '附属设施及绿化施工',
  ],
  remediation: [
    '完成场地调查及治理方案评审',
    '污染土壤清挖，完成{pct}%',
    '修复处理施工，完成{pct}%',
    '边坡治理及植被恢复，完成{pct}%',
    '治理效果评估及验收准备',
  ],
  digital: [
    '完成方案设计及设备招标',
    '机房及配套基础设施建设，完成{pct}%',
    '站点及感知设备部署，完成{n}个',
    '平台软件开发及系统集成',
    '系统联调及试运行',
  ],
  park: [
    '完成规划设计及施工招标',
    '基础设施配套建设，完成{pct}%',
    '主体项目建设，完成{pct}%',
    '景观及配套设施施工',
    '扫尾工程及运营准备',
  ],
};

// First match wins, so the narrower keywords come first.
const KEYWORDS: [RegExp, WorksKind][] = [
  [/隧道|下穿/, 'tunnel'],
  [/大桥|桥/, 'bridge'],
  [/KV|千伏|变电|电网|输配电/i, 'grid'],
  [/污水|管网|供水|水厂|雨污|海绵/, 'pipeline'],
  [/堤|防洪|水库|河道/, 'water'],
  [/厂|生产线|生产基地|建材|构件|年产|技改|技术改造|制造|加工|材料|元器件|电路板|模组|零部件|食品|回收|产业新城/, 'factory'],
  [/5G|数据中心|物联网|智慧|互联网|充电|北斗|城市大脑/, 'digital'],
  [/农田|灌区|灌溉/, 'farmland'],
  [/土壤|修复|矿山|治理|飞灰|生态/, 'remediation'],
  [/公路|道路|路网|高速|国道|省道|沪瑞|农村路/, 'road'],
  [/农业|示范园|乡村|基地|景区|旅游|茶|果|养殖|林|花海/, 'park'],
];

export function guessKind(name: string): WorksKind {
  for (const [re, kind] of KEYWORDS) if (re.test(name)) return kind;
  return 'building';
}

/** The progress line for a project `fraction` (0..1) of the way from start to planned completion. */
export function progressText(kind: WorksKind, fraction: number, rng: Rng): string {
  const phases = PHASES[kind];
  const position = Math.min(Math.max(fraction, 0), 0.999) * phases.length;
  const phase = phases[Math.floor(position)];
  if (!phase.includes('{')) return phase;
  const local = position - Math.floor(position);
  return phase.replace(PLACEHOLDER, (_, name: string) => fill(name, local, rng));
}

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(name: string, local: number, rng: Rng): string {
  switch (name) {
    case 'pct':
      return String(Math.max(10, Math.ceil(local * 9) * 10));
    case 'floor':
      return String(2 + Math.floor(local * 15));
    case 'km':
      return (1 + local * 9 + rng.float(0, 1)).toFixed(1);
    case 'mu':
      return String(rng.int(5, 50) * 100);
    default:
      return String(rng.int(2, 20) * 10);
  }
}

export function startText(kind: WorksKind, rng: Rng): string {
  return `项目开工，${progressText(kind, 0, rng)}`;
}

export function completionText(kind: WorksKind): string {
  return kind === 'factory' ? '项目竣工，生产线投产' : kind === 'grid' ? '工程竣工，投入运行' : '项目竣工验收';
}
