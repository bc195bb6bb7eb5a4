// Drill-down state of the wall: the list behind a figure and a project's card, as a stack so that
// list → card → back returns to the list. Data comes over the wall socket with acknowledgements.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { DrillError, ProjectCard, ProjectListResult, ProjectQuery, ProjectRow } from '../../../../shared/drill.js';
import type { OpenView } from './refresh.js';
import { useWallStore } from '../stores/wallStore.js';

/** How long the wall waits for the server's answer. */
export const DRILL_TIMEOUT_MS = 10_000;

export type DrillEntry =
  | { kind: 'list'; query: ProjectQuery; rows: ProjectRow[]; total: number; loaded: boolean; loadedAt: number | null; asOf?: string | null }
  | { kind: 'card'; projectId: number; card: ProjectCard | null; loaded: boolean };

function isError(r: unknown): r is DrillError {
  return typeof r === 'object' && r !== null && typeof (r as DrillError).error === 'string';
}

function failure(err: unknown): string {
  if (err instanceof Error && /timed? ?out/i.test(err.message)) return '服务器响应超时，请稍后再试';
  return '数据加载失败，请稍后再试';
}

/**
 * The month the wall's figures stand at while it follows a frozen meeting (会议模式 定格), so the
 * lists and cards show the same month-end figures; undefined for today's.
 */
export function frozenMonth(wall: Pick<ReturnType<typeof useWallStore>, 'frozenSnapshot' | 'presentation'>): string | undefined {
  return (wall.frozenSnapshot && wall.presentation?.frozen?.month) || undefined;
}

export const useDrillStore = defineStore('drill', () => {
  const stack = shallowRef<DrillEntry[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Bumped on every request; an answer to an older request is dropped. */
  let seq = 0;

  const top = computed<DrillEntry | null>(() => stack.value.at(-1) ?? null);
  const open = computed(() => stack.value.length > 0);
  const view = computed<'list' | 'card' | null>(() => top.value?.kind ?? null);
  /** The query of the list on top (null while a card or nothing is shown). */
  const query = computed<ProjectQuery | null>(() => (top.value?.kind === 'list' ? top.value.query : null));
  const rows = computed<ProjectRow[]>(() => (top.value?.kind === 'list' ? top.value.rows : []));
  /** All the projects matching the list's query (rows may be cut at DRILL_ROW_LIMIT). */
  const total = computed(() => (top.value?.kind === 'list' ? top.value.total : 0));
  const card = computed<ProjectCard | null>(() => (top.value?.kind === 'card' ? top.value.card : null));
  /** The month end (YYYY-MM-DD) the figures on top stand at (a frozen meeting), else null. */
  const asOf = computed<string | null>(() => (top.value?.kind === 'list' ? (top.value.asOf ?? null) : (top.value?.card?.asOf ?? null)));
  /** What is on top, for deciding whether a change of the figures concerns it. */
  const openView = computed<OpenView | null>(() => {
    const t = top.value;
    if (!t) return null;
    return t.kind === 'card' ? { kind: 'card', projectId: t.projectId } : { kind: 'list', loadedAt: t.loadedAt };
  });
  /** Whether back() has somewhere to return to. */
  const canGoBack = computed(() => stack.value.length > 1);

  function replaceTop(entry: DrillEntry) {
    stack.value = [...stack.value.slice(0, -1), entry];
  }

  async function ask(entry: DrillEntry): Promise<ProjectListResult | ProjectCard | DrillError> {
    const wall = useWallStore();
    const socket = wall.liveSocket();
    if (!socket) return { error: '未连接服务器，暂时无法查看明细' };
    const asOf = frozenMonth(wall);
    try {
      const timed = socket.timeout(DRILL_TIMEOUT_MS);
      return entry.kind === 'list'
        ? await timed.emitWithAck('projects:list', asOf ? { ...entry.query, asOf } : entry.query)
        : await timed.emitWithAck('project:card', asOf ? { projectId: entry.projectId, asOf } : entry.projectId);
    } catch (err) {
      return { error: failure(err) };
    }
  }

  async function load(entry: DrillEntry) {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    const result = await ask(entry);
    if (mine !== seq) return;
    loading.value = false;
    if (isError(result)) {
      error.value = result.error;
      return;
    }
    if (top.value !== entry) return;
    if (entry.kind === 'list') {
      const { rows, total, asOf } = result as ProjectListResult;
      replaceTop({ ...entry, rows, total, loaded: true, loadedAt: Date.now(), asOf: asOf ?? null });
    } else replaceTop({ ...entry, card: result as ProjectCard, loaded: true });
  }

  /** Opens the list behind a figure (replacing whatever drill-down was open). */
  function showList(q: ProjectQuery): Promise<void> {
    const entry: DrillEntry = { kind: 'list', query: { ...q }, rows: [], total: 0, loaded: false, loadedAt: null };
    stack.value = [entry];
    return load(entry);
  }

  /** Opens a project's card; on top of an open list, back() returns to it. */
  function showProject(projectId: number): Promise<void> {
    const entry: DrillEntry = { kind: 'card', projectId, card: null, loaded: false };
    stack.value = top.value?.kind === 'list' ? [...stack.value, entry] : [entry];
    return load(entry);
  }

  /** Opens the card of the project a problem belongs to (the wall's problem rows carry no project id). */
  async function showProblemProject(problemId: number): Promise<void> {
    const entry: DrillEntry = { kind: 'list', query: { title: '问题所属项目', problemId }, rows: [], total: 0, loaded: false, loadedAt: null };
    stack.value = [entry];
    await load(entry);
    const found = stack.value.length === 1 && top.value?.kind === 'list' ? top.value.rows : [];
    if (found.length === 1) {
      stack.value = [];
      await showProject(found[0].id);
    }
  }

  /** Returns to the previous view, or closes when there is none. */
  function back() {
    if (stack.value.length <= 1) return close();
    seq++;
    loading.value = false;
    error.value = null;
    stack.value = stack.value.slice(0, -1);
    // A list left before its answer came (a row clicked meanwhile) is asked for again.
    if (top.value && !top.value.loaded) void load(top.value);
  }

  function close() {
    seq++;
    stack.value = [];
    loading.value = false;
    error.value = null;
  }

  /** Asks again for what is on top (after an error, or when the figures moved). */
  function retry(): Promise<void> {
    return top.value ? load(top.value) : Promise.resolve();
  }

  return { stack, open, view, openView, asOf, query, rows, total, card, loading, error, canGoBack, showList, showProject, showProblemProject, back, close, retry };
});
