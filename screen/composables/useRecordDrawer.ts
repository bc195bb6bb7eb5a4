// A drawer that shows one record by its id: open while the id is set, closing clears it, the record
// fetched again whenever the id changes (failures shown as a message).
import { computed, shallowRef, watch, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { api, errorMessage } from '../api/http.js';

export function useRecordDrawer<T>(id: Ref<number | null>, url: (id: number) => string) {
  const detail = shallowRef<T | null>(null);
  const open = computed({
    get: () => id.value !== null,
    set: (v) => {
      if (!v) id.value = null;
    },
  });

  async function load() {
    if (id.value === null) return;
    try {
      detail.value = await api.get<T>(url(id.value));
    } catch (err) {
      ElMessage.error(errorMessage(err));
    }
  }

  watch(id, (next) => {
    detail.value = null;
    if (next !== null) void load();
  });

  return { detail, open, load };
}
