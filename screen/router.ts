// The screen's apps, each with its own routes (apps/*/routes.ts), and who may open them. The wall is in
// the main bundle; login, reporting, the desk and the console are loaded on demand, so a kiosk never
// downloads element-plus.
import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type Router, type RouteRecordRaw } from 'vue-router';
import { setUnauthorizedHandler } from './api/http.js';
import { consoleRoutes } from './apps/console/routes.js';
import { deskRoutes } from './apps/desk/routes.js';
import { loginRoutes } from './apps/login/routes.js';
import { reportRoutes } from './apps/report/routes.js';
import { wallRoutes } from './apps/wall/routes.js';
import { homeFor, rolesFor } from './stores/access.js';
import { useReferenceStore } from './stores/reference.js';
import { useSessionStore } from './stores/session.js';

const routes: RouteRecordRaw[] = [
  ...wallRoutes,
  ...loginRoutes,
  ...reportRoutes,
  ...deskRoutes,
  ...consoleRoutes,
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export function createAppRouter(pinia: Pinia): Router {
  const router = createRouter({ history: createWebHistory(), routes });
  const session = useSessionStore(pinia);
  const reference = useReferenceStore(pinia);

  router.beforeEach(async (to) => {
    if (to.name === 'login') {
      // Fresh: the user may have been sent here because the session just ended.
      const user = await session.load(true).catch(() => null);
      return user ? homeFor(user.role) : true;
    }
    const roles = rolesFor(to.path);
    if (!roles) return true;
    const user = await session.load();
    if (!user) return { name: 'login', query: { redirect: to.fullPath } };
    if (!roles.includes(user.role)) return homeFor(user.role);
    // A county's first day: staff set up the campaign year before anything else.
    if (user.role === 'admin' && to.path.startsWith('/admin')) {
      const years = reference.years ?? (await reference.loadYears().catch(() => null));
      if (years?.length === 0 && to.name !== 'admin-setup') return { name: 'admin-setup' };
    }
    return true;
  });

  router.afterEach((to) => {
    const title = to.meta.title as string | undefined;
    document.title = title ? `${title} · 项目调度指挥平台` : '项目调度指挥平台';
  });

  setUnauthorizedHandler(() => {
    session.forget();
    const current = router.currentRoute.value;
    if (current.name !== 'login') void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  });
  return router;
}
