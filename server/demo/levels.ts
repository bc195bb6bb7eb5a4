// 项目级别 tags the plans use, by code. Projects carry the codes.
import type { Yuan } from '../../shared/money.js';
import type { Level } from '../../shared/types.js';

export const LEVEL_NAMES = {
  prov_key: '省重点',
  prov_major: '省大中型',
  linkage: '省市县三级联动',
  city_key: '市重点',
  county_key: '县重点',
  central_budget: '中央预算内',
  special_bond: '专项债',
  invest_5020: '“5020”招商',
} as const;

export type LevelCode = keyof typeof LEVEL_NAMES;

export function level(code: LevelCode, plannedCount: number | null = null, plannedAnnual: Yuan | null = null): Level {
  return { code, name: LEVEL_NAMES[code], plannedCount, plannedAnnual };
}
