import { describe, expect, it } from 'vitest';
import { awaitsExplanation, handlerOf, LEVEL_NAMES, letterUrl, nextLevel, SEVERITIES, unitStatus } from '../../../screen/features/alerts/alertLabels.js';

describe('分级调度 levels', () => {
  it('names who handles each level and where an escalation goes', () => {
    expect(LEVEL_NAMES).toEqual({ 1: '挂点领导', 2: '常务副县长', 3: '县长' });
    expect(nextLevel(1)).toBe(2);
    expect(nextLevel(2)).toBe(3);
    expect(nextLevel(3)).toBeNull();
  });

  it('names the linked leader at level 1 only', () => {
    expect(handlerOf({ level: 1, leader: '李明' })).toBe('挂点领导（李明）');
    expect(handlerOf({ level: 1, leader: null })).toBe('挂点领导');
    expect(handlerOf({ level: 2, leader: '李明' })).toBe('常务副县长');
  });
});

describe('where an alert stands for the unit', () => {
  it('owes an explanation until it gives one, letter or not', () => {
    expect(unitStatus({ state: 'raised', acknowledgement: null })).toEqual({ label: '待说明', type: 'danger' });
    expect(unitStatus({ state: 'letter_issued', acknowledgement: null }).label).toBe('待说明');
    expect(unitStatus({ state: 'letter_issued', acknowledgement: '已协调用地' }).label).toBe('已说明');
    expect(unitStatus({ state: 'acknowledged', acknowledgement: '已协调用地' }).label).toBe('已说明');
    expect(unitStatus({ state: 'cleared', acknowledgement: null }).label).toBe('已整改');
  });

  it('counts only open alerts without an explanation as awaiting one', () => {
    expect(awaitsExplanation({ state: 'raised', acknowledgement: null })).toBe(true);
    expect(awaitsExplanation({ state: 'letter_issued', acknowledgement: null })).toBe(true);
    expect(awaitsExplanation({ state: 'acknowledged', acknowledgement: '说明' })).toBe(false);
    expect(awaitsExplanation({ state: 'cleared', acknowledgement: null })).toBe(false);
  });

  it('orders severities red first and links a letter to its .docx', () => {
    expect(SEVERITIES).toEqual(['red', 'orange', 'yellow']);
    expect(letterUrl(12)).toBe('/api/letters/12.docx');
  });
});
