// A unit's monthly reporting (`/report`), loaded on demand.
import type { RouteRecordRaw } from 'vue-router';

export const reportRoutes: RouteRecordRaw[] = [
  {
    path: '/report',
    component: () => import('./ReportLayout.vue'),
    children: [
      { path: '', name: 'report', component: () => import('./pages/ReportListPage.vue'), meta: { title: '月调度填报' } },
      { path: 'alerts', name: 'report-alerts', component: () => import('./pages/ReportAlertsPage.vue'), meta: { title: '预警与函件' } },
      { path: 'problems', name: 'report-problems', component: () => import('./pages/ReportProblemsPage.vue'), meta: { title: '协调问题' } },
      {
        path: ':projectId(\\d+)',
        name: 'report-form',
        component: () => import('./pages/ReportFormPage.vue'),
        props: (route) => ({ projectId: Number(route.params.projectId) }),
        meta: { title: '填报月报' },
      },
    ],
  },
];
