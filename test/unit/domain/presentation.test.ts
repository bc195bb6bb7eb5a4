// 会议模式's state transitions: start, take over, page and project, freeze, stepping through the lagging list.
import { describe, expect, it } from 'vitest';
import { applyPatch, focusOf, startState, stepIndex, takeOver } from '../../../server/domain/presentation.js';
import { asOfLabel, freezableMonths, monthEnd, presentationDecisionInput, presentationPatchInput } from '../../../shared/presentation.js';
import type { LaggingProject } from '../../../shared/snapshot.js';

const lagging = (...ids: number[]): LaggingProject[] =>
  ids.map((projectId) => ({
    projectId, code: `P${projectId}`, name: `项目${projectId}`, unit: '县工信局', domain: '工业', leader: null, annualPlan: 100, completed: 10,
    completionRate: 0.1, scheduleShare: 0.5, scheduleRate: 0.2, severity: 'red', reasons: [{ rule: 'investment_behind', severity: 'red', text: '滞后' }],
  }));

const start = () =>
  startState({ id: 3, campaignId: 1, presenter: { userId: 7, name: '李县长' }, meetingId: null, page: 'overview', at: '2020-11-20T02:00:00.000Z', seq: 10 });
const at = '2020-11-20T02:01:00.000Z';

describe('a session', () => {
  it('starts on its page with nothing in focus, live figures', () => {
    expect(start()).toMatchObject({ id: 3, page: 'overview', projectId: null, frozen: null, step: null, seq: 10, updatedAt: '2020-11-20T02:00:00.000Z' });
  });

  it('is taken over where it stands, under a new presenter and seq', () => {
    const s = applyPatch(start(), { page: 'map' }, { at, seq: 11, lagging: [] });
    expect(takeOver(s, { userId: 8, name: '王常务' }, at, 12)).toEqual({ ...s, presenter: { userId: 8, name: '王常务' }, seq: 12, updatedAt: at });
  });
});

describe('stepping through the lagging projects', () => {
  it('starts at the first going forward and the last going back, and holds at both ends', () => {
    expect(stepIndex(null, 'next', 3)).toBe(0);
    expect(stepIndex(null, 'prev', 3)).toBe(2);
    expect(stepIndex({ index: 0, total: 3 }, 'next', 3)).toBe(1);
    expect(stepIndex({ index: 2, total: 3 }, 'next', 3)).toBe(2);
    expect(stepIndex({ index: 0, total: 3 }, 'prev', 3)).toBe(0);
    expect(stepIndex(null, 'next', 0)).toBeNull();
  });

  it('clamps a position from a longer list', () => {
    expect(stepIndex({ index: 9, total: 10 }, 'prev', 4)).toBe(2);
  });

  it('opens the alerts page on the project of each step', () => {
    const list = lagging(21, 22, 23);
    const one = applyPatch(start(), { step: 'next' }, { at, seq: 11, lagging: list });
    expect(one).toMatchObject({ page: 'alerts', projectId: 21, step: { index: 0, total: 3 }, seq: 11, updatedAt: at });
    const two = applyPatch({ ...one, page: 'map' }, { step: 'next' }, { at, seq: 12, lagging: list });
    expect(two).toMatchObject({ page: 'alerts', projectId: 22, step: { index: 1, total: 3 } });
    expect(focusOf(two, list)?.name).toBe('项目22');
  });

  it('leaves the state as it was (but for the seq) when nothing lags', () => {
    const s = applyPatch(start(), { step: 'next' }, { at, seq: 11, lagging: [] });
    expect(s).toMatchObject({ page: 'overview', projectId: null, step: null, seq: 11 });
  });
});

describe('patches', () => {
  const stepped = applyPatch(start(), { step: 'next' }, { at, seq: 11, lagging: lagging(5, 6) });

  it('turns to a page, closing the project but keeping the step position', () => {
    const paged = applyPatch(stepped, { page: 'ranking' }, { at, seq: 12, lagging: [] });
    expect(paged).toMatchObject({ page: 'ranking', projectId: null, step: { index: 0 } });
    expect(applyPatch(paged, { step: 'next' }, { at, seq: 13, lagging: lagging(5, 6) })).toMatchObject({ page: 'alerts', projectId: 6 });
    expect(applyPatch(stepped, { page: 'map', projectId: 9 }, { at, seq: 12, lagging: [] })).toMatchObject({ page: 'map', projectId: 9 });
  });

  it('picks a project by hand, leaving the steps', () => {
    expect(applyPatch(stepped, { projectId: 9 }, { at, seq: 12, lagging: [] })).toMatchObject({ projectId: 9, step: null });
    expect(applyPatch(stepped, { projectId: null }, { at, seq: 12, lagging: [] })).toMatchObject({ projectId: null, step: null });
  });

  it('freezes at a month end and goes live, each time restarting the steps', () => {
    const frozen = applyPatch(stepped, { frozen: '2020-09' }, { at, seq: 12, frozen: { month: '2020-09', asOf: '2020-09-30' }, lagging: [] });
    expect(frozen).toMatchObject({ frozen: { month: '2020-09', asOf: '2020-09-30' }, step: null, projectId: 5 });
    expect(applyPatch(frozen, { frozen: null }, { at, seq: 13, frozen: null, lagging: [] })).toMatchObject({ frozen: null, step: null });
  });

  it('freezes and steps in one patch through the frozen list', () => {
    const s = applyPatch(stepped, { frozen: '2020-08', step: 'next' }, { at, seq: 12, frozen: { month: '2020-08', asOf: '2020-08-31' }, lagging: lagging(40) });
    expect(s).toMatchObject({ projectId: 40, step: { index: 0, total: 1 }, frozen: { month: '2020-08' } });
  });

  it('has no focus for a project outside the lagging list', () => {
    expect(focusOf({ ...stepped, projectId: 99 }, lagging(5))).toBeNull();
    expect(focusOf(null, lagging(5))).toBeNull();
  });
});

describe('inputs and month ends', () => {
  it('checks the patch and the decision', () => {
    expect(presentationPatchInput.safeParse({}).success).toBe(false);
    expect(presentationPatchInput.safeParse({ page: 'ranking' }).success).toBe(true);
    expect(presentationPatchInput.safeParse({ page: 'elsewhere' }).success).toBe(false);
    expect(presentationPatchInput.safeParse({ frozen: '2020-9' }).success).toBe(false);
    expect(presentationPatchInput.safeParse({ frozen: null }).success).toBe(true);
    expect(presentationPatchInput.safeParse({ step: 'skip' }).success).toBe(false);
    const decision = { decision: '加快用地报批', owner: '县自然资源局', deadline: '2020-11-30' };
    expect(presentationDecisionInput.safeParse(decision).success).toBe(false);
    expect(presentationDecisionInput.safeParse({ ...decision, category: '用地保障' }).success).toBe(true);
    expect(presentationDecisionInput.safeParse({ ...decision, problemId: 4 }).success).toBe(true);
    expect(presentationDecisionInput.safeParse({ ...decision, problemId: 4, deadline: '2020-02-30' }).success).toBe(false);
  });

  it('finds month ends, leap years included', () => {
    expect(monthEnd('2020-02')).toBe('2020-02-29');
    expect(monthEnd('2021-02')).toBe('2021-02-28');
    expect(monthEnd('2020-12')).toBe('2020-12-31');
    expect(monthEnd('2020-10')).toBe('2020-10-31');
    expect(asOfLabel('2020-10-31')).toBe('2020年10月31日');
  });

  it('offers the ended months of the campaign year, newest first', () => {
    expect(freezableMonths(2020, '2020-11-20')).toEqual(['2020-10', '2020-09', '2020-08', '2020-07', '2020-06', '2020-05', '2020-04', '2020-03', '2020-02', '2020-01']);
    expect(freezableMonths(2020, '2020-01-15')).toEqual([]);
    expect(freezableMonths(2020, '2021-03-01')).toHaveLength(12);
    expect(freezableMonths(2021, '2020-12-01')).toEqual([]);
  });
});
