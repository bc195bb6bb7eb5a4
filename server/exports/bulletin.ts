// 月通报 as a .docx in 公文 format: the county picture, domains and levels, the 比赶超 ranking,
// lagging projects and problem coordination.
import type { FileChild } from 'docx';
import type { GroupFigures } from '../../shared/snapshot.js';
import { SEVERITY_LABELS } from '../../shared/types.js';
import { countChangeText, growthText } from '../../shared/yearTurn.js';
import { chineseDate, chineseDateIn, chineseMonth, monthsToDate, percentText, pointsText, RANK_COMPONENTS, scoreText, wanText, weightShares, yiText } from './format.js';
import { body, caption, closing, dateline, gap, heading, officeMark, packGongwen, redRule, table, title, type Column } from './gongwen.js';
import type { BulletinDoc } from './types.js';

export function buildBulletinDocx(doc: BulletinDoc): Promise<Buffer> {
  return packGongwen(doc.title, [
    officeMark(doc.issuingOffice),
    redRule(),
    title(doc.title),
    dateline(`（${chineseDate(doc.issuedOn)}）`),
    heading('一、总体情况'),
    ...overall(doc).map((text) => body(text)),
    heading('二、分领域情况'),
    ...groups(doc),
    heading('三、单位比赶超排名'),
    ...ranking(doc),
    heading('四、滞后项目'),
    ...lagging(doc),
    heading('五、问题协调情况'),
    ...problems(doc),
    ...closing(CLOSING, doc.issuingOffice, chineseDate(doc.issuedOn)),
  ]);
}

const CLOSING = '请各责任单位对照本通报，查找差距、比学赶超，对滞后项目和未销号问题逐项落实整改措施，确保重点项目建设按序时进度推进。';

/** "低于序时进度（50.0%）4.7个百分点" and its siblings. */
export function versusSchedule(rate: number, share: number): string {
  const points = pointsText(rate, share);
  if (points === '0.0') return `与序时进度（${percentText(share)}）持平`;
  return `${rate > share ? '超' : '低于'}序时进度（${percentText(share)}）${points}个百分点`;
}

/** 「（同比增长11.5%）」 after a figure, or nothing without the previous year's. */
const inParens = (text: string) => (text ? `（${text}）` : '');

function overall(doc: BulletinDoc): string[] {
  const t = doc.totals;
  const prior = doc.priorYear;
  const paragraphs = [
    `${doc.year}年全县共安排重点项目${t.projects}个，总投资${yiText(t.totalInvestment)}亿元，年度计划投资${yiText(t.annualPlan)}亿元。` +
      `${monthsToDate(doc.month)}累计完成投资${yiText(t.completed)}亿元${prior ? inParens(growthText(t.completed, prior.completed)) : ''}，占年度计划的${percentText(t.completionRate)}，` +
      `${versusSchedule(t.completionRate, doc.scheduleShare)}；完成/序时为${percentText(t.scheduleRate)}。`,
  ];
  const counts: string[] = [];
  const started = prior ? inParens(countChangeText(t.started, prior.started)) : '';
  const completed = prior ? inParens(countChangeText(t.completedProjects, prior.completedProjects)) : '';
  if (t.startPlanned) counts.push(`计划新开工项目${t.startPlanned}个，已开工${t.started}个${started}，开工率${percentText(t.startRate)}`);
  if (t.completionPlanned) {
    counts.push(`计划竣工项目${t.completionPlanned}个，已竣工${t.completedProjects}个${completed}，竣工率${percentText(t.completionProjectRate)}`);
  }
  counts.push(t.laggingCount ? `进度滞后项目${t.laggingCount}个` : '无进度滞后项目');
  paragraphs.push(`${counts.join('；')}。`);
  return paragraphs;
}

// 年度目标 is a column only where some group of the table has one (a column of dashes says nothing).
const groupColumns = (name: string, withTarget: boolean): Column[] => [
  { header: name, width: withTarget ? 13 : 25.5 },
  { header: '项目数\n(个)', width: 8 },
  ...(withTarget ? [{ header: '年度目标\n(万元)', width: 12.5, align: 'right' } as Column] : []),
  { header: '年度计划\n(万元)', width: 12.5, align: 'right' },
  { header: '累计完成\n(万元)', width: 12.5, align: 'right' },
  { header: '完成率', width: 8 },
  { header: '完成/\n序时', width: 10 },
  { header: '滞后项目\n(个)', width: 10 },
];

type GroupLine = Pick<GroupFigures, 'name' | 'projects' | 'target' | 'annualPlan' | 'completed' | 'completionRate' | 'scheduleRate' | 'laggingCount'>;

const hasTarget = (groups: readonly GroupLine[]) => groups.some((g) => g.target !== null);

function groupRow(g: GroupLine, withTarget: boolean): string[] {
  return [
    g.name,
    String(g.projects),
    ...(withTarget ? [g.target === null ? '—' : wanText(g.target)] : []),
    wanText(g.annualPlan),
    wanText(g.completed),
    percentText(g.completionRate),
    percentText(g.scheduleRate),
    String(g.laggingCount),
  ];
}

function groups(doc: BulletinDoc): FileChild[] {
  const shown = [doc.byDomain.length ? ['各领域', '表1'] : null, doc.byLevel.length ? ['各层级', '表2'] : null].filter((x) => x !== null);
  const out: FileChild[] = shown.length
    ? [body(`${shown.map((x) => x[0]).join('、')}项目投资完成情况见${shown.map((x) => x[1]).join('、')}。`)]
    : [];
  if (doc.byDomain.length) {
    const targets = doc.byDomain.filter((d) => d.target !== null).map((d) => d.target!);
    const total = { ...doc.totals, name: '合计', target: targets.length ? targets.reduce((a, b) => a + b, 0) : null };
    const withTarget = hasTarget(doc.byDomain);
    out.push(caption('表1  分领域投资完成情况'), table(groupColumns('领域', withTarget), [...doc.byDomain.map((g) => groupRow(g, withTarget)), groupRow(total, withTarget)]), gap());
  } else out.push(body('本月无分领域数据。'));
  if (doc.byLevel.length) {
    const withTarget = hasTarget(doc.byLevel);
    out.push(caption('表2  分层级投资完成情况'), table(groupColumns('级别', withTarget), doc.byLevel.map((g) => groupRow(g, withTarget))), gap());
  }
  else out.push(body('本月无分层级数据。'));
  return out;
}

const RANK_COLUMNS: Column[] = [
  { header: '排名', width: 6 },
  { header: '责任单位', width: 20, align: 'left' },
  { header: '项目数\n(个)', width: 8 },
  ...RANK_COMPONENTS.map((c) => ({ header: `${c.label.slice(0, 2)}\n${c.label.slice(2)}`, width: 8 })),
  { header: '综合\n得分', width: 8 },
];

function ranking(doc: BulletinDoc): FileChild[] {
  const shares = weightShares(doc.weights).map((w) => `${w.label}${w.share}%`).join('、');
  const basis = `综合得分按${RANK_COMPONENTS.map((c) => c.label).join('、')}五项得分（各项满分100分）加权计算，权重为${shares}。`;
  if (!doc.ranking.length) return [body(basis), body('本月暂无单位排名数据。')];
  const top = doc.ranking.slice(0, 3).map((r) => r.unit).join('、');
  const last = doc.ranking.length > 3 ? `；排名末位的是${doc.ranking[doc.ranking.length - 1].unit}` : '';
  const rows = doc.ranking.map((r) => {
    const c = r.components;
    return [String(r.rank), r.unit, String(r.projects), ...RANK_COMPONENTS.map((k) => scoreText(c[k.key])), scoreText(r.score)];
  });
  return [body(`${basis}本月排名前列的单位是${top}${last}。`), caption('表3  责任单位比赶超排名'), table(RANK_COLUMNS, rows), gap()];
}

const LAG_COLUMNS: Column[] = [
  { header: '序号', width: 5.6 },
  { header: '项目名称', width: 15, align: 'left' },
  { header: '责任单位', width: 11, align: 'left' },
  { header: '年度计划\n(万元)', width: 10, align: 'right' },
  { header: '累计完成\n(万元)', width: 10, align: 'right' },
  { header: '完成率', width: 7 },
  { header: '序时\n进度', width: 7 },
  { header: '预警\n等级', width: 5.6 },
  { header: '滞后原因', width: 17, align: 'left' },
];

function lagging(doc: BulletinDoc): FileChild[] {
  if (!doc.lagging.length) return [body('本月无滞后项目。')];
  const shown = doc.lagging.length < doc.totals.laggingCount ? `，下表列出滞后最严重的${doc.lagging.length}个` : '';
  const rows = doc.lagging.map((p, i) => [
    String(i + 1),
    p.leader ? `${p.name}\n挂点：${p.leader}` : p.name,
    p.unit,
    wanText(p.annualPlan),
    wanText(p.completed),
    percentText(p.completionRate),
    percentText(p.scheduleShare),
    SEVERITY_LABELS[p.severity],
    p.reasons.map((r) => r.text).join('；'),
  ]);
  return [
    body(`截至${chineseMonth(doc.month)}底，全县共有${doc.totals.laggingCount}个项目进度滞后${shown}。请相关责任单位和挂点领导对照滞后原因，加快推进。`),
    caption('表4  进度滞后项目'),
    table(LAG_COLUMNS, rows, { small: true }),
    gap(),
  ];
}

const CATEGORY_COLUMNS: Column[] = [
  { header: '问题类别', width: 10 },
  { header: '未销号(个)', width: 8 },
  { header: '已销号(个)', width: 8 },
];

const ITEM_COLUMNS: Column[] = [
  { header: '序号', width: 5.6 },
  { header: '项目名称', width: 15, align: 'left' },
  { header: '责任单位', width: 11, align: 'left' },
  { header: '问题\n类别', width: 9 },
  { header: '问题描述', width: 27.5, align: 'left' },
  { header: '提出日期', width: 10.5 },
  { header: '期望解决\n日期', width: 10.5 },
];

function problems(doc: BulletinDoc): FileChild[] {
  const p = doc.problems;
  const month = chineseMonth(doc.month);
  const pending = p.resolved ? `（含已解决待销号${p.resolved}个）` : '';
  const flagged = p.flagged ? `，经过两次会议仍未落实${p.flagged}个` : '';
  const standing = p.open ? `尚有未销号问题${p.open}个${pending}，其中逾期${p.overdue}个${flagged}` : '无未销号问题';
  const out: FileChild[] = [body(`截至${month}底，全县重点项目${standing}；${month}共销号问题${p.closedThisMonth}个。`)];
  if (p.byCategory.length) {
    out.push(caption('表5  问题分类协调情况'), table(CATEGORY_COLUMNS, p.byCategory.map((c) => [c.category, String(c.open), String(c.resolved)]), { share: 0.6 }), gap());
  } else out.push(body('本年度尚无报送县级协调的问题。'));
  if (!p.items.length) return out;
  const rows = p.items.map((item, i) => [
    String(i + 1),
    item.project,
    item.unit,
    item.category,
    item.askedOf ? `${item.description}（需协调：${item.askedOf}）` : item.description,
    chineseDateIn(item.createdAt.slice(0, 10), doc.year),
    item.dueOn ? chineseDateIn(item.dueOn, doc.year) : '—',
  ]);
  return [...out, caption('表6  未销号问题清单'), table(ITEM_COLUMNS, rows, { small: true }), gap()];
}
