// Writes a whole LedgerSeed (the demo county, later an imported ledger) in one transaction.
import { seedCampaign, type LedgerSeed } from '../domain/ledger.js';
import type { CountyGeoJson } from '../../shared/map.js';
import { monthsOfYear } from '../../shared/dates.js';
import type { Db } from './db.js';
import { type Actor, audit } from './audit.js';
import { insertCampaignYear } from './campaignYear.js';
import { insertColumns, insertMany } from './bulk.js';
import { insertProjects } from './imports.js';
import { getCountyMapInfo, putCountyMap } from './countyMaps.js';

export async function loadSeed(db: Db, seed: LedgerSeed, actor: Actor): Promise<number> {
  return db.tx(async (q) => {
    const { campaignId, domainId, unitId, leaderId } = await insertCampaignYear(q, {
      campaign: seedCampaign(0, seed.campaign),
      domains: seed.domains,
      levels: seed.levels,
      units: seed.units,
      leaders: seed.leaders,
      activate: true,
    });
    // Column-array inserts (unnest): a province-scale seed of 15,000 projects writes in seconds.
    const projectId = await insertProjects(q, campaignId, seed.projects.map((p) => ({
      ...p,
      domainId: need(domainId, p.domainCode, 'domain'),
      unitId: need(unitId, p.unit, 'unit'),
      leaderId: p.leader ? need(leaderId, p.leader, 'leader') : null,
      chargeLeaderId: p.chargeLeader ? need(leaderId, p.chargeLeader, 'leader') : null,
    })));
    const months = monthsOfYear(seed.campaign.year);
    const plans = seed.projects.flatMap((p) =>
      p.monthlyPlan ? p.monthlyPlan.map((amount, i) => [projectId.get(p.code), months[i], amount]) : [],
    );
    await insertColumns(q, 'monthly_plans', [['project_id', 'int'], ['month', 'text'], ['amount', 'int8']], plans);
    await insertColumns(
      q, 'reports',
      [['project_id', 'int'], ['month', 'text'], ['revision', 'int'], ['investment', 'int8'], ['progress', 'text'], ['started_on', 'date'],
        ['completed_on', 'date'], ['status', 'text'], ['submitted_by_name', 'text'], ['created_at', 'timestamptz']],
      seed.reports.map((r) => [
        need(projectId, r.projectCode, 'project'), r.month, 1, r.investment, r.progress, r.startedOn, r.completedOn,
        'accepted', 'demo', r.submittedAt,
      ]),
    );
    await loadProblems(q, campaignId, seed, projectId);
    if (seed.countyMap) await loadCountyMap(q, seed.campaign.county, seed.countyMap, actor);
    await audit(q, actor, 'seed', 'campaign', campaignId, null, {
      county: seed.campaign.county, year: seed.campaign.year, projects: seed.projects.length, reports: seed.reports.length,
    });
    return campaignId;
  });
}

/** The demo's problem ledger with a history step per state, and the meetings that discussed it. */
async function loadProblems(q: Parameters<typeof insertMany>[0], campaignId: number, seed: LedgerSeed, projectId: Map<string, number>) {
  const problems = seed.problems ?? [];
  if (!problems.length) return;
  const rows = await insertMany(
    q, 'problems',
    ['project_id', 'category', 'description', 'asked_of', 'coordinating_unit', 'due_on', 'state', 'level', 'resolution',
      'resolved_by', 'resolved_at', 'confirmed_by', 'created_at', 'closed_at', 'updated_at'],
    problems.map((p) => {
      const resolved = p.state === 'resolved' || p.state === 'closed';
      return [
        need(projectId, p.projectCode, 'project'), p.category, p.description, p.askedOf, p.coordinatingUnit, p.dueOn, p.state,
        p.level, p.resolution, resolved ? '责任单位' : null, resolved ? p.closedAt ?? p.createdAt : null,
        p.state === 'closed' ? '重推办' : null, p.createdAt, p.closedAt, p.closedAt ?? p.createdAt,
      ];
    }),
    { returning: 'id' },
  );
  const ids = rows.map((r) => r.id as number);
  const steps = problems.flatMap((p, i) => {
    const out = [[ids[i], p.createdAt, '责任单位', 'raise', null, 'pending', p.description, p.dueOn]];
    if (p.state !== 'pending') out.push([ids[i], p.createdAt, '重推办', 'accept', 'pending', 'coordinating', p.coordinatingUnit ?? '', null]);
    if (p.state === 'resolved' || p.state === 'closed') out.push([ids[i], p.closedAt ?? p.createdAt, '责任单位', 'resolve', 'coordinating', 'resolved', p.resolution ?? '', null]);
    if (p.state === 'closed') out.push([ids[i], p.closedAt, '重推办', 'confirm', 'resolved', 'closed', '', null]);
    return out;
  });
  await insertMany(q, 'problem_steps', ['problem_id', 'at', 'actor', 'action', 'from_state', 'to_state', 'note', 'due_on'], steps);
  for (const m of seed.meetings ?? []) {
    const [{ id }] = await q.query<{ id: number }>(
      `INSERT INTO meetings (campaign_id, kind, title, held_on, location, chair, state, attendees, created_by_name, created_at, held_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'held', $7, '重推办', $4::date - 7, $4::date + time '17:00') RETURNING id`,
      [campaignId, m.kind, m.title, m.heldOn, m.location, m.chair, m.attendees],
    );
    await insertMany(q, 'meeting_items', ['meeting_id', 'problem_id', 'sort', 'decision', 'owner', 'deadline'],
      m.items.map((item, k) => [id, ids[item.problem], k + 1, item.decision, item.owner, item.deadline]));
    await insertMany(q, 'problem_steps', ['problem_id', 'at', 'actor', 'action', 'from_state', 'to_state', 'note', 'due_on'],
      m.items.map((item) => [ids[item.problem], `${m.heldOn}T09:00:00.000Z`, m.chair, 'decision', 'coordinating', 'coordinating', item.decision, item.deadline]));
  }
}

function need<K>(map: Map<K, number>, key: K, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed refers to unknown ${what}: ${String(key)}`);
  return id;
}

/** The demo county's map, unless the county already has one (an earlier year's, or staff's upload). */
async function loadCountyMap(q: Parameters<typeof insertMany>[0], county: string, geojson: CountyGeoJson, actor: Actor) {
  if (await getCountyMapInfo(q, county)) return;
  const townships = geojson.features.filter((f) => f.properties.role === 'township');
  const info = await putCountyMap(q, {
    county,
    geojson,
    outline: geojson.features.find((f) => f.properties.role === 'outline')?.properties.name ?? null,
    townshipAreas: townships.filter((f) => f.geometry.type !== 'Point').map((f) => f.properties.name),
    townshipPoints: townships.filter((f) => f.geometry.type === 'Point').map((f) => f.properties.name),
    bytes: new TextEncoder().encode(JSON.stringify(geojson)).length,
    userId: actor.userId,
    userName: actor.name,
  });
  await audit(q, actor, 'county_map.upload', 'county_map', county, null, { outline: info.outline, townshipPoints: info.townshipPoints, bytes: info.bytes });
}
