import type { LeaderRank } from '../../shared/types.js';

/** 分级调度 rank from a leader's title: 县长 → county_head, 常务副县长 → executive_deputy, 副县长 → deputy. */
export function rankOfTitle(title: string): LeaderRank {
  if (/常务副(县|区|市)长/.test(title)) return 'executive_deputy';
  if (/副(县|区|市)长/.test(title)) return 'deputy';
  if (/^(县|区|市)长$/.test(title)) return 'county_head';
  return 'other';
}
