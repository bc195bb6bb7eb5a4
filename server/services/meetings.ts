// 调度会 (上犹 附件2): the three meeting kinds, an agenda proposed from the open problems reported by
// the cut-off, decisions (议定事项) that set each problem's owner and deadline, and the minutes.
import {
  agendaInput, attendanceInput, decisionInput, MEETING_KIND_LABELS, meetingInput, meetingPatchInput,
  type AgendaProposal, type Meeting,
} from '../../shared/problems.js';
import { issuingOffice, type Campaign, type User } from '../../shared/types.js';
import { agendaCutoff, proposeAgenda } from '../domain/agenda.js';
import { dayOf } from '../domain/problemSummary.js';
import { buildMinutesDocx } from '../exports/minutes.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';
import {
  getMeetingRow, insertMeeting, itemsOf, listMeetingRows, lockMeeting, markHeld, recordDecision, setAgenda, setAttendees, updateMeeting,
  type MeetingRow,
} from '../store/meetings.js';
import { getProblemDetail, insertStep, listProblemDetails, lockProblem, updateProblem } from '../store/problems.js';
import { listDomains } from '../store/reference.js';
import { assertRole } from './access.js';
import { announce } from './change.js';
import type { Deps } from './deps.js';
import { enqueueAssigned } from './notifyEnqueue.js';
import { actorOf, problemChange, type ProblemEvent } from './problemLedger.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';
import { assertWritable } from './yearClosure.js';

/** Staff run the meetings; county leaders chair them and may do the same. Units read their problems' steps. */
const assertCanRun = (user: User) => assertRole(user, 'admin', 'leader');

/** Meetings with their items, each item with its problem as it stands today. */
async function withItems(q: Queryable, campaign: Campaign, today: string, rows: MeetingRow[]): Promise<Meeting[]> {
  if (!rows.length) return [];
  const items = await itemsOf(q, rows.map((m) => m.id));
  const problems = new Map((await listProblemDetails(q, campaign.id, today, { ids: [...new Set(items.map((i) => i.problemId))] })).map((p) => [p.id, p]));
  return rows.map((m) => ({
    ...m,
    items: items
      .filter((i) => i.meetingId === m.id)
      .map(({ problemId, sort, decision, owner, deadline }) => ({ problemId, sort, problem: problems.get(problemId)!, decision, owner, deadline })),
  }));
}

async function meetingOf(q: Queryable, campaign: Campaign, today: string, id: number): Promise<Meeting> {
  const row = await getMeetingRow(q, id);
  if (!row) throw NotFound('会议不存在');
  return (await withItems(q, campaign, today, [row]))[0];
}

export async function meetingsFor(deps: Deps, user: User): Promise<Meeting[]> {
  assertCanRun(user);
  const campaign = await requireCampaign(deps.db);
  return withItems(deps.db, campaign, todayFor(campaign, deps.clock()), await listMeetingRows(deps.db, campaign.id));
}

export async function meetingFor(deps: Deps, user: User, id: number): Promise<Meeting> {
  assertCanRun(user);
  const campaign = await requireCampaign(deps.db);
  return meetingOf(deps.db, campaign, todayFor(campaign, deps.clock()), id);
}

const checkYear = (campaign: Campaign, heldOn: string) => {
  if (Number(heldOn.slice(0, 4)) !== campaign.year) throw Invalid({ heldOn: `会议日期须在${campaign.year}年度内` });
};

export async function createMeeting(deps: Deps, user: User, body: unknown): Promise<Meeting> {
  assertCanRun(user);
  const input = parseInput(meetingInput, body);
  return deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    checkYear(campaign, input.heldOn);
    const domainId = input.kind === 'domain_group' ? input.domainId! : null;
    if (domainId && !(await listDomains(q, campaign.id)).some((d) => d.id === domainId)) throw Invalid({ domainId: '领域不存在' });
    const now = deps.clock();
    const id = await insertMeeting(q, {
      campaignId: campaign.id, kind: input.kind, title: input.title, domainId, heldOn: input.heldOn, location: input.location,
      chair: input.chair, createdBy: user.id, createdByName: user.displayName, at: now.toISOString(),
    });
    const meeting = await meetingOf(q, campaign, todayFor(campaign, now), id);
    await audit(q, actorOf(user), 'meeting.create', 'meeting', id, null, { ...input, domainId });
    return meeting;
  });
}

type PlannedEdit = (q: Queryable, campaign: Campaign, meeting: MeetingRow) => Promise<void>;

/** One audited edit of a meeting that has not been held yet (a held meeting's record stands). */
async function editPlanned(deps: Deps, user: User, id: number, edit: PlannedEdit): Promise<Meeting> {
  assertCanRun(user);
  return deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const meeting = await lockMeeting(q, id);
    if (!meeting) throw NotFound('会议不存在');
    if (meeting.state === 'held') throw Conflict('会议已召开，除议定事项外不能再修改');
    await edit(q, campaign, meeting);
    return meetingOf(q, campaign, todayFor(campaign, deps.clock()), id);
  });
}

export async function patchMeeting(deps: Deps, user: User, id: number, body: unknown): Promise<Meeting> {
  const patch = parseInput(meetingPatchInput, body);
  return editPlanned(deps, user, id, async (q, campaign, meeting) => {
    if (patch.heldOn) checkYear(campaign, patch.heldOn);
    await updateMeeting(q, id, patch);
    const { title, heldOn, location, chair } = meeting;
    await audit(q, actorOf(user), 'meeting.edit', 'meeting', id, { title, heldOn, location, chair }, patch);
  });
}

export async function setMeetingAgenda(deps: Deps, user: User, id: number, body: unknown): Promise<Meeting> {
  const { problemIds } = parseInput(agendaInput, body);
  return editPlanned(deps, user, id, async (q, campaign, meeting) => {
    const today = todayFor(campaign, deps.clock());
    const found = await listProblemDetails(q, campaign.id, today, { ids: problemIds });
    if (found.length !== problemIds.length) throw Invalid({ problemIds: '议题须为本年度问题台账中的问题' });
    // A meeting cannot have discussed what was raised after it (it would count towards 通报批评).
    const later = found.filter((p) => dayOf(p.createdAt, today) > meeting.heldOn);
    if (later.length) throw Invalid({ problemIds: `会议日期前尚未提出的问题不能列入议程（${later.map((p) => p.project).join('、')}）` });
    const closed = found.filter((p) => p.state !== 'pending' && p.state !== 'coordinating');
    if (closed.length) throw Invalid({ problemIds: `只能将待协调或协调中的问题列入议程（${closed.map((p) => `${p.project}：${p.category}问题`).join('、')}）` });
    const before = (await itemsOf(q, [id])).map((i) => i.problemId);
    await setAgenda(q, id, problemIds);
    await audit(q, actorOf(user), 'meeting.agenda', 'meeting', id, { problemIds: before }, { problemIds });
  });
}

export async function setMeetingAttendance(deps: Deps, user: User, id: number, body: unknown): Promise<Meeting> {
  const { attendees } = parseInput(attendanceInput, body);
  return editPlanned(deps, user, id, async (q, _campaign, meeting) => {
    await setAttendees(q, id, attendees);
    await audit(q, actorOf(user), 'meeting.attendance', 'meeting', id, { attendees: meeting.attendees }, { attendees });
  });
}

/** The agenda staff would start from: open problems reported by the cut-off, in the meeting's scope. */
export async function agendaProposal(deps: Deps, user: User, id: number): Promise<AgendaProposal> {
  assertCanRun(user);
  const campaign = await requireCampaign(deps.db);
  const meeting = await getMeetingRow(deps.db, id);
  if (!meeting) throw NotFound('会议不存在');
  const days = campaign.settings.problemDeadlineDays;
  const open = await listProblemDetails(deps.db, campaign.id, todayFor(campaign, deps.clock()), { state: 'open' });
  return { cutoff: agendaCutoff(meeting.heldOn, days), problems: proposeAgenda(meeting, open, days, todayFor(campaign, deps.clock())) };
}

/**
 * 议定事项 on one agenda item: recorded on the item, and the problem takes the owner as its
 * coordinating unit and the deadline as its due date (a pending one is now being coordinated).
 */
export async function decide(deps: Deps, user: User, id: number, body: unknown): Promise<Meeting> {
  assertCanRun(user);
  const input = parseInput(decisionInput, body);
  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const version = await bumpVersion(q, campaign.id);
    const now = deps.clock();
    const at = now.toISOString();
    const today = todayFor(campaign, now);
    const meeting = await lockMeeting(q, id);
    if (!meeting) throw NotFound('会议不存在');
    const item = (await itemsOf(q, [id])).find((i) => i.problemId === input.problemId);
    if (!item) throw Invalid({ problemId: '该问题不在本次会议议程中' });
    if (meeting.heldOn > today) throw Conflict(`会议日期（${meeting.heldOn}）未到，不能记录议定事项`);
    if (input.deadline < meeting.heldOn) throw Invalid({ deadline: '完成时限不能早于会议日期' });
    await lockProblem(q, input.problemId);
    const problem = (await getProblemDetail(q, input.problemId, today))!;
    if (problem.state === 'closed' || problem.state === 'returned') throw Conflict('该问题已销号或已退回，不能再作议定');

    const toState = problem.state === 'pending' ? 'coordinating' : problem.state;
    await recordDecision(q, id, input);
    await updateProblem(q, problem.id, { state: toState, coordinatingUnit: input.owner, dueOn: input.deadline }, at);
    const note = `${meeting.title}议定：${input.decision}（责任：${input.owner}，时限：${input.deadline}）`;
    await insertStep(q, problem.id, { at, actor: user.displayName, action: 'decision', fromState: problem.state, toState, note, dueOn: input.deadline });
    await audit(q, actorOf(user), 'meeting.decision', 'meeting', id,
      { problemId: item.problemId, decision: item.decision, owner: item.owner, deadline: item.deadline }, input);
    await enqueueAssigned(q, problem.id, today, now);
    const [month, day] = input.deadline.slice(5).split('-').map(Number);
    const change = await problemChange(deps, q, campaign, version, now, [{
      problemId: problem.id, projectId: problem.projectId,
      text: `${problem.project}：${problem.category}问题经${MEETING_KIND_LABELS[meeting.kind]}议定，由${input.owner}于${month}月${day}日前解决`,
    }]);
    return { meeting: await meetingOf(q, campaign, today, id), change };
  });
  await announce(deps, result.change);
  return result.meeting;
}

/**
 * The meeting took place: each problem on its agenda has had one more meeting, and one still open
 * after its second is flagged for 通报批评 (上犹 附件2 四(三)) — the rules raise problem_stalled.
 */
export async function markMeetingHeld(deps: Deps, user: User, id: number): Promise<Meeting> {
  assertCanRun(user);
  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const version = await bumpVersion(q, campaign.id);
    const now = deps.clock();
    const today = todayFor(campaign, now);
    const meeting = await lockMeeting(q, id);
    if (!meeting) throw NotFound('会议不存在');
    if (meeting.state === 'held') throw Conflict('会议已标记为召开');
    if (meeting.heldOn > today) throw Conflict(`会议日期（${meeting.heldOn}）未到，不能标记为已召开`);
    const before = (await withItems(q, campaign, today, [meeting]))[0].items.map((i) => i.problem);
    await markHeld(q, id, now.toISOString());
    await audit(q, actorOf(user), 'meeting.held', 'meeting', id, { state: 'planned' }, { state: 'held', problemIds: before.map((p) => p.id) });
    // Flagged by this meeting only where no decision's deadline is still ahead (problemRules.isStalled).
    const wasFlagged = new Set(before.filter((p) => p.flagged).map((p) => p.id));
    const after = await listProblemDetails(q, campaign.id, today, { ids: before.map((p) => p.id) });
    const flagged: ProblemEvent[] = after
      .filter((p) => p.flagged && !wasFlagged.has(p.id))
      .map((p) => ({ problemId: p.id, projectId: p.projectId, text: `${p.project}：${p.category}问题经两次会议仍未解决，予以通报批评` }));
    const change = await problemChange(deps, q, campaign, version, now, flagged);
    return { meeting: await meetingOf(q, campaign, today, id), change };
  });
  await announce(deps, result.change);
  return result.meeting;
}

/** 会议纪要 as a .docx of a held meeting, from its decisions as they stand. */
export async function minutesFile(deps: Deps, user: User, id: number): Promise<{ name: string; body: Buffer }> {
  assertCanRun(user);
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  const meeting = await meetingOf(deps.db, campaign, today, id);
  if (meeting.state !== 'held') throw Conflict('会议尚未召开，召开后方可下载会议纪要');
  // Minutes are dated the day of the meeting, whenever they are downloaded.
  const body = await buildMinutesDocx({ county: campaign.county, issuingOffice: issuingOffice(campaign), docNumber: null, meeting, issuedOn: meeting.heldOn });
  return { name: `${meeting.title.endsWith('纪要') ? meeting.title : `${meeting.title}纪要`}.docx`, body };
}
