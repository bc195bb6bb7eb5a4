// The screen's pages. The wall is in the main bundle; login, reporting and the console are
// loaded on demand, so a kiosk never downloads element-plus.
import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type Router, type RouteRecordRaw } from 'vue-router';
import { homeFor, rolesFor } from './access.js';
import { setUnauthorizedHandler } from './api.js';
import WallPage from './pages/WallPage.vue';
import { useReferenceStore } from './stores/reference.js';
import { useSessionStore } from './stores/session.js';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'wall', component: WallPage },
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { title: '登录' } },
  {
    path: '/report',
    component: () => import('./pages/report/ReportLayout.vue'),
    children: [
      { path: '', name: 'report', component: () => import('./pages/report/ReportListPage.vue'), meta: { title: '月调度填报' } },
      { path: 'alerts', name: 'report-alerts', component: () => import('./pages/report/AlertsPage.vue'), meta: { title: '预警与函件' } },
      { path: 'problems', name: 'report-problems', component: () => import('./pages/report/ProblemsPage.vue'), meta: { title: '协调问题' } },
      {
        path: ':projectId(\\d+)',
        name: 'report-form',
        component: () => import('./pages/report/ReportFormPage.vue'),
        props: (route) => ({ projectId: Number(route.params.projectId) }),
        meta: { title: '填报月报' },
      },
    ],
  },
  {
    path: '/leader/remote',
    name: 'leader-remote',
    component: () => import('./pages/leader/RemotePage.vue'),
    meta: { title: '会议遥控' },
  },
  {
    // A leader's own desk; staff open any leader's by id.
    path: '/leader/:leaderId(\\d+)?',
    name: 'leader',
    component: () => import('./pages/leader/LeaderPage.vue'),
    props: (route) => ({ leaderId: route.params.leaderId ? Number(route.params.leaderId) : null }),
    meta: { title: '县领导工作台' },
  },
  {
    path: '/admin',
    component: () => import('./pages/admin/AdminLayout.vue'),
    children: [
      { path: '', redirect: '/admin/projects' },
      { path: 'setup', name: 'admin-setup', component: () => import('./pages/admin/SetupPage.vue'), meta: { title: '开始使用' } },
      { path: 'campaigns', name: 'admin-campaigns', component: () => import('./pages/admin/CampaignsPage.vue'), meta: { title: '年度台账' } },
      { path: 'projects', name: 'admin-projects', component: () => import('./pages/admin/LedgerPage.vue'), meta: { title: '项目台账' } },
      { path: 'reports', name: 'admin-reports', component: () => import('./pages/admin/ReviewPage.vue'), meta: { title: '月报审核' } },
      { path: 'alerts', name: 'admin-alerts', component: () => import('./pages/admin/AlertsPage.vue'), meta: { title: '预警管理' } },
      { path: 'problems', name: 'admin-problems', component: () => import('./pages/admin/ProblemsPage.vue'), meta: { title: '问题台账' } },
      { path: 'meetings', name: 'admin-meetings', component: () => import('./pages/admin/MeetingsPage.vue'), meta: { title: '调度会' } },
      {
        path: 'meetings/:meetingId(\\d+)',
        name: 'admin-meeting',
        component: () => import('./pages/admin/MeetingPage.vue'),
        props: (route) => ({ meetingId: Number(route.params.meetingId) }),
        meta: { title: '调度会' },
      },
      { path: 'letters', name: 'admin-letters', component: () => import('./pages/admin/LettersPage.vue'), meta: { title: '函件' } },
      { path: 'bulletins', name: 'admin-bulletins', component: () => import('./pages/admin/BulletinPage.vue'), meta: { title: '月通报' } },
      { path: 'import', name: 'admin-import', component: () => import('./pages/admin/ImportPage.vue'), meta: { title: '导入导出' } },
      { path: 'settings', name: 'admin-settings', component: () => import('./pages/admin/SettingsPage.vue'), meta: { title: '预警与通报设置' } },
      { path: 'users', name: 'admin-users', component: () => import('./pages/admin/UsersPage.vue'), meta: { title: '账号管理' } },
      { path: 'units', name: 'admin-units', component: () => import('./pages/admin/UnitsPage.vue'), meta: { title: '单位管理' } },
      { path: 'notify', name: 'admin-notify', component: () => import('./pages/admin/NotifyPage.vue'), meta: { title: '通知渠道' } },
      { path: 'tokens', name: 'admin-tokens', component: () => import('./pages/admin/TokensPage.vue'), meta: { title: '大屏令牌' } },
      { path: 'map', name: 'admin-map', component: () => import('./pages/admin/MapPage.vue'), meta: { title: '县域地图' } },
      { path: 'audit', name: 'admin-audit', component: () => import('./pages/admin/AuditPage.vue'), meta: { title: '操作日志与备份' } },
    ],
  },
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
