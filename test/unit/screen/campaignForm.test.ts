import { describe, expect, it } from 'vitest';
import { campaignInput } from '../../../shared/campaigns.js';
import { blankForm, campaignBody, parseLeaderLine } from '../../../screen/apps/console/campaigns/campaignForm.js';

describe('the campaign set-up form', () => {
  it('sends the chosen grouping only, with targets where typed', () => {
    const form = { ...blankForm(2027), county: ' 示范县 ', grouping: 'domains' as const };
    form.domains[0].target = '500000';
    const body = campaignBody(form);
    expect(body).toMatchObject({ county: '示范县', year: 2027, firstYear: 2027, lastYear: 2027, levels: [], reportDeadlineDay: 5 });
    expect(body.domains).toHaveLength(6);
    expect(body.domains![0]).toEqual({ name: '工业', target: '500000' });
    expect(body.domains![1]).toEqual({ name: '农业' });
    expect(campaignInput.parse(body).domains![0].target).toBe(5_000_000_000);
    expect(campaignBody({ ...form, grouping: 'levels' }).domains).toEqual([]);
    expect(campaignBody({ ...form, grouping: 'both' }).levels!.map((l) => l.name)).toEqual(['省重点', '省大中型', '省市县三级联动', '市重点', '县重点']);
  });

  it('reads units and leaders one per line', () => {
    const body = campaignBody({ ...blankForm(2027), county: '示范县', units: '县工信局\n\n 县交通运输局 ', leaders: '王明 县长\n李强（常务副县长）\n赵六' });
    expect(body.units).toEqual(['县工信局', '县交通运输局']);
    expect(body.leaders).toEqual([{ name: '王明', title: '县长' }, { name: '李强', title: '常务副县长' }, { name: '赵六', title: '县领导' }]);
    expect(parseLeaderLine('张三(副县长)')).toEqual({ name: '张三', title: '副县长' });
    expect(campaignBody(blankForm(2027)).units).toBeUndefined();
  });

  it('sends the period targets of a multi-year campaign only', () => {
    const form = { ...blankForm(2021), county: '上犹县', lastYear: 2023 };
    form.domains[0] = { name: '工业', target: '150000', periodTarget: '500000' };
    expect(campaignBody(form).domains![0]).toEqual({ name: '工业', target: '150000', periodTarget: '500000' });
    expect(campaignInput.parse(campaignBody(form)).domains![0].periodTarget).toBe(5_000_000_000);
    expect(campaignBody({ ...form, lastYear: 2021 }).domains![0]).toEqual({ name: '工业', target: '150000' });
  });
});
