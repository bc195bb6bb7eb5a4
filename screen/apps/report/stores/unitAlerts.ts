// A unit's open alerts and the letters sent to it; the reporting app's tab counts what awaits a 情况说明.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { LetterView } from '../../../../shared/api.js';
import type { Alert } from '../../../../shared/types.js';
import { awaitsExplanation } from '../../../features/alerts/alertLabels.js';
import { api } from '../../../api/http.js';

export const useUnitAlertsStore = defineStore('unitAlerts', () => {
  const alerts = shallowRef<Alert[]>([]);
  const letters = shallowRef<LetterView[]>([]);
  const loaded = ref(false);

  /** GET /api/alerts and /api/letters answer a unit account with its own only. */
  async function load(): Promise<void> {
    const [a, l] = await Promise.all([api.get<Alert[]>('/api/alerts'), api.get<LetterView[]>('/api/letters')]);
    alerts.value = a;
    letters.value = l;
    loaded.value = true;
  }

  async function acknowledge(id: number, text: string): Promise<Alert> {
    const updated = await api.post<Alert>(`/api/alerts/${id}/acknowledge`, { text });
    alerts.value = alerts.value.map((a) => (a.id === id ? updated : a));
    return updated;
  }

  const awaiting = computed(() => alerts.value.filter(awaitsExplanation).length);

  return { alerts, letters, loaded, load, acknowledge, awaiting };
});
