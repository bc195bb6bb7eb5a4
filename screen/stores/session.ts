// The signed-in user, loaded once from /api/auth/me; the router's guards read it.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { User } from '../../shared/types.js';
import { api, HttpError } from '../api/http.js';

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  let loading: Promise<User | null> | null = null;

  /** Asks the server who is signed in; cached until `fresh` is set or the user changes. */
  function load(fresh = false): Promise<User | null> {
    if (loading && !fresh) return loading;
    loading = api
      .get<{ user: User }>('/api/auth/me')
      .then((r) => (user.value = r.user))
      .catch((err: unknown) => {
        loading = null;
        if (err instanceof HttpError && err.status === 401) return (user.value = null);
        throw err;
      });
    return loading;
  }

  async function login(username: string, password: string): Promise<User> {
    const r = await api.post<{ user: User }>('/api/auth/login', { username, password });
    user.value = r.user;
    loading = Promise.resolve(r.user);
    return r.user;
  }

  async function logout(): Promise<void> {
    try {
      await api.post('/api/auth/logout');
    } finally {
      forget();
    }
  }

  /** Drops the cached user, e.g. when a request finds the session expired. */
  function forget() {
    user.value = null;
    loading = Promise.resolve(null);
  }

  function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return api.post('/api/auth/password', { currentPassword, newPassword });
  }

  return { user, load, login, logout, forget, changePassword };
});
