// A leader's tablet desk and the meeting remote (`/leader`), loaded on demand.
import type { RouteRecordRaw } from 'vue-router';

export const deskRoutes: RouteRecordRaw[] = [
  {
    path: '/leader/remote',
    name: 'leader-remote',
    component: () => import('./RemotePage.vue'),
    meta: { title: '会议遥控' },
  },
  {
    // A leader's own desk; staff open any leader's by id.
    path: '/leader/:leaderId(\\d+)?',
    name: 'leader',
    component: () => import('./DeskPage.vue'),
    props: (route) => ({ leaderId: route.params.leaderId ? Number(route.params.leaderId) : null }),
    meta: { title: '县领导工作台' },
  },
];
