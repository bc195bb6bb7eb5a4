// The console's "load, show a spinner, toast the failure" in one place.
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { errorMessage } from '../api.js';

/** Wraps `fn` so that `loading` is true while it runs and any failure is shown as a message. */
export function useLoader(fn: () => Promise<void>) {
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      await fn();
    } catch (err) {
      ElMessage.error(errorMessage(err));
    } finally {
      loading.value = false;
    }
  }

  return { loading, load };
}
