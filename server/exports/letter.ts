// 预警提示函 / 督办函 to one unit as a .docx in 公文 format.
import { yearOf } from '../../shared/dates.js';
import { chineseDate, chineseMonth, percentText, wanText } from './format.js';
import { body, closing, docNumberWithRule, gap, officeMark, packGongwen, plain, table, title, type Column } from './gongwen.js';
import type { LetterDoc, LetterProject } from '../../shared/letters.js';

// Relative widths, chosen so "12,345.68" and "100.0%" stay on one line in 五号.
const COLUMNS: Column[] = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 15.5, align: 'left' },
  { header: '挂点\n领导', width: 8 },
  { header: '年度计划\n(万元)', width: 11, align: 'right' },
  { header: '累计完成\n(万元)', width: 11, align: 'right' },
  { header: '完成率', width: 8 },
  { header: '序时\n进度', width: 8 },
  { header: '滞后原因', width: 21, align: 'left' },
];

export function buildLetterDocx(doc: LetterDoc): Promise<Buffer> {
  const asOf = `截至${yearOf(doc.month)}年${chineseMonth(doc.month)}底`;
  const count = doc.projects.length;
  const projects = count ? [table(COLUMNS, doc.projects.map(projectRow)), gap()] : [];
  return packGongwen(doc.title, [
    officeMark(doc.issuingOffice),
    docNumberWithRule(doc.docNumber),
    title(doc.title),
    plain(`${doc.addressee}：`),
    ...(doc.kind === 'supervision' ? supervisionOpening(doc, asOf, count) : warningOpening(doc, asOf, count)).map((text) => body(text)),
    ...projects,
    ...(doc.kind === 'supervision' ? supervisionRequirements(doc) : warningRequirements(doc)).map((text) => body(text)),
    ...closing(doc.kind === 'supervision' ? '特此督办。' : '特此函告。', doc.issuingOffice, chineseDate(doc.issuedOn)),
  ]);
}

function projectRow(p: LetterProject, i: number): string[] {
  return [
    String(i + 1),
    p.name,
    p.leader ?? '—',
    wanText(p.annualPlan),
    wanText(p.completed),
    percentText(p.completionRate),
    percentText(p.scheduleShare),
    p.reasons.join('；') || '—',
  ];
}

function warningOpening(doc: LetterDoc, asOf: string, count: number): string[] {
  return [
    `根据全县重点项目月度调度情况，${asOf}，你单位负责的${count}个重点项目存在${issueText(doc)}，已触发预警，具体情况如下：`,
  ];
}

/** 投资进度滞后于序时进度、未按计划开工等问题 */
function issueText(doc: LetterDoc): string {
  return `${doc.issues.join('、') || '推进滞后'}${doc.issues.length > 1 ? '等' : ''}问题`;
}

function warningRequirements(doc: LetterDoc): string[] {
  return [
    `请你单位高度重视，对照滞后原因逐项分析，制定切实可行的整改措施，明确责任人和完成时限，加快推进项目建设，确保尽快赶上序时进度；并于${chineseDate(doc.deadline)}前将整改落实情况书面报送${doc.issuingOffice}。`,
  ];
}

function supervisionOpening(doc: LetterDoc, asOf: string, count: number): string[] {
  const earlier = doc.previousLetters.length
    ? `我办已向你单位发出预警提示函（${doc.previousLetters.join('、')}）`
    : '我办已就相关项目向你单位发出预警提示';
  const response = doc.explained
    ? '你单位虽已报送情况说明，但整改期限届满后相关项目进度仍未明显改善'
    : '但你单位在整改期限内未按要求反馈整改落实情况，相关项目进度仍未明显改善';
  return [
    `${earlier}，要求限期整改并书面反馈，${response}。${asOf}，你单位以下${count}个重点项目仍存在${issueText(doc)}，现予以督办：`,
  ];
}

function supervisionRequirements(doc: LetterDoc): string[] {
  return [
    `请你单位主要负责同志亲自研究部署，逐个项目压实责任、倒排工期，采取有力措施加快推进，确保项目建设尽快赶上序时进度；并于${chineseDate(doc.deadline)}前将整改落实情况书面报送${doc.issuingOffice}。`,
    '逾期未反馈或整改不到位的，将在全县重点项目推进情况通报中予以通报，并提请县政府约谈单位主要负责同志。',
  ];
}
