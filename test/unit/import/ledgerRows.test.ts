import { describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/types.js';
import { ledgerPlanner, parseLeader, parseStage, planLedgerImport, type LedgerContext } from '../../../server/import/ledgerRows.js';
import type { Cell, Sheet } from '../../../server/import/sheet.js';

const WAN = 10_000;

const existing: Project = {
  id: 7, code: 'T-001', name: '新材料产业园', domainId: 1, domain: '工业', levels: ['county'], unitId: 1, unit: '县工信局', leadUnit: null,
  leaderId: 1, leader: '李县长', chargeLeaderId: null, chargeLeader: null, commissioner: null, totalInvestment: 3_600 * WAN,
  annualPlan: 1_200 * WAN, plannedStart: '2020-03-01', plannedCompletion: '2021-12-31', startedOn: '2020-03-01', completedOn: null,
  stage: 'construction', township: null, lat: null, lon: null, content: '', completedToDate: 1_000 * WAN, investmentSinceStart: 1_000 * WAN, rowVersion: 3,
};

const ctx: LedgerContext = {
  year: 2020,
  today: '2020-11-20',
  domains: [{ id: 1, code: 'industry', name: '工业' }, { id: 2, code: 'infra', name: '基础设施' }],
  levels: [{ code: 'county', name: '县重点' }, { code: 'city', name: '市重点' }],
  units: [{ id: 1, name: '县工信局' }],
  leaders: [{ id: 1, name: '李县长' }],
  projects: [existing],
};

const HEADER = ['序号', '项目编码', '项目名称', '领域', '项目级别', '责任单位', '挂点领导', '总投资(万元)', '年度计划投资(万元)', '计划开工时间', '计划竣工时间', '实际开工时间'];

function sheet(...data: Cell[][]): Sheet {
  return { name: '台账', rows: [{ row: 1, cells: ['标题'] }, { row: 2, cells: HEADER }, ...data.map((cells, i) => ({ row: i + 3, cells }))] };
}

describe('ledger row verdicts', () => {
  it('leaves an unchanged project alone and updates a changed one by code', () => {
    const same = planLedgerImport(sheet([1, 'T-001', '新材料产业园', '工业', '县重点', '县工信局', '李县长', 3600, 1200, '2020-03-01', '2021.12', '2020-03-01']), ctx)!;
    expect(same.rows[0]).toMatchObject({ verdict: 'unchanged', changes: [] });
    const changed = planLedgerImport(sheet([1, 'T-001', '新材料产业园（一期）', '工业', '县重点、市重点', '县工信局', '李县长', 3600, 1300, '2020-03-01', '2021.12', null]), ctx)!;
    expect(changed.rows[0]).toMatchObject({ verdict: 'update', changes: ['项目名称', '项目级别', '年度计划投资'], projectId: 7, rowVersion: 3 });
    expect(changed.rows[0].before).toEqual({ name: '新材料产业园', levels: ['county'], annualPlan: 1_200 * WAN });
    // An empty actual start does not clear the one the reports set.
    expect(changed.rows[0].values!.startedOn).toBe('2020-03-01');
  });

  it('matches by name when the sheet has no code, and proposes new units and leaders', () => {
    const plan = planLedgerImport(sheet(
      [1, null, ' 新材料产业园', '工业', '县重点', '县工信局', '李县长', 3600, 1200, '2020-03-01', '2021-12-31', null],
      [2, null, '城北水厂', '基础设施', null, '县水利局', '王五（常务副县长）', '8,000', '2,000', '2020年10月', null, null],
    ), ctx)!;
    expect(plan.rows[0]).toMatchObject({ verdict: 'unchanged', code: 'T-001' });
    expect(plan.rows[1]).toMatchObject({ verdict: 'create', code: 'XM20200001', warnings: ['责任单位「县水利局」不存在，将新建', '县领导「王五」不存在，将新建（常务副县长）'] });
    expect(plan.rows[1].values).toMatchObject({ stage: 'preparing', plannedStart: '2020-10-01', domainId: 2, levels: [] });
    expect(plan.newUnits).toEqual(['县水利局']);
    expect(plan.newLeaders).toEqual([{ name: '王五', title: '常务副县长', rank: 'executive_deputy' }]);
  });

  it('rejects bad rows with every reason, and blocks a commit unless they are excluded', () => {
    const plan = planLedgerImport(sheet(
      [1, null, '甲', '水利', '国重点', '县工信局', null, 100, 200, '2020-06-01', '2020-01-01', null],
      [2, 'T-001', '乙', '工业', null, null, null, 500, 100, null, null, null],
      [3, null, '丙', '工业', null, '县工信局', null, 100, 10, null, null, null],
      [4, null, '丙', '工业', null, '县工信局', null, 100, 10, null, null, null],
    ), ctx)!;
    expect(plan.rows.map((r) => r.verdict)).toEqual(['error', 'error', 'create', 'error']);
    expect(plan.rows[0].messages).toEqual([
      '年度计划投资（200.00万元）大于总投资（100.00万元），请核实单位（万元/亿元）',
      '计划竣工时间早于计划开工时间',
      '领域「水利」不存在（可选：工业、基础设施）',
      '项目级别「国重点」不存在（可选：县重点、市重点）',
    ]);
    expect(plan.rows[1].messages).toEqual(['未填写责任单位', '总投资（500.00万元）低于本年已完成投资（1,000.00万元）']);
    expect(plan.rows[3].messages).toEqual(['项目名称「丙」与第5行重复']);
    expect(Object.keys(plan.blocking)).toEqual(['row3', 'row4', 'row6']);
    expect(plan.blocking.row4).toBe('第4行：未填写责任单位；总投资（500.00万元）低于本年已完成投资（1,000.00万元）');
    const excluded = planLedgerImport(sheet([1, null, '甲', '水利', null, '县工信局', null, 100, 10, null, null, null]), ctx, new Set([3]))!;
    expect(excluded.blocking).toEqual({});
    expect(excluded.preview.counts).toMatchObject({ error: 0, excluded: 1 });
  });

  it('skips 合计 rows, notes and blank rows, and takes the domain from a section heading', () => {
    const plan = planLedgerImport(sheet(
      ['合计', null, null, null, null, null, null, 5000, 2000],
      ['二、基础设施项目'],
      [null],
      [1, null, '城南大道', null, null, '县工信局', null, 5000, 2000, null, null, null],
      ['填表人：张三'],
    ), ctx)!;
    expect(plan.rows.map((r) => [r.row, r.verdict])).toEqual([[3, 'skipped'], [4, 'skipped'], [6, 'create'], [7, 'skipped']]);
    expect(plan.rows[1].messages[0]).toContain('基础设施');
    expect(plan.rows[2].values!.domainId).toBe(2);
  });

  it('reads stages and leaders as people write them', () => {
    expect(parseStage('续建')).toBe('construction');
    expect(parseStage('未开工')).toBe('preparing');
    expect(parseStage('竣工投产')).toBe('operating');
    expect(parseStage('已竣工')).toBe('completed');
    expect(parseStage('啥')).toBeNull();
    expect(parseLeader('张三（副县长）')).toEqual({ name: '张三', title: '副县长', rank: 'deputy' });
    expect(parseLeader('李四 县长')).toEqual({ name: '李四', title: '县长', rank: 'county_head' });
    expect(parseLeader('王五')).toEqual({ name: '王五', title: '县领导', rank: 'other' });
  });
});

describe('ledger planning in slices', () => {
  it('gives the same plan read in slices as in one go (section headings and codes carry across slices)', () => {
    const data: Cell[][] = [['一、基础设施项目']];
    for (let i = 0; i < 25; i++) data.push([i + 1, null, `项目${i}`, null, '县重点', i % 4 ? '县工信局' : '县新单位', null, 100 + i, 10, '2020.3', '2021.12', null]);
    data.push([26, 'T-001', '新材料产业园', '工业', '县重点', '县工信局', '李县长', 3600, 1300, '2020-03-01', '2021.12', null], ['合计']);
    const whole = planLedgerImport(sheet(...data), ctx, new Set([5]))!;
    const planner = ledgerPlanner(sheet(...data), ctx, new Set([5]))!;
    for (let i = 0; i < planner.rows.length; i += 4) planner.read(planner.rows.slice(i, i + 4));
    const sliced = planner.finish();
    expect(sliced).toEqual(whole);
    expect(sliced.rows.filter((r) => r.verdict === 'create').every((r) => r.values!.domainId === 2)).toBe(true);
    expect(sliced.newUnits).toEqual(['县新单位']);
    expect(sliced.preview.counts).toMatchObject({ create: 24, update: 1, excluded: 1, skipped: 2 });
  });

  it('finds no planner without a header', () => {
    expect(ledgerPlanner({ name: 'x', rows: [{ row: 1, cells: ['a', 'b'] }] }, ctx)).toBeNull();
  });
});
