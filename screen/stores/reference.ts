// The small lists the console's forms and filters choose from, loaded once per visit.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CampaignInfo } from '../../shared/campaigns.js';
import type { Campaign, Domain, Leader, Level, Unit } from '../../shared/types.js';
import { api } from '../api/http.js';

export const useReferenceStore = defineStore('reference', () => {
  const campaign = shallowRef<Campaign | null>(null);
  const units = shallowRef<Unit[]>([]);
  const domains = shallowRef<Domain[]>([]);
  const levels = shallowRef<Level[]>([]);
  const leaders = shallowRef<Leader[]>([]);
  const loaded = ref(false);
  /** The county's campaign years ([] on a county's first day). */
  const years = shallowRef<CampaignInfo[] | null>(null);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= Promise.all([
      api.get<Campaign>('/api/campaign'),
      api.get<Unit[]>('/api/units'),
      api.get<Domain[]>('/api/domains'),
      api.get<Level[]>('/api/levels'),
      api.get<Leader[]>('/api/leaders'),
    ])
      .then(([c, u, d, l, ld]) => {
        campaign.value = c;
        units.value = u;
        domains.value = d;
        levels.value = l;
        leaders.value = ld;
        loaded.value = true;
      })
      .catch((err: unknown) => {
        loading = null;
        throw err;
      });
    return loading;
  }

  async function loadYears(): Promise<CampaignInfo[]> {
    years.value = await api.get<CampaignInfo[]>('/api/campaigns');
    return years.value;
  }

  /** After a new campaign year: its groups, and the units and leaders it brought. */
  function reload(): Promise<void> {
    loading = null;
    return Promise.all([load(), loadYears()]).then(() => undefined);
  }

  async function reloadUnits() {
    units.value = await api.get<Unit[]>('/api/units');
  }

  const levelNames = computed(() => new Map(levels.value.map((l) => [l.code, l.name])));
  const unitNames = computed(() => new Map(units.value.map((u) => [u.id, u.name])));
  const leaderNames = computed(() => new Map(leaders.value.map((l) => [l.id, l.name])));
  const domainNames = computed(() => new Map(domains.value.map((d) => [d.id, d.name])));

  const levelName = (code: string) => levelNames.value.get(code) ?? code;

  return { campaign, units, domains, levels, leaders, loaded, years, load, loadYears, reload, reloadUnits, levelName, unitNames, leaderNames, domainNames };
});
