// The staff console (`/admin`), loaded on demand with element-plus.
import type { RouteRecordRaw } from 'vue-router';

export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: () => import('./ConsoleLayout.vue'),
    children: [
      { path: '', redirect: '/admin/projects' },
      { path: 'setup', name: 'admin-setup', component: () => import('./pages/SetupPage.vue'), meta: { title: '开始使用' } },
      { path: 'campaigns', name: 'admin-campaigns', component: () => import('./pages/CampaignsPage.vue'), meta: { title: '年度台账' } },
      { path: 'projects', name: 'admin-projects', component: () => import('./pages/LedgerPage.vue'), meta: { title: '项目台账' } },
      { path: 'reports', name: 'admin-reports', component: () => import('./pages/ReviewPage.vue'), meta: { title: '月报审核' } },
      { path: 'alerts', name: 'admin-alerts', component: () => import('./pages/ConsoleAlertsPage.vue'), meta: { title: '预警管理' } },
      { path: 'problems', name: 'admin-problems', component: () => import('./pages/ConsoleProblemsPage.vue'), meta: { title: '问题台账' } },
      { path: 'meetings', name: 'admin-meetings', component: () => import('./pages/MeetingsPage.vue'), meta: { title: '调度会' } },
      {
        path: 'meetings/:meetingId(\\d+)',
        name: 'admin-meeting',
        component: () => import('./pages/MeetingPage.vue'),
        props: (route) => ({ meetingId: Number(route.params.meetingId) }),
        meta: { title: '调度会' },
      },
      { path: 'letters', name: 'admin-letters', component: () => import('./pages/LettersPage.vue'), meta: { title: '函件' } },
      { path: 'bulletins', name: 'admin-bulletins', component: () => import('./pages/BulletinPage.vue'), meta: { title: '月通报' } },
      { path: 'import', name: 'admin-import', component: () => import('./pages/ImportPage.vue'), meta: { title: '导入导出' } },
      { path: 'settings', name: 'admin-settings', component: () => import('./pages/SettingsPage.vue'), meta: { title: '预警与通报设置' } },
      { path: 'users', name: 'admin-users', component: () => import('./pages/UsersPage.vue'), meta: { title: '账号管理' } },
      { path: 'units', name: 'admin-units', component: () => import('./pages/UnitsPage.vue'), meta: { title: '单位管理' } },
      { path: 'notify', name: 'admin-notify', component: () => import('./pages/NotifyPage.vue'), meta: { title: '通知渠道' } },
      { path: 'tokens', name: 'admin-tokens', component: () => import('./pages/TokensPage.vue'), meta: { title: '大屏令牌' } },
      { path: 'map', name: 'admin-map', component: () => import('./pages/ConsoleMapPage.vue'), meta: { title: '县域地图' } },
      { path: 'audit', name: 'admin-audit', component: () => import('./pages/AuditPage.vue'), meta: { title: '操作日志与备份' } },
    ],
  },
];
