// Field messages shown next to form fields, from the client-side schema check or a server 422.
import { computed, ref } from 'vue';
import { isInvalid } from '../api/http.js';

export function useFieldErrors() {
  const errors = ref<Record<string, string>>({});
  const hasErrors = computed(() => Object.keys(errors.value).length > 0);

  function set(next: Record<string, string>) {
    errors.value = next;
  }

  function clear(field?: string) {
    if (field === undefined) errors.value = {};
    else if (field in errors.value) {
      const { [field]: _dropped, ...rest } = errors.value;
      errors.value = rest;
    }
  }

  /** Puts a 422's field messages next to the fields; false when the error is not one of those. */
  function fromServer(err: unknown): boolean {
    if (!isInvalid(err) || Object.keys(err.fields).length === 0) return false;
    errors.value = { ...err.fields };
    return true;
  }

  return { errors, hasErrors, set, clear, fromServer };
}
