import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/types.js';
import { docNumberExample, normalizedDays, settingsErrors, settingsFieldErrors, toForm } from '../../../screen/apps/console/alerts/settingsForm.js';
import { WEIGHT_COMPONENTS, weightShares, weightSum } from '../../../screen/apps/console/alerts/weights.js';

describe('ranking weights', () => {
  it('explains all five components', () => {
    expect(WEIGHT_COMPONENTS.map((c) => c.key)).toEqual(['investment', 'start', 'completion', 'timeliness', 'problems']);
    expect(WEIGHT_COMPONENTS.every((c) => /[\u4e00-\u9fa5]/.test(c.label) && c.meaning.length > 4)).toBe(true);
  });

  it('sums them, a blank input counting as 0', () => {
    expect(weightSum(DEFAULT_SETTINGS.rankingWeights)).toBe(100);
    expect(weightSum({ investment: 40, start: null, completion: 15, timeliness: 15, problems: 15 })).toBe(85);
    expect(weightSum({ investment: 0.1, start: 0.2, completion: 0, timeliness: 0, problems: 0 })).toBe(0.3);
  });

  it('gives each weight its share of the sum', () => {
    expect(weightShares(DEFAULT_SETTINGS.rankingWeights)).toEqual({ investment: 40, start: 15, completion: 15, timeliness: 15, problems: 15 });
    expect(weightShares({ investment: 1, start: 1, completion: 1, timeliness: 0, problems: 0 }).investment).toBe(33.3);
    expect(weightShares({ investment: 0, start: 0, completion: 0, timeliness: 0, problems: 0 }).investment).toBe(0);
  });
});

describe('the settings form', () => {
  it('accepts the defaults', () => {
    expect(settingsErrors(toForm(DEFAULT_SETTINGS))).toEqual({});
  });

  it('copies the settings so editing the form leaves them alone', () => {
    const form = toForm(DEFAULT_SETTINGS);
    form.rankingWeights.investment = 1;
    form.problemDeadlineDays.push(25);
    expect(DEFAULT_SETTINGS.rankingWeights.investment).toBe(40);
    expect(DEFAULT_SETTINGS.problemDeadlineDays).toEqual([3, 18]);
  });

  it('puts every problem next to its field, in Chinese', () => {
    const form = toForm(DEFAULT_SETTINGS);
    Object.assign(form, { lagYellowPoints: null, reportDeadlineDay: null, letterDeadlineDays: 0, problemDeadlineDays: [] });
    form.letterPrefixes.warning = '';
    form.rankingWeights = { investment: 0, start: 0, completion: 0, timeliness: 0, problems: 0 };
    const errors = settingsErrors(form);
    expect(Object.keys(errors).sort()).toEqual(
      ['lagYellowPoints', 'letterDeadlineDays', 'letterPrefixes.warning', 'problemDeadlineDays', 'rankingWeights', 'reportDeadlineDay'].sort(),
    );
    for (const message of Object.values(errors)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(errors.rankingWeights).toBe('权重不能全为0');
    expect(errors.problemDeadlineDays).toBe('至少设置一个问题报送截止日');
  });

  it('keeps the thresholds in order', () => {
    const form = { ...toForm(DEFAULT_SETTINGS), lagYellowPoints: 25, lagOrangePoints: 20 };
    expect(settingsErrors(form)).toEqual({ lagOrangePoints: '橙色阈值须大于黄色阈值' });
  });

  it('turns a server message without Chinese into the field own, and a list item into the list', () => {
    expect(settingsFieldErrors({ 'problemDeadlineDays.1': 'Too big: expected number to be <=28' })).toEqual({
      problemDeadlineDays: '问题报送截止日须为每月1–28日，最多4个',
    });
    expect(settingsFieldErrors({ 'rankingWeights.start': 'Too big' })).toEqual({ 'rankingWeights.start': '权重须为0–100之间的数' });
    expect(settingsFieldErrors({ lagOrangePoints: '阈值须满足：黄色 < 橙色 < 红色' })).toEqual({ lagOrangePoints: '阈值须满足：黄色 < 橙色 < 红色' });
    expect(settingsFieldErrors({ somethingNew: 'Invalid' })).toEqual({ somethingNew: '填写有误，请检查' });
  });

  it('orders the problem deadlines and shows what a 文号 will look like', () => {
    expect(normalizedDays([18, 3, 18])).toEqual([3, 18]);
    expect(docNumberExample('弋重推预字', 2020)).toBe('弋重推预字〔2020〕1号');
    expect(docNumberExample(' ', 2020)).toBe('（前缀）〔2020〕1号');
  });
});
