// The set-up form of a campaign year (开始使用：新建年度台账): its state, the presets from the two
// seed counties, and the request body it makes.
import type { CampaignInputRaw } from '../../../../shared/campaigns.js';

export type Grouping = 'domains' | 'levels' | 'both';

export interface GroupRow {
  name: string;
  /** 万元 as typed; empty for none. */
  target: string;
  /** A multi-year campaign's target for the whole period, 万元 as typed. */
  periodTarget?: string;
}

export interface CampaignForm {
  county: string;
  title: string;
  firstYear: number;
  lastYear: number;
  year: number;
  grouping: Grouping;
  domains: GroupRow[];
  levels: GroupRow[];
  reportDeadlineDay: number;
  /** One unit per line. */
  units: string;
  /** One leader per line: 姓名 职务 (or 姓名（职务）). */
  leaders: string;
}

export const TITLES = ['项目建设提速年', '项目大会战', '项目建设年'];

/** 上犹's six domains (附件1). */
export const SHANGYOU_DOMAINS: GroupRow[] = ['工业', '农业', '服务业', '重大基础设施', '新基建', '公共服务'].map((name) => ({ name, target: '' }));

/** 弋阳's project levels. */
export const YIYANG_LEVELS: GroupRow[] = ['省重点', '省大中型', '省市县三级联动', '市重点', '县重点'].map((name) => ({ name, target: '' }));

export function blankForm(year: number): CampaignForm {
  return {
    county: '', title: TITLES[0], firstYear: year, lastYear: year, year, grouping: 'domains',
    domains: SHANGYOU_DOMAINS.map((d) => ({ ...d })), levels: YIYANG_LEVELS.map((l) => ({ ...l })), reportDeadlineDay: 5, units: '', leaders: '',
  };
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** 张三 常务副县长 / 张三（常务副县长） → name and title. */
export function parseLeaderLine(line: string): { name: string; title: string } {
  const m = line.match(/^(.+?)\s*[(（]\s*(.+?)\s*[)）]$/) ?? line.match(/^(\S+)\s+(\S.*)$/);
  return m ? { name: m[1], title: m[2] } : { name: line, title: '县领导' };
}

const groups = (rows: GroupRow[], multiYear: boolean) =>
  rows
    .filter((r) => r.name.trim() || r.target.trim() || r.periodTarget?.trim())
    .map((r) => ({
      name: r.name.trim(),
      ...(r.target.trim() && { target: r.target.trim() }),
      ...(multiYear && r.periodTarget?.trim() && { periodTarget: r.periodTarget.trim() }),
    }));

export function campaignBody(f: CampaignForm): CampaignInputRaw {
  const units = lines(f.units);
  const leaders = lines(f.leaders).map(parseLeaderLine);
  return {
    county: f.county.trim(),
    title: f.title.trim(),
    year: f.year,
    firstYear: f.firstYear,
    lastYear: f.lastYear,
    domains: f.grouping === 'levels' ? [] : groups(f.domains, f.lastYear > f.firstYear),
    levels: f.grouping === 'domains' ? [] : groups(f.levels, f.lastYear > f.firstYear),
    reportDeadlineDay: f.reportDeadlineDay,
    ...(units.length && { units }),
    ...(leaders.length && { leaders }),
  };
}
