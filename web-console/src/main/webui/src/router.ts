import { createRouter, createWebHistory } from 'vue-router'

// Every page but the first is loaded when it is opened, so the first screen stays small.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'dashboard', component: () => import('./views/DashboardPage.vue') },
    { path: '/tasks', name: 'tasks', component: () => import('./views/TaskListPage.vue') },
    { path: '/tasks/:id', name: 'task', component: () => import('./views/TaskDetailPage.vue'), props: true },
    { path: '/inbox', name: 'inbox', component: () => import('./views/InboxPage.vue') },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportListPage.vue') },
    { path: '/reports/:id', name: 'report', component: () => import('./views/ReportDetailPage.vue'), props: true },
    { path: '/dispatch', name: 'dispatch', component: () => import('./views/DispatchPage.vue') },
    { path: '/rectification', name: 'rectification', component: () => import('./views/RectificationPage.vue') },
    { path: '/directory', name: 'directory', component: () => import('./views/DirectoryPage.vue') },
    { path: '/subscriptions', name: 'subscriptions', component: () => import('./views/SubscriptionsPage.vue') },
    { path: '/digest', name: 'digest', component: () => import('./views/DigestPage.vue') },
    { path: '/imports', name: 'imports', component: () => import('./views/ImportPage.vue') },
    { path: '/worklist', name: 'worklist', component: () => import('./views/WorklistPage.vue') },
    { path: '/my', name: 'my', component: () => import('./views/MyTasksPage.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
