// Each county demo's 问题台账 and the meetings that took it up, as the seed loader writes them.
import { describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../../shared/dates.js';
import { MEETING_KIND_LABELS } from '../../../shared/problems.js';
import { problemFacts } from '../../../server/domain/problemSummary.js';
import { demoLedger, DEMO_PROFILES } from '../../../server/demo/demo.js';
import { demoInput } from '../../fixtures/demoInput.js';

/** Per profile: problems by state, and meetings by kind. */
const EXPECTED: Record<string, { states: Record<string, number>; meetings: Record<string, number> }> = {
  yiyang: { states: { pending: 3, coordinating: 5, resolved: 1, closed: 3 }, meetings: { joint: 3 } },
  shangyou: { states: { pending: 4, coordinating: 9, resolved: 2, closed: 8 }, meetings: { joint: 4, dispatch: 2 } },
};

const countBy = <T>(xs: readonly T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

describe.each(DEMO_PROFILES)('%s demo problem ledger', (profile) => {
  const ledger = demoLedger(profile);
  const today = ledger.campaign.frozenToday!;
  const problems = ledger.problems ?? [];
  const meetings = ledger.meetings ?? [];
  const byCode = new Map(ledger.projects.map((p) => [p.code, p]));

  it('holds problems in every state but 退回, and meetings, as expected', () => {
    expect(countBy(problems, (p) => p.state)).toEqual(EXPECTED[profile].states);
    expect(countBy(meetings, (m) => m.kind)).toEqual(EXPECTED[profile].meetings);
  });

  it('attaches every problem to a project of the ledger, one each, in the campaign’s categories', () => {
    for (const p of problems) expect(byCode.has(p.projectCode)).toBe(true);
    expect(new Set(problems.map((p) => p.projectCode)).size).toBe(problems.length);
    expect(new Set(problems.map((p) => p.category))).toEqual(new Set(ledger.campaign.settings.problemCategories));
  });

  it('dates nothing after today: raised, resolved or closed, and the meetings held', () => {
    for (const p of problems) {
      expect(chinaDateOf(p.createdAt) <= today).toBe(true);
      if (p.closedAt) expect(chinaDateOf(p.createdAt) <= chinaDateOf(p.closedAt) && chinaDateOf(p.closedAt) <= today).toBe(true);
    }
    for (const m of meetings) expect(m.heldOn <= today).toBe(true);
  });

  it('keeps each state whole: a unit once accepted, a resolution once resolved, a close date once closed', () => {
    for (const p of problems) {
      expect(p.coordinatingUnit === null).toBe(p.state === 'pending');
      expect(p.resolution === null).toBe(p.state === 'pending' || p.state === 'coordinating');
      expect(p.closedAt === null).toBe(p.state !== 'closed');
    }
  });

  it('puts on a meeting only problems raised before it and not yet resolved', () => {
    for (const m of meetings) {
      expect(Object.keys(MEETING_KIND_LABELS)).toContain(m.kind);
      expect(m.items.length).toBeGreaterThan(0);
      for (const item of m.items) {
        const p = problems[item.problem];
        expect(p.state).not.toBe('pending');
        expect(chinaDateOf(p.createdAt) < m.heldOn).toBe(true);
        if (p.closedAt) expect(m.heldOn < chinaDateOf(p.closedAt)).toBe(true);
        expect(item.owner).toBe(p.coordinatingUnit);
      }
    }
  });

  it('is deterministic for a seed, and whole for the server’s default seed (DEMO_SEED 2020)', () => {
    expect(demoLedger(profile)).toEqual(ledger);
    const served = demoLedger(profile, { seed: 2020 });
    expect(countBy(served.problems ?? [], (p) => p.state)).toEqual(EXPECTED[profile].states);
    expect(served.meetings).toHaveLength(meetings.length);
  });
});

describe('上犹 demo problem ledger', () => {
  const ledger = demoLedger('shangyou');
  const problems = ledger.problems!;
  const input = demoInput(ledger);
  const facts = input.problems.map((p, i) => problemFacts({ ...p, createdAt: problems[i].createdAt }, input.today));
  const byCode = new Map(ledger.projects.map((p) => [p.code, p]));

  it('covers all four categories in several states, and every dispatch level', () => {
    const categories = countBy(problems, (p) => p.category);
    expect(Object.keys(categories).sort()).toEqual(['审批协调', '工程建设', '用地保障', '资金筹措'].sort());
    for (const n of Object.values(categories)) expect(n).toBeGreaterThanOrEqual(4);
    for (const category of Object.keys(categories)) {
      expect(new Set(problems.filter((p) => p.category === category).map((p) => p.state)).size).toBeGreaterThanOrEqual(3);
    }
    expect(countBy(problems, (p) => String(p.level))).toEqual({ 1: 18, 2: 3, 3: 2 });
  });

  it('has overdue items and one 通报批评 (two meetings, the later deadline passed)', () => {
    expect(facts.filter((f) => f.overdue)).toHaveLength(3);
    expect(facts.filter((f) => f.flagged)).toHaveLength(1);
    expect(problems.filter((p) => p.closedAt?.startsWith('2021-09'))).toHaveLength(1);
  });

  it('raises 前期 problems on projects not yet started, and the others on works under way', () => {
    for (const p of problems) {
      const project = byCode.get(p.projectCode)!;
      if (project.startedOn) expect(project.startedOn <= chinaDateOf(p.createdAt) || (p.closedAt !== null && project.startedOn >= chinaDateOf(p.closedAt))).toBe(true);
      if (p.state !== 'closed') expect(project.completedOn).toBeNull();
    }
    expect(problems.filter((p) => !byCode.get(p.projectCode)!.startedOn).length).toBeGreaterThanOrEqual(3);
  });

  it('names the 属地 township where the township is asked to act', () => {
    const local = problems.filter((p) => p.coordinatingUnit?.endsWith('人民政府'));
    expect(local.length).toBeGreaterThanOrEqual(2);
    for (const p of local) expect(p.coordinatingUnit).toBe(`${byCode.get(p.projectCode)!.township}人民政府`);
  });

  it('holds a monthly 部门联席会 from June and a quarterly 调度推进会, chaired by the 总指挥 or his deputy', () => {
    const meetings = ledger.meetings!;
    expect(meetings.filter((m) => m.kind === 'joint').map((m) => m.heldOn.slice(0, 7))).toEqual(['2021-06', '2021-07', '2021-08', '2021-09']);
    const dispatch = meetings.filter((m) => m.kind === 'dispatch');
    expect(dispatch.map((m) => m.title)).toEqual(['二季度全县“项目大会战”调度推进会', '三季度全县“项目大会战”调度推进会']);
    for (const m of dispatch) expect(['余业伟', '周光仁']).toContain(m.chair);
    // The 县长专题会 matters are taken up by the 调度推进会.
    for (const [i, p] of problems.entries()) {
      if (p.level === 3) expect(dispatch.some((m) => m.items.some((item) => item.problem === i))).toBe(true);
    }
  });

  it('follows a configurable today and seed', () => {
    const later = demoLedger('shangyou', { today: '2021-11-10', seed: 7 });
    for (const p of later.problems!) expect(chinaDateOf(p.createdAt) <= '2021-11-10').toBe(true);
    for (const m of later.meetings!) expect(m.heldOn <= '2021-11-10').toBe(true);
    expect(later.problems!.map((p) => p.projectCode)).not.toEqual(problems.map((p) => p.projectCode));
  });
});
