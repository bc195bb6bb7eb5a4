// County leaders linked to projects (挂点 / 包干) and invented service commissioners (服务专员).
import type { LeaderRank } from '../../shared/types.js';
import type { Rng } from './random.js';

export interface LeaderSpec {
  name: string;
  title: string;
  rank: LeaderRank;
}

const SURNAMES = '王李张刘陈杨黄吴周徐孙朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭余方汪程叶邵熊江钟赖廖温'.split('');
const GIVEN = [
  '建华', '志强', '海峰', '丽萍', '文斌', '晓东', '春生', '国平', '小军', '明辉', '俊杰', '红梅', '卫东', '永福',
  '金水', '宏伟', '艳芳', '伟民', '振华', '秋生', '斌', '磊', '勇', '婷', '敏', '鹏', '芳', '涛', '慧', '军',
  '小燕', '志刚', '华清', '水根', '冬梅', '新民', '立新', '运来', '玉兰', '家旺',
];

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** `n` distinct names (leaders' names are unique in the store). */
export function distinctNames(n: number, rng: Rng): string[] {
  const names = new Set<string>();
  while (names.size < n) names.add(personName(rng));
  return [...names];
}

/** 服务专员: a cadre of the responsible unit or of the approval side, written "姓名（单位）". */
export function commissioner(unit: string, rng: Rng, serviceUnits: readonly string[]): string {
  const from = rng.chance(0.6) ? unit : rng.pick(serviceUnits);
  return `${personName(rng)}（${from}）`;
}

/**
 * 一对一挂点: the largest projects are spread evenly over the leaders, the county head taking only a
 * few. `limit` leaves the smaller projects without one (上犹 links 1-3 projects per leader).
 * `fixed` pins projects (by index) to a leader, e.g. 龟峰 projects to the 龟峰 leader.
 */
export function linkLeaders(
  annualPlans: readonly number[],
  leaders: readonly LeaderSpec[],
  opts: { headCap: number; perLeaderCap: number; limit: number; fixed?: Map<number, string> },
): (string | null)[] {
  const out: (string | null)[] = annualPlans.map(() => null);
  const load = new Map(leaders.map((l) => [l.name, 0]));
  for (const [i, name] of opts.fixed ?? []) {
    out[i] = name;
    load.set(name, (load.get(name) ?? 0) + 1);
  }
  const cap = (l: LeaderSpec) => (l.rank === 'county_head' ? opts.headCap : opts.perLeaderCap);
  const bySize = annualPlans.map((a, i) => ({ a, i })).sort((x, y) => y.a - x.a || x.i - y.i);
  let linked = out.filter(Boolean).length;
  for (const { i } of bySize) {
    if (out[i] !== null || linked >= opts.limit) continue;
    // The least-loaded leader with room takes the next largest project.
    let best: LeaderSpec | null = null;
    for (const l of leaders) {
      const n = load.get(l.name) ?? 0;
      if (n < cap(l) && (best === null || n < (load.get(best.name) ?? 0))) best = l;
    }
    if (!best) break;
    out[i] = best.name;
    load.set(best.name, (load.get(best.name) ?? 0) + 1);
    linked++;
  }
  return out;
}
