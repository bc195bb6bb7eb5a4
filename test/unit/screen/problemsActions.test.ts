import { describe, expect, it } from 'vitest';
import type { ProblemAction } from '../../../shared/problems.js';
import type { ProblemState } from '../../../shared/types.js';
import { actionBody, canAct, emptyActionForm, legalActions } from '../../../screen/features/problems/problemActions.js';
import { problem } from './problemFixture.js';

const admin = { role: 'admin' as const, unitId: null };
const leader = { role: 'leader' as const, unitId: null };
const ownUnit = { role: 'unit' as const, unitId: 1 };
const otherUnit = { role: 'unit' as const, unitId: 2 };

const at = (state: ProblemState, level: 1 | 2 | 3 = 1) => problem({ state, level, unitId: 1 });

describe('the buttons shown for each state and role (mirroring the server rules)', () => {
  it('offers staff every action the state allows', () => {
    expect(legalActions(admin, at('pending'))).toEqual(['accept', 'resolve', 'escalate', 'return']);
    expect(legalActions(admin, at('coordinating'))).toEqual(['resolve', 'escalate']);
    expect(legalActions(admin, at('resolved'))).toEqual(['confirm', 'reopen']);
    expect(legalActions(admin, at('closed'))).toEqual([]);
    expect(legalActions(admin, at('returned'))).toEqual([]);
  });

  it('lets a leader accept, resolve, confirm, reopen and escalate, but not return', () => {
    expect(legalActions(leader, at('pending'))).toEqual(['accept', 'resolve', 'escalate']);
    expect(legalActions(leader, at('resolved'))).toEqual(['confirm', 'reopen']);
    expect(canAct(leader, at('pending'), 'return')).toBe(false);
  });

  it('lets a unit only report its own problem solved', () => {
    expect(legalActions(ownUnit, at('pending'))).toEqual(['resolve']);
    expect(legalActions(ownUnit, at('coordinating'))).toEqual(['resolve']);
    expect(legalActions(ownUnit, at('resolved'))).toEqual([]);
    expect(legalActions(otherUnit, at('coordinating'))).toEqual([]);
    expect(legalActions({ role: 'unit', unitId: null }, at('coordinating'))).toEqual([]);
  });

  it('does not escalate past 县长专题会 (level 3)', () => {
    expect(canAct(admin, at('coordinating', 2), 'escalate')).toBe(true);
    expect(canAct(admin, at('coordinating', 3), 'escalate')).toBe(false);
    expect(canAct(leader, at('pending', 3), 'escalate')).toBe(false);
  });

  it('offers nothing without a signed-in user', () => {
    expect(legalActions(null, at('pending'))).toEqual([]);
  });

  it('never offers an action the state machine refuses, for any role', () => {
    const legalFrom: Record<ProblemAction, ProblemState[]> = {
      accept: ['pending'], return: ['pending'], resolve: ['pending', 'coordinating'], confirm: ['resolved'], reopen: ['resolved'], escalate: ['pending', 'coordinating'],
    };
    for (const actor of [admin, leader, ownUnit]) {
      for (const state of ['pending', 'coordinating', 'resolved', 'closed', 'returned'] as const) {
        for (const a of legalActions(actor, at(state))) expect(legalFrom[a]).toContain(state);
      }
    }
  });
});

describe('an action\'s request body', () => {
  it('asks 受理 for the coordinating unit and the due date, in Chinese', () => {
    const r = actionBody('accept', emptyActionForm());
    expect(r).toEqual({ errors: { coordinatingUnit: '请填写牵头协调单位', dueOn: '协调期限须为有效日期（YYYY-MM-DD）' } });
    expect(actionBody('accept', { ...emptyActionForm(), coordinatingUnit: ' 县自然资源局 ', dueOn: '2020-10-15' })).toEqual({
      body: { action: 'accept', coordinatingUnit: '县自然资源局', dueOn: '2020-10-15' },
    });
  });

  it('asks for a reason or a resolution, and nothing for 确认销号', () => {
    expect(actionBody('return', emptyActionForm())).toEqual({ errors: { reason: '请填写退回原因' } });
    expect(actionBody('escalate', emptyActionForm())).toEqual({ errors: { reason: '请填写提级原因' } });
    expect(actionBody('resolve', { ...emptyActionForm(), resolution: '已办' })).toEqual({ errors: { resolution: '请填写解决情况' } });
    expect(actionBody('confirm', emptyActionForm())).toEqual({ body: { action: 'confirm' } });
  });

  it('sends only the fields of its own action', () => {
    const form = { coordinatingUnit: '县发改委', dueOn: '2020-10-01', reason: '仍未落实用地指标', resolution: '' };
    expect(actionBody('reopen', form)).toEqual({ body: { action: 'reopen', reason: '仍未落实用地指标' } });
  });

  it('starts 受理 from what the problem already carries', () => {
    expect(emptyActionForm(problem({ coordinatingUnit: '县交通局', dueOn: '2020-11-01' }))).toMatchObject({ coordinatingUnit: '县交通局', dueOn: '2020-11-01' });
  });
});
