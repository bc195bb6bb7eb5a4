import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/problems.js';
import { addable, addToAgenda, agendaIds, decidedCount, listChanged, moveAgendaItem, removeFromAgenda, savedAgenda } from '../../../screen/apps/console/meetings/agenda.js';
import { emptyMeetingForm, meetingBody, meetingPatch, suggestedTitle } from '../../../screen/apps/console/meetings/meetingForm.js';
import { problem } from './problemFixture.js';

const [a, b, c] = [problem({ id: 1 }), problem({ id: 2 }), problem({ id: 3 })];

describe('adjusting an agenda', () => {
  it('adds a problem once, removes it, and moves items within the list', () => {
    expect(agendaIds(addToAgenda([a, b], c))).toEqual([1, 2, 3]);
    expect(agendaIds(addToAgenda([a, b], b))).toEqual([1, 2]);
    expect(agendaIds(removeFromAgenda([a, b, c], 2))).toEqual([1, 3]);
    expect(agendaIds(moveAgendaItem([a, b, c], 2, -1))).toEqual([1, 3, 2]);
    expect(agendaIds(moveAgendaItem([a, b, c], 0, 1))).toEqual([2, 1, 3]);
    expect(agendaIds(moveAgendaItem([a, b, c], 0, -1))).toEqual([1, 2, 3]);
    expect(agendaIds(moveAgendaItem([a, b, c], 2, 5))).toEqual([1, 2, 3]);
  });

  it('offers only open problems not yet on it, 通报批评 and higher levels first', () => {
    const open = [
      problem({ id: 10, createdAt: '2020-08-01T00:00:00Z' }),
      problem({ id: 11, state: 'resolved' }),
      problem({ id: 12, flagged: true, state: 'coordinating' }),
      problem({ id: 13, level: 3 }),
      problem({ id: 14, state: 'closed' }),
      a,
    ];
    expect(agendaIds(addable(open, [a]))).toEqual([12, 13, 10]);
  });

  it('knows when the edited list differs from the saved one, order included', () => {
    expect(listChanged([1, 2], [1, 2])).toBe(false);
    expect(listChanged([1, 2], [2, 1])).toBe(true);
    expect(listChanged([1, 2], [1])).toBe(true);
    expect(listChanged(['李明'], ['李明', '王华'])).toBe(true);
  });

  it('reads a saved agenda in its order and counts the 议定事项', () => {
    const meeting = {
      items: [
        { problemId: 2, sort: 2, problem: b, decision: null, owner: null, deadline: null },
        { problemId: 1, sort: 1, problem: a, decision: '10月底前完成用地报批', owner: '县自然资源局', deadline: '2020-10-31' },
      ],
    } as Pick<Meeting, 'items'>;
    expect(agendaIds(savedAgenda(meeting))).toEqual([1, 2]);
    expect(decidedCount(meeting)).toBe(1);
  });
});

describe('the meeting form', () => {
  it('names the meeting after its kind, month and domain', () => {
    expect(suggestedTitle('joint', '2020-09-15', null)).toBe('2020年9月部门联席会');
    expect(suggestedTitle('domain_group', '2020-10-08', '工业')).toBe('2020年10月工业领域领导小组会');
    expect(suggestedTitle('dispatch', '2020-09-30', '工业')).toBe('2020年9月调度推进会');
  });

  it('refuses a form without kind or chair, and a 领导小组会 without its domain, in Chinese', () => {
    expect(meetingBody({ ...emptyMeetingForm('2020-09-15'), title: '2020年9月调度会' })).toEqual({
      errors: { kind: '请选择会议类型', chair: '请填写主持人' },
    });
    expect(meetingBody({ ...emptyMeetingForm('2020-09-15'), kind: 'domain_group', title: '工业领域领导小组会', chair: '王县长' })).toEqual({
      errors: { domainId: '领导小组会须选择领域' },
    });
  });

  it('sends a domain only with a 领导小组会, and a patch without kind and domain', () => {
    const r = meetingBody({ kind: 'joint', title: '2020年9月部门联席会', domainId: 3, heldOn: '2020-09-15', location: '', chair: '张主任' });
    expect(r).toEqual({ body: { kind: 'joint', title: '2020年9月部门联席会', domainId: null, heldOn: '2020-09-15', location: '', chair: '张主任' } });
    if ('body' in r) expect(meetingPatch(r.body)).toEqual({ title: '2020年9月部门联席会', heldOn: '2020-09-15', location: '', chair: '张主任' });
  });
});
