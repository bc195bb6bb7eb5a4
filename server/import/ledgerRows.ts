// Every row of a ledger sheet → its verdict: a new project, an update of one matched by code (or
// by name), unchanged, rejected with the reasons, or skipped (title, 合计, section heading, note).
import type { ImportPreview, PreviewRow } from '../../shared/imports.js';
import { formatWan, type Yuan } from '../../shared/money.js';
import { STAGE_LABELS, type LeaderRank, type Project, type Stage } from '../../shared/types.js';
import { rankOfTitle } from '../domain/leaderRank.js';
import { LEDGER_FIELDS, type LedgerField } from './fields.js';
import { findHeader, type HeaderMatch } from './header.js';
import { blockingErrors, classifyRow, countRows, previewRow } from './rows.js';
import type { Cell, Sheet, SheetRow } from './sheet.js';
import { cellText, nameKey } from './text.js';
import { parseAmount, parseDate, parseNumber, type Parsed } from './values.js';

export interface LedgerContext {
  year: number;
  domains: { id: number; code: string; name: string }[];
  levels: { code: string; name: string }[];
  units: { id: number; name: string }[];
  leaders: { id: number; name: string }[];
  /** The campaign's projects as they stand, with completedToDate. */
  projects: Project[];
}

/** A project's ledger fields as the import writes them; people and units by name. */
export interface ProjectValues {
  code: string;
  name: string;
  domainId: number | null;
  levels: string[];
  unit: string;
  leadUnit: string | null;
  leader: string | null;
  chargeLeader: string | null;
  commissioner: string | null;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  plannedStart: string | null;
  plannedCompletion: string | null;
  startedOn: string | null;
  completedOn: string | null;
  stage: Stage;
  township: string | null;
  lat: number | null;
  lon: number | null;
  content: string;
}

export interface NewLeader {
  name: string;
  title: string;
  rank: LeaderRank;
}

export interface LedgerRowPlan extends PreviewRow {
  values: ProjectValues | null;
  /** For an update: the project and the row version it was read at. */
  projectId: number | null;
  rowVersion: number | null;
  /** The changed fields before and after, for the audit. */
  before: Partial<ProjectValues> | null;
}

export interface LedgerPlan {
  preview: ImportPreview;
  rows: LedgerRowPlan[];
  newUnits: string[];
  newLeaders: NewLeader[];
  /** Rejected rows not excluded, as 422 fields (row<N> → message). */
  blocking: Record<string, string>;
}

const LABEL = Object.fromEntries(LEDGER_FIELDS.map((f) => [f.key, f.label])) as Record<LedgerField, string>;
const COMPARED: (keyof ProjectValues)[] = [
  'code', 'name', 'domainId', 'levels', 'unit', 'leadUnit', 'leader', 'chargeLeader', 'commissioner', 'totalInvestment', 'annualPlan',
  'plannedStart', 'plannedCompletion', 'startedOn', 'completedOn', 'stage', 'township', 'lat', 'lon', 'content',
];
const VALUE_LABEL: Record<keyof ProjectValues, string> = { ...LABEL, domainId: LABEL.domain };
const MAX_LENGTH: Partial<Record<LedgerField, number>> = {
  code: 40, name: 200, unit: 64, leadUnit: 100, leader: 64, chargeLeader: 64, commissioner: 100, township: 50, content: 2000,
};

const STAGE_WORDS: [RegExp, Stage][] = [
  [/储备/, 'reserve'], [/投产|运营|营业/, 'operating'], [/竣工|完工|建成/, 'completed'],
  [/前期|未开工|拟建|筹建|谋划|待建/, 'preparing'], [/在建|续建|施工|开工|建设中/, 'construction'],
];

export function parseStage(text: string): Stage | null {
  if (text in STAGE_LABELS) return text as Stage;
  return STAGE_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** 张三（常务副县长） → name and title; the rank follows the title. */
export function parseLeader(text: string): NewLeader {
  const m = text.match(/^(.+?)\s*[(（]\s*(.+?)\s*[)）]$/) ?? text.match(/^(\S{2,4})\s+(\S.*)$/);
  const name = m ? m[1] : text;
  const title = m ? m[2] : '县领导';
  return { name, title, rank: rankOfTitle(title) };
}

const optionKey = (text: string) => nameKey(text).replace(/(项目|类)$/, '');

/** Sorts a sheet's rows into verdicts; `exclude` holds row numbers staff chose to leave out. */
export function planLedgerImport(sheet: Sheet, ctx: LedgerContext, exclude: ReadonlySet<number> = new Set()): LedgerPlan | null {
  const planner = ledgerPlanner(sheet, ctx, exclude);
  if (!planner) return null;
  planner.read(planner.rows);
  return planner.finish();
}

export interface LedgerPlanner {
  /** The rows below the header, to be read in order (in slices if the caller wants to yield between them). */
  rows: SheetRow[];
  read(rows: SheetRow[]): void;
  finish(): LedgerPlan;
}

/** planLedgerImport in steps, so a large sheet can be planned in slices with the event loop served between them. */
export function ledgerPlanner(sheet: Sheet, ctx: LedgerContext, exclude: ReadonlySet<number> = new Set()): LedgerPlanner | null {
  const header = findHeader(sheet.rows, LEDGER_FIELDS, 'name');
  if (!header) return null;
  const reader = new LedgerReader(ctx, header);
  const rows: LedgerRowPlan[] = [];
  return {
    rows: sheet.rows.slice(header.dataStart),
    read(part) {
      for (const row of part) {
        const plan = reader.read(row);
        if (plan) rows.push({ ...plan, excluded: exclude.has(row.row) && plan.verdict !== 'skipped' });
      }
    },
    finish() {
      reader.assignCodes(rows);
      const live = rows.filter((r) => !r.excluded && (r.verdict === 'create' || r.verdict === 'update'));
      const unitsUsed = new Set(live.map((r) => r.values!.unit));
      const leadersUsed = new Set(live.flatMap((r) => [r.values!.leader, r.values!.chargeLeader]));
      const newUnits = [...reader.newUnits].filter((u) => unitsUsed.has(u));
      const newLeaders = [...reader.newLeaders.values()].filter((l) => leadersUsed.has(l.name));
      const preview: ImportPreview = {
        kind: 'ledger', sheet: sheet.name, headerRows: header.headerRows, columns: header.columns, missing: header.missing,
        rows: rows.map(toPreview), counts: countRows(rows), newUnits, newLeaders: newLeaders.map((l) => l.name), month: null,
      };
      return { preview, rows, newUnits, newLeaders, blocking: blockingErrors(rows) };
    },
  };
}

function toPreview(r: LedgerRowPlan): PreviewRow {
  const { values: _v, projectId: _p, rowVersion: _r, before: _b, ...row } = r;
  return row;
}

class LedgerReader {
  private readonly byCode: Map<string, Project>;
  private readonly byName = new Map<string, Project[]>();
  private readonly domains: Map<string, number>;
  private readonly levels: Map<string, string>;
  private readonly units: Map<string, string>;
  private readonly leaders: Map<string, string>;
  readonly newUnits = new Set<string>();
  readonly newLeaders = new Map<string, NewLeader>();
  private readonly seenCode = new Map<string, number>();
  private readonly seenName = new Map<string, number>();
  private readonly matched = new Map<number, number>();
  /** The domain a section heading (一、工业项目) sets for the rows under it. */
  private sectionDomain: number | null = null;

  constructor(private readonly ctx: LedgerContext, private readonly header: HeaderMatch<LedgerField>) {
    this.byCode = new Map(ctx.projects.map((p) => [nameKey(p.code), p]));
    for (const p of ctx.projects) this.byName.set(nameKey(p.name), [...(this.byName.get(nameKey(p.name)) ?? []), p]);
    this.domains = new Map(ctx.domains.flatMap((d) => [[optionKey(d.name), d.id], [optionKey(d.code), d.id]]));
    this.levels = new Map(ctx.levels.flatMap((l) => [[optionKey(l.name), l.code], [optionKey(l.code), l.code]]));
    this.units = new Map(ctx.units.map((u) => [nameKey(u.name), u.name]));
    this.leaders = new Map(ctx.leaders.map((l) => [nameKey(l.name), l.name]));
  }

  private cell(row: SheetRow, field: LedgerField): Cell {
    const i = this.header.index[field];
    return i === undefined ? null : row.cells[i] ?? null;
  }

  private has(field: LedgerField): boolean {
    return this.header.index[field] !== undefined;
  }

  read(row: SheetRow): LedgerRowPlan | null {
    const kind = classifyRow(row, this.header.index.name!, this.header.index.unit);
    if (kind.kind === 'blank') return null;
    const skipped = (message: string): LedgerRowPlan => ({ ...previewRow(row.row, { messages: [message] }), values: null, projectId: null, rowVersion: null, before: null });
    if (kind.kind === 'total') return skipped('合计行，不导入');
    if (kind.kind === 'note') {
      const domain = this.domainIn(kind.text);
      if (domain !== null) this.sectionDomain = domain;
      return skipped(domain !== null ? `分类标题行，以下项目归入「${this.ctx.domains.find((d) => d.id === domain)!.name}」` : '标题或说明行，不导入');
    }
    return this.project(row);
  }

  private domainIn(text: string): number | null {
    const key = nameKey(text);
    const found = this.ctx.domains.filter((d) => key.includes(nameKey(d.name))).sort((a, b) => b.name.length - a.name.length)[0];
    return found?.id ?? null;
  }

  private project(row: SheetRow): LedgerRowPlan {
    const errors: string[] = [];
    const warnings: string[] = [];
    const take = <T>(parsed: Parsed<T>): T | null => {
      if (!parsed) return null;
      if ('error' in parsed) {
        errors.push(parsed.error);
        return null;
      }
      if (parsed.warning) warnings.push(parsed.warning);
      return parsed.value;
    };
    const text = (field: LedgerField): string | null => {
      const t = cellText(this.cell(row, field));
      if (!t) return null;
      const max = MAX_LENGTH[field];
      if (max && t.length > max) errors.push(`${LABEL[field]}不超过${max}字`);
      return t;
    };
    const amount = (field: 'totalInvestment' | 'annualPlan') => take(parseAmount(this.cell(row, field), this.header.units[field] ?? '万元', LABEL[field]));
    const date = (field: LedgerField, end: boolean) => take(parseDate(this.cell(row, field), LABEL[field], end));

    const code = text('code');
    const name = text('name');
    const unitText = text('unit');
    const totalInvestment = amount('totalInvestment');
    const annualPlan = amount('annualPlan');
    const plannedStart = date('plannedStart', false);
    const plannedCompletion = date('plannedCompletion', true);
    const startedOn = date('startedOn', false);
    const completedOn = date('completedOn', true);
    const lon = take(parseNumber(this.cell(row, 'lon'), '经度'));
    const lat = take(parseNumber(this.cell(row, 'lat'), '纬度'));
    if (lon !== null && (lon < -180 || lon > 180)) errors.push('经度须在 -180 至 180 之间');
    if (lat !== null && (lat < -90 || lat > 90)) errors.push('纬度须在 -90 至 90 之间');

    if (!name) errors.push('未填写项目名称');
    if (!unitText) errors.push('未填写责任单位');
    if (totalInvestment === null && !errors.some((e) => e.startsWith('总投资'))) errors.push('未填写总投资');
    if (annualPlan === null && !errors.some((e) => e.startsWith('年度计划投资'))) errors.push('未填写年度计划投资');
    if (totalInvestment !== null && annualPlan !== null && annualPlan > totalInvestment) {
      errors.push(`年度计划投资（${formatWan(annualPlan)}万元）大于总投资（${formatWan(totalInvestment)}万元），请核实单位（万元/亿元）`);
    }
    if (plannedStart && plannedCompletion && plannedCompletion < plannedStart) errors.push('计划竣工时间早于计划开工时间');
    if (startedOn && completedOn && completedOn < startedOn) errors.push('实际竣工时间早于实际开工时间');

    // Which project the row is: by code first, else by name.
    let existing: Project | null = null;
    if (code && this.byCode.has(nameKey(code))) existing = this.byCode.get(nameKey(code))!;
    else if (name) {
      const same = this.byName.get(nameKey(name)) ?? [];
      if (same.length > 1) errors.push(`台账中有${same.length}个名为「${name}」的项目，请填写项目编码以区分`);
      else if (same.length === 1) {
        if (code) errors.push(`项目「${name}」在台账中的编码为 ${same[0].code}，与表中编码 ${code} 不一致`);
        else existing = same[0];
      }
    }
    if (code) this.duplicate(this.seenCode, nameKey(code), row.row, `项目编码 ${code}`, errors);
    if (name) this.duplicate(this.seenName, nameKey(name), row.row, `项目名称「${name}」`, errors);
    if (existing) this.duplicate(this.matched, existing.id, row.row, `项目「${existing.name}」`, errors);

    const domainId = this.domain(row, existing, errors);
    const levels = this.levelsOf(row, existing, errors);
    const unit = unitText ? this.unit(unitText, warnings) : null;
    const leader = this.leader(text('leader'), warnings);
    const chargeLeader = this.leader(text('chargeLeader'), warnings);
    const stageText = text('stage');
    let stage = stageText ? parseStage(stageText) : null;
    if (stageText && !stage) errors.push(`项目阶段「${stageText}」无法识别（可填：${Object.values(STAGE_LABELS).join('、')}）`);

    // Milestones come from reports too: the import sets them, never clears them.
    const started = startedOn ?? existing?.startedOn ?? null;
    const completed = completedOn ?? existing?.completedOn ?? null;
    if (completed && !started) errors.push('已填实际竣工时间，但没有实际开工时间');
    else if (started && completed && completed < started && !errors.some((e) => e.startsWith('实际竣工'))) errors.push('实际竣工时间早于实际开工时间');
    if (existing && totalInvestment !== null && totalInvestment < existing.completedToDate) {
      errors.push(`总投资（${formatWan(totalInvestment)}万元）低于本年已完成投资（${formatWan(existing.completedToDate)}万元）`);
    }
    stage ??= existing ? existing.stage : completed ? 'completed' : started ? 'construction' : 'preparing';

    const base = previewRow(row.row, { code, name, unit, totalInvestment, amount: annualPlan, warnings });
    if (errors.length) return { ...base, verdict: 'error', messages: errors, values: null, projectId: existing?.id ?? null, rowVersion: null, before: null };

    const opt = (field: LedgerField, value: string | null, old: string | null | undefined) => (this.has(field) ? value : old ?? null);
    const values: ProjectValues = {
      code: code ?? existing?.code ?? '',
      name: name!,
      domainId: domainId!,
      levels,
      unit: unit!,
      leadUnit: opt('leadUnit', text('leadUnit'), existing?.leadUnit),
      leader: this.has('leader') ? leader : existing?.leader ?? null,
      chargeLeader: this.has('chargeLeader') ? chargeLeader : existing?.chargeLeader ?? null,
      commissioner: opt('commissioner', text('commissioner'), existing?.commissioner),
      totalInvestment: totalInvestment!,
      annualPlan: annualPlan!,
      plannedStart: this.has('plannedStart') ? plannedStart : existing?.plannedStart ?? null,
      plannedCompletion: this.has('plannedCompletion') ? plannedCompletion : existing?.plannedCompletion ?? null,
      startedOn: started,
      completedOn: completed,
      stage,
      township: opt('township', text('township'), existing?.township),
      lat: this.has('lat') ? lat : existing?.lat ?? null,
      lon: this.has('lon') ? lon : existing?.lon ?? null,
      content: this.has('content') ? text('content') ?? '' : existing?.content ?? '',
    };
    if (!existing) return { ...base, verdict: 'create', values, projectId: null, rowVersion: null, before: null };

    const old = valuesOf(existing);
    const changed = COMPARED.filter((k) => !same(old[k], values[k]));
    const before = Object.fromEntries(changed.map((k) => [k, old[k]])) as Partial<ProjectValues>;
    return {
      ...base, code: existing.code, verdict: changed.length ? 'update' : 'unchanged', changes: changed.map((k) => VALUE_LABEL[k]),
      values, projectId: existing.id, rowVersion: existing.rowVersion, before,
    };
  }

  private duplicate<K>(seen: Map<K, number>, key: K, row: number, what: string, errors: string[]) {
    const first = seen.get(key);
    if (first !== undefined) errors.push(`${what}与第${first}行重复`);
    else seen.set(key, row);
  }

  private domain(row: SheetRow, existing: Project | null, errors: string[]): number | null {
    const t = cellText(this.cell(row, 'domain'));
    if (t) {
      const id = this.domains.get(optionKey(t)) ?? this.domainIn(t);
      if (id === null || id === undefined) errors.push(`领域「${t}」不存在（可选：${this.ctx.domains.map((d) => d.name).join('、')}）`);
      return id ?? null;
    }
    if (this.sectionDomain !== null) return this.sectionDomain;
    if (existing) return existing.domainId;
    if (this.ctx.domains.length === 1) return this.ctx.domains[0].id;
    errors.push(`未填写领域（可选：${this.ctx.domains.map((d) => d.name).join('、')}）`);
    return null;
  }

  private levelsOf(row: SheetRow, existing: Project | null, errors: string[]): string[] {
    if (!this.has('levels')) return existing?.levels ?? [];
    const parts = cellText(this.cell(row, 'levels')).split(/[、,，;；/|\s]+/).filter(Boolean);
    const codes: string[] = [];
    for (const part of parts) {
      const code = this.levels.get(optionKey(part));
      if (!code) errors.push(`项目级别「${part}」不存在（可选：${this.ctx.levels.map((l) => l.name).join('、')}）`);
      else if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }

  private unit(text: string, warnings: string[]): string {
    const known = this.units.get(nameKey(text));
    if (known) return known;
    if (!this.newUnits.has(text)) this.newUnits.add(text);
    warnings.push(`责任单位「${text}」不存在，将新建`);
    return text;
  }

  private leader(text: string | null, warnings: string[]): string | null {
    if (!text) return null;
    const parsed = parseLeader(text);
    const known = this.leaders.get(nameKey(parsed.name)) ?? this.leaders.get(nameKey(text));
    if (known) return known;
    if (!this.newLeaders.has(parsed.name)) this.newLeaders.set(parsed.name, parsed);
    warnings.push(`县领导「${parsed.name}」不存在，将新建（${parsed.title}）`);
    return parsed.name;
  }

  /** New projects without a code get the next free XM<year><nnnn>. */
  assignCodes(rows: LedgerRowPlan[]) {
    const prefix = `XM${this.ctx.year}`;
    const taken = new Set([...this.ctx.projects.map((p) => p.code), ...rows.flatMap((r) => (r.values?.code ? [r.values.code] : []))]);
    let n = 0;
    for (const r of rows) {
      if (r.verdict !== 'create' || r.values!.code) continue;
      let code: string;
      do code = `${prefix}${String(++n).padStart(4, '0')}`;
      while (taken.has(code));
      taken.add(code);
      r.values!.code = code;
      r.code = code;
    }
  }
}

export function valuesOf(p: Project): ProjectValues {
  return {
    code: p.code, name: p.name, domainId: p.domainId, levels: p.levels, unit: p.unit, leadUnit: p.leadUnit, leader: p.leader,
    chargeLeader: p.chargeLeader, commissioner: p.commissioner, totalInvestment: p.totalInvestment, annualPlan: p.annualPlan,
    plannedStart: p.plannedStart, plannedCompletion: p.plannedCompletion, startedOn: p.startedOn, completedOn: p.completedOn,
    stage: p.stage, township: p.township, lat: p.lat, lon: p.lon, content: p.content,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return (a ?? null) === (b ?? null);
}
