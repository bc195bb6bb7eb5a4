// A unit's problems (问题台账, its own only) and the categories it may raise them under.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ProblemDetail, ProblemRecord } from '../../../../shared/problems.js';
import type { Campaign } from '../../../../shared/types.js';
import { api } from '../../../api/http.js';
import { isUnclosed, problemCategories } from '../../../features/problems/problemLabels.js';
import { raiseBody, type RaiseForm } from '../../../features/problems/problemForm.js';

export const useUnitProblemsStore = defineStore('unitProblems', () => {
  const problems = shallowRef<ProblemDetail[]>([]);
  const categories = shallowRef<string[]>(problemCategories(null));
  const loaded = ref(false);

  /** GET /api/problems answers a unit account with its own problems only. */
  async function load(): Promise<void> {
    const [list, campaign] = await Promise.all([api.get<ProblemDetail[]>('/api/problems'), api.get<Campaign>('/api/campaign')]);
    problems.value = list;
    categories.value = problemCategories(campaign.settings);
    loaded.value = true;
  }

  async function raise(form: RaiseForm): Promise<void> {
    await api.post(`/api/projects/${form.projectId}/problems`, raiseBody(form));
    await load();
  }

  async function resolve(id: number, resolution: string): Promise<void> {
    await api.post(`/api/problems/${id}/actions`, { action: 'resolve', resolution });
    await load();
  }

  const steps = (id: number) => api.get<ProblemRecord>(`/api/problems/${id}`).then((p) => p.steps);

  /** Still to be 销号: what the tab's badge counts. */
  const unclosed = computed(() => problems.value.filter(isUnclosed).length);

  return { problems, categories, loaded, load, raise, resolve, steps, unclosed };
});
