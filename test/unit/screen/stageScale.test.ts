import { describe, expect, it } from 'vitest';
import { chartPixelRatio, fitStage, STAGE_HEIGHT, STAGE_WIDTH } from '../../../screen/composables/useStageScale.js';

describe('fitStage', () => {
  it('is 1:1 on a 1080p screen', () => {
    expect(fitStage(1920, 1080)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('doubles on 4K with no bars', () => {
    expect(fitStage(3840, 2160)).toEqual({ scale: 2, x: 0, y: 0 });
  });

  it('letterboxes a screen taller than 16:9 top and bottom, centred', () => {
    const fit = fitStage(1280, 1024);
    expect(fit.scale).toBeCloseTo(1280 / 1920, 10);
    expect(fit.x).toBe(0);
    expect(fit.y).toBeCloseTo((1024 - 1080 * fit.scale) / 2, 10);
    expect(fit.y * 2 + STAGE_HEIGHT * fit.scale).toBeCloseTo(1024, 10);
  });

  it('pillarboxes a spliced wall wider than 16:9 left and right', () => {
    const fit = fitStage(7680, 2160);
    expect(fit.scale).toBe(2);
    expect(fit.y).toBe(0);
    expect(fit.x).toBe((7680 - STAGE_WIDTH * 2) / 2);
  });

  it('scales 1366×768 down uniformly without overflowing', () => {
    const fit = fitStage(1366, 768);
    expect(STAGE_WIDTH * fit.scale).toBeLessThanOrEqual(1366);
    expect(STAGE_HEIGHT * fit.scale).toBeLessThanOrEqual(768);
    expect(fit.x).toBeGreaterThanOrEqual(0);
    expect(fit.y).toBeGreaterThanOrEqual(0);
  });

  it('survives a zero-sized viewport (a hidden kiosk tab)', () => {
    expect(fitStage(0, 0)).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('chartPixelRatio', () => {
  it('gives canvases one pixel per device pixel after the stage scale', () => {
    expect(chartPixelRatio(1, 1)).toBe(1);
    expect(chartPixelRatio(1, 2)).toBe(2);
    expect(chartPixelRatio(2, 2)).toBe(4);
  });

  it('rounds up to quarter steps so small resizes do not re-create charts', () => {
    expect(chartPixelRatio(1, 1366 / 1920)).toBe(0.75);
    expect(chartPixelRatio(1, 1.01)).toBe(1.25);
  });

  it('never goes below one half, and treats a missing devicePixelRatio as 1', () => {
    expect(chartPixelRatio(1, 0.1)).toBe(0.5);
    expect(chartPixelRatio(0, 2)).toBe(2);
  });
});
