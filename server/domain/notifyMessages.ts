// The words of each notice, and the markdown each robot takes (企业微信: content; 钉钉: title + text).
import { NOTICE_KIND_LABELS, type AudienceType, type ChannelKind } from '../../shared/notify.js';
import { DISPATCH_LEVEL_LABELS, LAG_RULE_LABELS, LETTER_KIND_LABELS, SEVERITY_LABELS, type DispatchLevel, type LagRule, type LetterKind, type Severity } from '../../shared/types.js';
import type { AddressedNotice, Notice } from './notify.js';

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);
const county = { type: 'county' as const };
const unit = (id: number) => ({ type: 'unit' as const, id });
const leader = (id: number) => ({ type: 'leader' as const, id });

export interface AlertFacts {
  id: number;
  projectId: number;
  project: string;
  unitId: number;
  unit: string;
  leader: string | null;
  rule: LagRule;
  severity: Severity;
  text: string;
}

/** A new red alert, or one worsened to red: the county group and the project's unit. */
export function alertRedNotice(a: AlertFacts): AddressedNotice {
  return {
    key: `alert.red:${a.id}`,
    to: [county, unit(a.unitId)],
    notice: {
      kind: 'alert.red',
      title: `红色预警：${a.project}`,
      lines: [`${LAG_RULE_LABELS[a.rule]}：${a.text}`, `责任单位：${a.unit}`, ...(a.leader ? [`挂点领导：${a.leader}`] : [])],
      links: { county: '/admin/alerts', unit: '/report/alerts', leader: '/leader' },
      urgent: true,
    },
  };
}

/** 分级调度: the alert moved up a level; the county group, the unit and the leader(s) of the new level. */
export function alertEscalatedNotice(a: AlertFacts, level: DispatchLevel, reason: string, leaderIds: number[]): AddressedNotice {
  return {
    key: `alert.escalated:${a.id}:${level}`,
    to: [county, unit(a.unitId), ...leaderIds.map(leader)],
    notice: {
      kind: 'alert.escalated',
      title: `预警提级：${a.project}`,
      lines: [`已提级至${DISPATCH_LEVEL_LABELS[level]}`, `提级原因：${clip(reason)}`, `${LAG_RULE_LABELS[a.rule]}（${SEVERITY_LABELS[a.severity]}预警）：${a.text}`, `责任单位：${a.unit}`],
      links: { county: '/admin/alerts', unit: '/report/alerts', leader: '/leader' },
      urgent: a.severity === 'red',
    },
  };
}

export interface LetterFacts {
  id: number;
  kind: LetterKind;
  docNumber: string;
  title: string;
  unitId: number;
  deadline: string;
  projects: number;
}

/** A 预警提示函 or 督办函 issued: the unit it is addressed to, with the 文号 and deadline. */
export function letterNotice(l: LetterFacts): AddressedNotice {
  return {
    key: `letter.issued:${l.id}`,
    to: [unit(l.unitId)],
    notice: {
      kind: 'letter.issued',
      title: `${LETTER_KIND_LABELS[l.kind]}：${l.docNumber}`,
      lines: [l.title, `涉及项目：${l.projects}个`, `整改期限：${l.deadline}`, '请登录填报系统查看函件，按期整改并报送情况说明'],
      links: { unit: '/report/alerts', county: '/admin/letters' },
      urgent: l.kind === 'supervision',
    },
  };
}

/** Staff returned a monthly report: the unit, with the reason. */
export function reportReturnedNotice(r: { reportId: number; projectId: number; project: string; unitId: number; month: string; reason: string }): AddressedNotice {
  return {
    key: `report.returned:${r.reportId}`,
    to: [unit(r.unitId)],
    notice: {
      kind: 'report.returned',
      title: `月报退回：${r.project}`,
      lines: [`${Number(r.month.slice(5))}月月报已被退回`, `退回原因：${clip(r.reason, 300)}`, '请修改后重新提交'],
      links: { unit: `/report/${r.projectId}` },
    },
  };
}

export interface ProblemFacts {
  id: number;
  project: string;
  category: string;
  description: string;
  coordinatingUnit: string | null;
  dueOn: string | null;
  /** The project's responsible unit. */
  unitId: number;
  /** The lead (coordinating) unit, when it is a unit of the county's list. */
  leadUnitId: number | null;
  /** The project's 挂点 and 包干 leaders. */
  leaderIds: number[];
}

const problemTo = (p: ProblemFacts) => [unit(p.unitId), ...(p.leadUnitId && p.leadUnitId !== p.unitId ? [unit(p.leadUnitId)] : []), ...p.leaderIds.map(leader)];
const problemLinks = { unit: '/report/problems', leader: '/leader', county: '/admin/problems' };
const problemLine = (p: ProblemFacts) => `${p.category}问题：${clip(p.description)}`;

/** A problem taken on with a lead unit and a deadline (受理, or a meeting's 议定事项). */
export function problemAssignedNotice(p: ProblemFacts, step: string): AddressedNotice {
  return {
    key: `problem.assigned:${p.id}:${step}`,
    to: problemTo(p),
    notice: {
      kind: 'problem.assigned',
      title: `问题交办：${p.project}`,
      lines: [problemLine(p), `牵头协调单位：${p.coordinatingUnit ?? '—'}`, `协调期限：${p.dueOn ?? '—'}`],
      links: problemLinks,
    },
  };
}

/** An open problem past its due date (once per due date). */
export function problemOverdueNotice(p: ProblemFacts, days: number): AddressedNotice {
  return {
    key: `problem.overdue:${p.id}:${p.dueOn}`,
    to: problemTo(p),
    notice: {
      kind: 'problem.overdue',
      title: `问题逾期：${p.project}`,
      lines: [problemLine(p), `牵头协调单位：${p.coordinatingUnit ?? '—'}`, `协调期限：${p.dueOn}，已逾期${days}天`],
      links: problemLinks,
    },
  };
}

/** Still open after two meetings: 通报批评 (上犹 附件2 四(三)); the county group too. */
export function problemFlaggedNotice(p: ProblemFacts): AddressedNotice {
  return {
    key: `problem.flagged:${p.id}`,
    to: [county, ...problemTo(p)],
    notice: {
      kind: 'problem.flagged',
      title: `通报批评：${p.project}`,
      lines: [problemLine(p), '经两次调度会协调仍未解决，列入通报批评', `牵头协调单位：${p.coordinatingUnit ?? '—'}`],
      links: problemLinks,
      urgent: true,
    },
  };
}

const dateLabel = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** A unit with projects still unreported, two days and one day before the deadline. */
export function reportDeadlineNotice(r: { unitId: number; month: string; deadline: string; daysLeft: number; projects: string[] }): AddressedNotice {
  const shown = r.projects.slice(0, 10);
  return {
    key: `deadline.report:${r.month}:unit${r.unitId}:${r.daysLeft}`,
    to: [unit(r.unitId)],
    notice: {
      kind: 'deadline.report',
      title: `月报截止提醒：还有${r.daysLeft}天`,
      lines: [
        `${Number(r.month.slice(5))}月月报须于${dateLabel(r.deadline)}前报送，以下${r.projects.length}个项目尚未报送：`,
        ...shown.map((p) => `· ${p}`),
        ...(r.projects.length > shown.length ? [`……等${r.projects.length}个项目`] : []),
      ],
      links: { unit: '/report' },
    },
  };
}

/** The county group's view of the same day: which units still owe how many reports. */
export function reportDeadlineSummary(r: { month: string; deadline: string; daysLeft: number; units: { unit: string; projects: number }[] }): AddressedNotice {
  const shown = r.units.slice(0, 15);
  return {
    key: `deadline.report:${r.month}:county:${r.daysLeft}`,
    to: [county],
    notice: {
      kind: 'deadline.report',
      title: `月报截止提醒：${r.units.length}个单位尚未报齐`,
      lines: [
        `${Number(r.month.slice(5))}月月报${dateLabel(r.deadline)}截止（还有${r.daysLeft}天），未报单位：`,
        ...shown.map((u) => `· ${u.unit}：${u.projects}个项目`),
        ...(r.units.length > shown.length ? [`……等${r.units.length}个单位`] : []),
      ],
      links: { county: '/admin/reports' },
    },
  };
}

/** The day before a problem cut-off (3rd, 18th): every unit and the county group. */
export function problemDeadlineNotice(r: { deadline: string; daysLeft: number; unitIds: number[] }): AddressedNotice {
  return {
    key: `deadline.problem:${r.deadline}:${r.daysLeft}`,
    to: [county, ...r.unitIds.map(unit)],
    notice: {
      kind: 'deadline.problem',
      title: `问题报送截止提醒：${dateLabel(r.deadline)}`,
      lines: [`需县级协调解决的问题请于${dateLabel(r.deadline)}前报送（还有${r.daysLeft}天），逾期顺延至下一期调度`],
      links: { unit: '/report/problems', county: '/admin/problems' },
    },
  };
}

export interface LeaderDigestFacts {
  leaderId: number;
  leader: string;
  date: string;
  projects: number;
  /** Ticker lines of the leader's projects since yesterday's digest. */
  changes: string[];
  openAlerts: { red: number; total: number };
  problems: { open: number; overdue: number };
}

/** 领导晨报: the leader's projects' changes since yesterday, sent in the morning. */
export function leaderDigestNotice(d: LeaderDigestFacts): AddressedNotice {
  const shown = d.changes.slice(0, 12);
  return {
    key: `digest.leader:${d.leaderId}:${d.date}`,
    to: [leader(d.leaderId)],
    notice: {
      kind: 'digest.leader',
      title: `${d.leader}挂点项目晨报（${dateLabel(d.date)}）`,
      lines: [
        `挂点项目${d.projects}个；未销号预警${d.openAlerts.total}条（红色${d.openAlerts.red}条）；待解决问题${d.problems.open}个（逾期${d.problems.overdue}个）`,
        d.changes.length ? `昨日以来动态${d.changes.length}条：` : '昨日以来无新动态',
        ...shown.map((c) => `· ${c}`),
        ...(d.changes.length > shown.length ? [`……等${d.changes.length}条`] : []),
      ],
      links: { leader: '/leader' },
    },
  };
}

export function testNotice(channel: string, at: string): Notice {
  return {
    kind: 'test',
    title: '测试消息',
    lines: [`「${channel}」已接入项目调度指挥平台，今后的预警、函件、月报与问题通知将发到本群。`, `发送时间：${at}`],
    links: { county: '/admin/notify', unit: '/report', leader: '/leader' },
  };
}

/** 企业微信 takes 4,096 bytes of markdown; keep well inside it. */
const MAX_BYTES = 3800;
const encoder = new TextEncoder();
const utf8Bytes = (s: string) => encoder.encode(s).length;

/** One robot message from one notice, or a digest of several (a summary line per notice). */
export function renderMessage(channel: ChannelKind, audience: AudienceType, notices: Notice[], baseUrl: string): { title: string; text: string } {
  const first = notices[0];
  const single = notices.length === 1;
  const sameKind = notices.every((n) => n.kind === first.kind);
  const title = single ? first.title : sameKind ? `${NOTICE_KIND_LABELS[first.kind]}${notices.length}条` : `通知汇总（${notices.length}条）`;
  const lines = single ? first.lines : notices.slice(0, 20).map((n) => `· ${n.title}`);
  if (notices.length > 20) lines.push(`……另有${notices.length - 20}条`);
  const path = first.links[audience] ?? Object.values(first.links)[0];
  const link = path ? `[点击处理](${baseUrl.replace(/\/$/, '')}${path})` : '';
  const urgent = notices.some((n) => n.urgent);
  const heading = channel === 'wecom' && urgent ? `<font color="warning">**${title}**</font>` : `### ${title}`;
  // 钉钉's markdown needs a blank line to break a line; 企业微信 keeps single line breaks.
  const sep = channel === 'dingtalk' ? '\n\n' : '\n';
  let body = [heading, ...lines];
  let text = [...body, link].filter(Boolean).join(sep);
  while (utf8Bytes(text) > MAX_BYTES && body.length > 2) {
    body = body.slice(0, -1);
    text = [...body, '……', link].filter(Boolean).join(sep);
  }
  return { title, text };
}
