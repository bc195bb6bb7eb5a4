// The console's "load, show a spinner, toast the failure" in one place.
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { errorMessage } from '../api/http.js';

/**
 * Wraps `fn` so that `loading` is true while it runs and any failure is shown as a message and kept
 * in `failure`, for a page that has nothing else to show.
 */
export function useLoader(fn: () => Promise<void>) {
  const loading = ref(false);
  const failure = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    failure.value = '';
    try {
      await fn();
    } catch (err) {
      failure.value = errorMessage(err);
      ElMessage.error(failure.value);
    } finally {
      loading.value = false;
    }
  }

  return { loading, failure, load };
}
