import { describe, expect, it } from 'vitest';
import { figuresStatus, GROUP_LAG_POINTS, progressStatus, projectStatus, STATUS_COLORS, statusCssVars } from '../../../screen/charts/status.js';
import { COLORS, echartsTheme, themeCssVars } from '../../../screen/charts/theme.js';
import { MAP_STATE_COLORS } from '../../../screen/charts/map.js';

describe('the status of a group against 序时进度', () => {
  it('is on plan at or above 序时进度', () => {
    expect(progressStatus({ completionRate: 0.549, scheduleShare: 0.549 })).toBe('onPlan');
    expect(progressStatus({ completionRate: 0.7, scheduleShare: 0.549 })).toBe('onPlan');
  });

  it('is behind under 序时进度 by less than the alert threshold, lagging from it on', () => {
    expect(GROUP_LAG_POINTS).toBe(10);
    expect(progressStatus({ completionRate: 0.54, scheduleShare: 0.549 })).toBe('behind');
    // 38.9 % against 54.9 %: 16 points behind, as far as an alert.
    expect(progressStatus({ completionRate: 0.389, scheduleShare: 0.549 })).toBe('lagging');
    expect(progressStatus({ completionRate: 0.449, scheduleShare: 0.549 })).toBe('lagging');
    expect(progressStatus({ completionRate: 0.389, scheduleShare: 0.549 }, 20)).toBe('behind');
  });

  it('reads yuan figures the same way; nothing planned yet is on plan', () => {
    // A unit at 99 % of its 序时 plan is behind (amber), not lagging, whatever its rank.
    expect(figuresStatus({ completionRate: 0.5445, annualPlan: 1000, schedulePlan: 550 })).toBe('behind');
    expect(figuresStatus({ completionRate: 0, annualPlan: 0, schedulePlan: 0 })).toBe('onPlan');
  });
});

describe('the status of a project', () => {
  it('is lagging exactly when an alert is open on it', () => {
    expect(projectStatus({ lagging: 'yellow', completionRate: 0.9, scheduleShare: 0.5 })).toBe('lagging');
    expect(projectStatus({ lagging: true, completionRate: 0.1, scheduleShare: 0.5 })).toBe('lagging');
  });

  it('is behind under its 序时进度 without an alert (amber on the desk as on the wall), else on plan', () => {
    expect(projectStatus({ lagging: false, completionRate: 0.3, scheduleShare: 0.5 })).toBe('behind');
    expect(projectStatus({ lagging: null, completionRate: 0.5, scheduleShare: 0.5 })).toBe('onPlan');
  });
});

describe('the colour language', () => {
  it('gives the wall theme its status colours from the one module', () => {
    expect(COLORS.red).toBe(STATUS_COLORS.lagging.wall);
    expect(COLORS.amber).toBe(STATUS_COLORS.behind.wall);
    expect(COLORS.green).toBe(STATUS_COLORS.onPlan.wall);
    expect(themeCssVars()['--status-on-plan']).toBe(STATUS_COLORS.onPlan.wall);
    expect(statusCssVars('paper')['--status-lagging']).toBe(STATUS_COLORS.lagging.paper);
  });

  it('keeps red out of neutral data: the series palette and the map states other than 滞后', () => {
    expect(echartsTheme.color).not.toContain(COLORS.red);
    expect(echartsTheme.color).not.toContain(COLORS.amber);
    expect(echartsTheme.color).not.toContain(COLORS.green);
    const { lagging, ...others } = MAP_STATE_COLORS;
    expect(lagging).toBe(STATUS_COLORS.lagging.wall);
    for (const c of Object.values(others)) expect(Object.values(STATUS_COLORS).map((s) => s.wall)).not.toContain(c);
  });
});
