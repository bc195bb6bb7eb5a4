// One project's report form on the unit's page: loading it, the checks, and sending it (with an
// optional problem for county coordination).
import { computed, nextTick, ref, shallowRef } from 'vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import type { ProblemView } from '../../../../shared/api.js';
import { api, errorMessage, isConflict } from '../../../api/http.js';
import { useFieldErrors } from '../../../composables/useFieldErrors.js';
import { useReportingStore } from '../stores/reporting.js';
import {
  emptyProblem, formFor, isProblemBlank, toProblemPayload, toReportPayload, validateProblem, validateReport,
  type ProblemForm, type ReportForm,
} from '../../../features/reports/reportForm.js';

export const CONFLICT_MESSAGE = '该月报已被他人更新，请刷新后重试';
const REPORT_FIELDS = ['investment', 'progress', 'startedOn', 'completedOn', 'remark'];

function scrollToFirstError() {
  void nextTick(() => document.querySelector('.is-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
}

export function useReportForm(projectId: number) {
  const reporting = useReportingStore();
  const project = computed(() => reporting.projects.get(projectId) ?? null);
  const row = computed(() => reporting.rowFor(projectId));
  const form = ref<ReportForm>(formFor({ totalInvestment: 0, completedToDate: 0, startedOn: null, completedOn: null }, null));
  const problem = ref<ProblemForm>(emptyProblem());
  const problemOpen = ref(false);
  const raised = shallowRef<ProblemView[]>([]);
  const reportErrors = useFieldErrors();
  const problemErrors = useFieldErrors();
  const busy = ref<'draft' | 'submit' | null>(null);
  /** Messages that belong to no field on the form (e.g. the month). */
  const generalErrors = computed(() => Object.entries(reportErrors.errors.value).filter(([k]) => !REPORT_FIELDS.includes(k)).map(([, v]) => v));

  function reset() {
    if (project.value) form.value = formFor(project.value, row.value?.latest ?? null);
    reportErrors.clear();
  }

  async function init() {
    if (!reporting.loaded) await reporting.load();
    reset();
    raised.value = await api.get<ProblemView[]>(`/api/projects/${projectId}/problems`).catch(() => []);
  }

  async function reloadAfterConflict() {
    await ElMessageBox.alert(`${CONFLICT_MESSAGE}。已为您载入最新内容，请核对后再提交。`, '月报已更新', { type: 'warning', confirmButtonText: '知道了' }).catch(() => undefined);
    await reporting.load();
    reset();
  }

  async function sendProblem(): Promise<boolean> {
    try {
      const created = await api.post<ProblemView>(`/api/projects/${projectId}/problems`, toProblemPayload(problem.value));
      raised.value = [created, ...raised.value];
      problem.value = emptyProblem();
      problemOpen.value = false;
      return true;
    } catch (err) {
      if (!problemErrors.fromServer(err)) ElMessage.error(`月报已提交，但问题报送失败：${errorMessage(err)}`);
      return false;
    }
  }

  /** Saves a draft or submits for review; true when everything was sent. */
  async function send(draft: boolean): Promise<boolean> {
    const calendar = reporting.calendar;
    if (!project.value || !calendar || busy.value) return false;
    const withProblem = !draft && problemOpen.value && !isProblemBlank(problem.value);
    reportErrors.set(validateReport(form.value, {
      month: calendar.reportingMonth, today: calendar.today, project: project.value, acceptedThisMonth: row.value?.accepted?.investment ?? 0,
    }));
    problemErrors.set(withProblem ? validateProblem(problem.value, calendar.today) : {});
    if (reportErrors.hasErrors.value || problemErrors.hasErrors.value) {
      scrollToFirstError();
      return false;
    }
    busy.value = draft ? 'draft' : 'submit';
    try {
      const payload = toReportPayload(form.value, calendar.reportingMonth, draft, row.value?.latest?.revision ?? 0);
      await api.post(`/api/projects/${projectId}/reports`, payload);
    } catch (err) {
      busy.value = null;
      if (isConflict(err)) await reloadAfterConflict();
      else if (reportErrors.fromServer(err)) scrollToFirstError();
      else ElMessage.error(errorMessage(err));
      return false;
    }
    const problemSent = withProblem ? await sendProblem() : true;
    await reporting.load().catch(() => undefined);
    busy.value = null;
    if (problemSent) ElMessage.success(draft ? '草稿已保存' : withProblem ? '已提交审核，问题已报送' : '已提交审核');
    return problemSent;
  }

  return { project, row, form, problem, problemOpen, raised, reportErrors, problemErrors, generalErrors, busy, init, send };
}
