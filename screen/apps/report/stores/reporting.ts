// A unit's month: the reporting calendar, its projects and where each project's report stands.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { MonthReportRow, ReportingCalendar } from '../../../../shared/api.js';
import type { Project } from '../../../../shared/types.js';
import { api, errorMessage } from '../../../api/http.js';

/** Returned reports first (they need action), then unsent, then awaiting review, then accepted. */
const ORDER: Record<MonthReportRow['status'], number> = { returned: 0, missing: 1, draft: 2, submitted: 3, accepted: 4 };

export const useReportingStore = defineStore('reporting', () => {
  const calendar = shallowRef<ReportingCalendar | null>(null);
  const rows = shallowRef<MonthReportRow[]>([]);
  const projects = shallowRef<Map<number, Project>>(new Map());
  const loaded = ref(false);
  /** Why the last load failed, for a page that has nothing to show yet. */
  const failure = ref('');

  async function load(): Promise<void> {
    failure.value = '';
    const [cal, list, own] = await Promise.all([
      api.get<ReportingCalendar>('/api/reporting/calendar'),
      api.get<MonthReportRow[]>('/api/reports'),
      api.get<Project[]>('/api/projects'),
    ]).catch((err: unknown) => {
      failure.value = errorMessage(err);
      throw err;
    });
    calendar.value = cal;
    rows.value = [...list].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.code.localeCompare(b.code));
    projects.value = new Map(own.map((p) => [p.id, p]));
    loaded.value = true;
  }

  const rowFor = (projectId: number) => rows.value.find((r) => r.projectId === projectId) ?? null;
  /** The unit's name, from its projects (a unit account sees only its own). */
  const unitName = computed(() => rows.value[0]?.unit ?? [...projects.value.values()][0]?.unit ?? '');
  const sentCount = computed(() => rows.value.filter((r) => r.status === 'submitted' || r.status === 'accepted').length);

  return { calendar, rows, projects, loaded, failure, load, rowFor, unitName, sentCount };
});
