// 会议纪要 of a coordination meeting (上犹 附件2 四(一)) as a .docx in 公文 format: who met, and for
// each problem on the agenda what was decided, by whom and by when.
import type { FileChild } from 'docx';
import { MEETING_KIND_LABELS, type Meeting, type MeetingItem } from '../../shared/problems.js';
import { chineseDate } from './format.js';
import { body, closing, docNumberWithRule, heading, officeMark, packGongwen, redRule, title } from './gongwen.js';

export interface MinutesDoc {
  county: string;
  /** e.g. 上犹县“项目大会战”指挥部办公室 */
  issuingOffice: string;
  /** 文号, when the office numbers its minutes. */
  docNumber: string | null;
  meeting: Meeting;
  issuedOn: string;
}

export async function buildMinutesDocx(doc: MinutesDoc): Promise<Buffer> {
  const { meeting } = doc;
  const name = minutesTitle(meeting.title);
  const items = meeting.items.length
    ? [body(`会议听取了${heard(meeting)}的汇报，研究了以下事项，现纪要如下：`), ...meeting.items.flatMap(itemSection)]
    : [body(`会议听取了${heard(meeting)}的汇报。本次会议无提请协调解决的问题事项。`)];
  return packGongwen(name, [
    officeMark(doc.issuingOffice),
    doc.docNumber ? docNumberWithRule(doc.docNumber) : redRule(),
    title(name),
    body(opening(meeting)),
    ...(meeting.attendees.length ? [body(`参会人员：${meeting.attendees.join('、')}。`)] : []),
    ...items,
    ...closing(meeting.items.length ? CLOSING : quietClosing(doc.issuingOffice), doc.issuingOffice, chineseDate(doc.issuedOn)),
  ]);
}

const CLOSING = '请各有关部门（单位）按照会议议定事项抓好落实，并在时限内报送落实情况。对落实不力的，相关部门（单位）要在下一次会上说明原因；经过两次会议仍未落实的，予以通报批评。';

const quietClosing = (office: string) => `请各有关部门（单位）继续加快推进项目建设，需县级层面协调解决的困难和问题，请按规定时间报送${office}。`;

function minutesTitle(meetingTitle: string): string {
  const t = meetingTitle.trim();
  if (!t) return '会议纪要';
  return t.endsWith('纪要') ? t : `${t}纪要`;
}

/** The kind as these offices say it; a 领导小组会 names its domain. */
function kindLabel(meeting: Meeting): string {
  const label = MEETING_KIND_LABELS[meeting.kind];
  return meeting.kind === 'domain_group' && meeting.domain ? `${meeting.domain}领域${label}` : label;
}

/** "2021年4月8日，张三在县政府三楼会议室主持召开…（调度推进会）。" — the kind only where the title lacks it. */
function opening(meeting: Meeting): string {
  const label = kindLabel(meeting);
  const where = meeting.location.trim() ? `在${meeting.location.trim()}` : '';
  const kind = meeting.title.includes(MEETING_KIND_LABELS[meeting.kind]) ? '' : `（${label}）`;
  return `${chineseDate(meeting.heldOn)}，${meeting.chair}${where}主持召开${meeting.title.trim() || label}${kind}，研究协调重大项目建设中的困难和问题。`;
}

function heard(meeting: Meeting): string {
  switch (meeting.kind) {
    case 'dispatch':
      return '全县重大项目建设情况及有关部门（单位）';
    case 'domain_group':
      return `${meeting.domain ? `${meeting.domain}领域` : '本领域'}重大项目建设情况及有关部门（单位）`;
    case 'joint':
      return '有关部门（单位）关于项目推进中困难问题';
  }
}

function itemSection(item: MeetingItem, i: number): FileChild[] {
  const p = item.problem;
  return [
    heading(`${chineseNumber(i + 1)}、${p.project}（${p.unit}）`),
    body(`存在问题（${p.category}）：${sentence(p.description)}`),
    body(`议定事项：${item.decision ? sentence(item.decision) : '本次会议未形成决定，下次会议继续调度。'}`),
    // Only a decision names who does what by when; an undecided item promises nothing.
    ...(item.decision && item.owner ? [body(`责任单位：${item.owner}${item.deadline ? `；完成时限：${chineseDate(item.deadline)}` : ''}。`)] : []),
    ...(p.flagged ? [body('该问题经两次会议调度仍未解决，予以通报批评。')] : []),
  ];
}

/** End a free-text entry with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；.!?;]$/.test(t) ? t : `${t}。`;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: 公文 numbering of sections. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}
