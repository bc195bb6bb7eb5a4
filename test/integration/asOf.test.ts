// One 口径 over HTTP: for every closed month of the demo year, the meeting freeze (presentation:snapshot),
// the 月通报 as JSON, .docx and .xlsx, and an auditor's recomputation straight from the store's rows
// (test/fixtures/auditor.ts, apart from the product's code) give the same figures.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLedger, DEMO_PROFILES } from '../../server/demo/demo.js';
import { freezableMonths, runningOf } from '../../shared/presentation.js';
import type { Snapshot } from '../../shared/snapshot.js';
import type { Db } from '../../server/store/db.js';
import { audit, type Audit, type AuditRows, type GroupAudit } from '../fixtures/auditor.js';
import { backends, client, next, startHarness, type Client, type Harness, type TestSocket } from './harness.js';

const num = (v: unknown) => Number(v);

/** The ledger rows as an auditor would export them from the database. */
async function rowsOf(db: Db): Promise<AuditRows> {
  const [campaign] = await db.query<{ id: number; year: number; settings: AuditRows['settings'] }>('SELECT id, year, settings FROM campaigns');
  const projects = await db.query<AuditRows['projects'][number] & { unit: string }>(
    `SELECT p.id, p.domain_id AS "domainId", p.levels, p.unit_id AS "unitId", u.name AS unit, p.leader_id AS "leaderId",
       p.charge_leader_id AS "chargeLeaderId", p.annual_plan AS "annualPlan", to_char(p.planned_start, 'YYYY-MM-DD') AS "plannedStart",
       to_char(p.planned_completion, 'YYYY-MM-DD') AS "plannedCompletion", to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn",
       to_char(p.completed_on, 'YYYY-MM-DD') AS "completedOn", p.stage
     FROM projects p JOIN units u ON u.id = p.unit_id WHERE p.campaign_id = $1 ORDER BY p.id`,
    [campaign.id],
  );
  const reports = await db.query<{ projectId: number; month: string; investment: string; status: string; filedOn: string }>(
    `SELECT DISTINCT ON (r.project_id, r.month) r.project_id AS "projectId", r.month, r.investment, r.status,
       to_char(min(r.created_at) OVER (PARTITION BY r.project_id, r.month) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "filedOn"
     FROM reports r ORDER BY r.project_id, r.month, (r.status = 'accepted') DESC, r.revision DESC`,
  );
  const problems = await db.query<AuditRows['problems'][number]>(
    `SELECT pr.id, pr.project_id AS "projectId", pr.state, to_char(pr.due_on, 'YYYY-MM-DD') AS "dueOn",
       to_char(pr.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "raisedOn",
       to_char(pr.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "closedOn"
     FROM problems pr ORDER BY pr.id`,
  );
  const steps = await db.query<{ problemId: number; on: string; state: string; dueOn: string | null }>(
    `SELECT problem_id AS "problemId", to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS on, to_state AS state,
       to_char(due_on, 'YYYY-MM-DD') AS "dueOn"
     FROM problem_steps ORDER BY at, id`,
  );
  const agenda = await db.query<{ problemId: number; heldOn: string; deadline: string | null }>(
    `SELECT mi.problem_id AS "problemId", to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn", to_char(mi.deadline, 'YYYY-MM-DD') AS deadline
     FROM meeting_items mi JOIN meetings m ON m.id = mi.meeting_id WHERE m.state = 'held' ORDER BY m.held_on, m.id`,
  );
  return {
    year: campaign.year,
    settings: campaign.settings,
    domains: await db.query('SELECT id, code FROM domains WHERE campaign_id = $1', [campaign.id]),
    levels: await db.query('SELECT code FROM levels WHERE campaign_id = $1', [campaign.id]),
    projects: projects.map((p) => ({ ...p, annualPlan: num(p.annualPlan) })),
    plans: (await db.query<{ projectId: number; month: string; amount: string }>('SELECT project_id AS "projectId", month, amount FROM monthly_plans'))
      .map((p) => ({ ...p, amount: num(p.amount) })),
    reports: reports.map((r) => ({ ...r, investment: num(r.investment) })),
    problems: problems.map((p) => ({
      ...p,
      history: steps.filter((s) => s.problemId === p.id).map(({ on, state, dueOn }) => ({ on, state, dueOn })),
      agenda: agenda.filter((a) => a.problemId === p.id).map(({ heldOn, deadline }) => ({ heldOn, deadline })),
    })),
  };
}

const figures = (g: GroupAudit) => ({ projects: g.projects, annualPlan: g.annualPlan, completed: g.completed, schedulePlan: g.schedulePlan, laggingCount: g.laggingCount });
const groups = (list: { key: string; projects: number; annualPlan: number; completed: number; schedulePlan: number; laggingCount: number }[]) =>
  Object.fromEntries(list.map((g) => [g.key, figures(g)]));

/** What both the frozen wall and the bulletin must show, in the auditor's shape. */
function figuresOf(b: { totals: Snapshot['totals']; byDomain: Snapshot['byDomain']; byLevel: Snapshot['byLevel']; byLeader: Snapshot['byLeader']; ranking: Snapshot['ranking'] }) {
  const t = b.totals;
  return {
    totals: { ...figures(t), startPlanned: t.startPlanned, started: t.started, completionPlanned: t.completionPlanned, completedProjects: t.completedProjects },
    scheduleShare: t.schedulePlan / t.annualPlan,
    byDomain: groups(b.byDomain),
    byLevel: groups(b.byLevel),
    byLeader: groups(b.byLeader.map((l) => ({ ...l, key: String(l.leaderId) }))),
    ranking: b.ranking.map((r) => ({ unit: r.unit, score: r.score, rank: r.rank })),
  };
}

function expected(a: Audit) {
  return {
    totals: a.totals,
    scheduleShare: a.scheduleShare,
    byDomain: a.byDomain,
    byLevel: a.byLevel,
    byLeader: Object.fromEntries(Object.entries(a.byLeader).map(([k, v]) => [k, v])),
    ranking: a.ranking,
  };
}

/** The bulletin's .docx as plain text. */
async function docxText(res: Response): Promise<string> {
  const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
}

/** The .xlsx sheet 总体情况 as label → value, and the ranking sheet's rows. */
async function xlsxFigures(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const overall = new Map<string, unknown>();
  wb.getWorksheet('总体情况')!.eachRow((row) => overall.set(String(row.getCell(1).value), row.getCell(2).value));
  const ranking: unknown[][] = [];
  wb.getWorksheet('单位排名')!.eachRow((row) => ranking.push((row.values as unknown[]).slice(1)));
  return { overall, ranking };
}

for (const profile of DEMO_PROFILES) {
  // One profile on PostgreSQL as well keeps the run short; the other runs on PGlite.
  const stores = profile === 'yiyang' ? backends() : backends().slice(0, 1);
  describe.each(stores)(`the figures as of each month end agree (${profile}, %s)`, (backend) => {
    let h: Harness;
    let admin: Client;
    let wall: TestSocket;
    let rows: AuditRows;
    let months: string[];

    beforeAll(async () => {
      h = await startHarness({ backend, seed: demoLedger(profile) });
      admin = client(h, await h.login());
      const token = (await admin.post('/api/display-tokens', { name: '指挥中心主屏' })).body;
      wall = await h.socket({ token: token.token });
      await next(wall, 'presentation:state');
      rows = await rowsOf(h.db);
      const live = (await admin.get('/api/snapshot')).body as Snapshot;
      months = [...freezableMonths(live.campaign.year, live.today)].reverse();
      expect((await admin.post('/api/presentation', {})).status).toBeLessThan(300);
    }, 60_000);
    afterAll(() => h.close());

    it('the meeting freeze, the 月通报 (JSON, .docx, .xlsx) and the auditor, month by month', async () => {
      expect(months.length).toBeGreaterThan(6);
      for (const month of months) {
        const a = audit(rows, month);
        const pushed = next(wall, 'presentation:snapshot');
        const res = await admin.patch('/api/presentation', { frozen: month });
        expect(runningOf(res.body.state)?.frozen?.month).toBe(month);
        const frozen = (await pushed).snapshot;
        const bulletin = (await admin.get(`/api/bulletins/${month}`)).body;
        const label = `${profile} ${month}`;

        expect(frozen.reportingMonth, label).toBe(month);
        expect(frozen.today, label).toBe(a.asOf);
        expect(bulletin.asOf, label).toBe(a.asOf);
        expect(figuresOf(frozen), label).toEqual(expected(a));
        expect(figuresOf(bulletin), label).toEqual(expected(a));
        // The lagging set: the frozen wall's alerts are one per rule hit, the bulletin lists the worst.
        expect([...new Set(frozen.alerts.map((x) => x.projectId))].sort((x, y) => x - y), label).toEqual(a.lagging);
        expect(bulletin.lagging.map((l: { projectId: number }) => l.projectId).sort((x: number, y: number) => x - y), label)
          .toEqual(a.lagging.length <= 50 ? a.lagging : expect.any(Array));
        const p = frozen.problems;
        expect({ open: p.pending + p.coordinating + p.resolved, resolved: p.resolved, overdue: p.overdue, flagged: p.flagged, closedThisMonth: p.closedThisMonth }, label)
          .toEqual(a.problems);
        const { open, resolved, overdue, flagged, closedThisMonth } = bulletin.problems;
        expect({ open, resolved, overdue, flagged, closedThisMonth }, label).toEqual(a.problems);

        const xlsx = await xlsxFigures(await admin.raw(`/api/bulletins/${month}.xlsx`));
        expect(num(xlsx.overall.get('累计完成(万元)')), label).toBe(a.totals.completed / 10_000);
        expect(num(xlsx.overall.get('序时计划(万元)')), label).toBe(a.totals.schedulePlan / 10_000);
        expect(num(xlsx.overall.get('序时进度')), label).toBeCloseTo(a.scheduleShare, 12);
        expect(num(xlsx.overall.get('已开工(个)')), label).toBe(a.totals.started);
        expect(num(xlsx.overall.get('已竣工(个)')), label).toBe(a.totals.completedProjects);
        expect(num(xlsx.overall.get('滞后项目(个)')), label).toBe(a.lagging.length);
        expect(num(xlsx.overall.get('未销号问题(个)')), label).toBe(a.problems.open);
        for (const r of a.ranking) expect(xlsx.ranking.some((row) => row[1] === r.unit && row.includes(r.score) && row[0] === r.rank), `${label} ${r.unit}`).toBe(true);

        const text = await docxText(await admin.raw(`/api/bulletins/${month}.docx`));
        expect(text, label).toContain(`已开工${a.totals.started}个`);
        if (a.lagging.length) expect(text, label).toContain(`全县共有${a.lagging.length}个项目进度滞后`);
        expect(text, label).toContain(a.problems.open ? `尚有未销号问题${a.problems.open}个` : '无未销号问题');
        for (const r of a.ranking) expect(text, `${label} ${r.unit}`).toContain(`${r.rank}${r.unit}`);
      }
    }, 120_000);
  });
}
