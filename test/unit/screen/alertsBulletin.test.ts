import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BulletinView } from '../../../shared/api.js';
import type { BulletinDoc } from '../../../server/exports/types.js';
import { bulletinMonths, bulletinUrl, headlineFigures, overallText, pointsVersusSchedule, scoreText, versusScheduleText } from '../../../screen/apps/console/alerts/bulletin.js';

describe('the months a bulletin can be published for', () => {
  it('runs from January to the month being reported, newest first', () => {
    expect(bulletinMonths(2020, '2020-03')).toEqual(['2020-03', '2020-02', '2020-01']);
    expect(bulletinMonths(2020, '2020-01')).toEqual(['2020-01']);
  });

  it('offers the whole year once it is over and nothing before it starts', () => {
    expect(bulletinMonths(2020, '2021-01')).toHaveLength(12);
    expect(bulletinMonths(2020, '2021-01')[0]).toBe('2020-12');
    expect(bulletinMonths(2021, '2020-12')).toEqual([]);
  });

  it('downloads from the bulletin endpoint', () => {
    expect(bulletinUrl('2020-09', 'docx')).toBe('/api/bulletins/2020-09.docx');
    expect(bulletinUrl('2020-09', 'xlsx')).toBe('/api/bulletins/2020-09.xlsx');
  });
});

describe('completion against 序时进度', () => {
  it('says how many points ahead or behind', () => {
    expect(pointsVersusSchedule(0.62, 0.75)).toBe(-13);
    expect(versusScheduleText(0.62, 0.75)).toBe('低于序时进度13.0个百分点');
    expect(versusScheduleText(0.8, 0.75)).toBe('超序时进度5.0个百分点');
    expect(versusScheduleText(0.75, 0.75)).toBe('与序时进度持平');
    expect(scoreText(87.456)).toBe('87.5');
  });

  it('builds the headline cards, marking the lag', () => {
    const b = {
      scheduleShare: 0.75,
      totals: {
        projects: 69, totalInvestment: 24_560_000_000, annualPlan: 8_490_000_000, completed: 5_300_000_000, completionRate: 0.6243,
        schedulePlan: 6_367_500_000, scheduleRate: 0.8324, startPlanned: 20, started: 15, startRate: 0.75, completionPlanned: 0,
        completedProjects: 0, completionProjectRate: 0, laggingCount: 7,
      },
    } as BulletinView;
    const cards = Object.fromEntries(headlineFigures(b).map((f) => [f.key, f]));
    expect(cards.annual.value).toBe('84.90');
    expect(cards.completed.value).toBe('53.00');
    expect(cards.rate).toMatchObject({ value: '62.4%', tone: 'bad', note: '低于序时 12.6 个百分点' });
    expect(cards.schedule.value).toBe('75.0%');
    expect(cards.start).toMatchObject({ value: '75.0%', note: '已开工 15 / 20 个' });
    expect(cards.done.value).toBe('—');
    expect(cards.lagging).toMatchObject({ value: '7', tone: 'bad' });
  });

  it('opens with the sentence the printed bulletin has', () => {
    const b = {
      month: '2020-09', scheduleShare: 0.75,
      totals: { projects: 69, totalInvestment: 24_560_000_000, annualPlan: 8_490_000_000, completed: 6_792_000_000, completionRate: 0.8 },
    } as BulletinView;
    expect(overallText(b)).toBe(
      '全县共安排重点项目69个，总投资245.60亿元，年度计划投资84.90亿元；1–9月累计完成投资67.92亿元，占年度计划的80.0%，超序时进度5.0个百分点（序时进度75.0%）。',
    );
  });

  it('reads the JSON the server builds the documents from', () => {
    expectTypeOf<BulletinView>().toEqualTypeOf<BulletinDoc>();
  });
});
