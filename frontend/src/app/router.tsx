import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { AppLayout } from '@/app/app-layout';
import { NotFoundPage } from '@/app/not-found-page';
import { RouteError } from '@/app/route-error';
import { LoadingState } from '@/components/query-state';
import { RequireAuth } from '@/features/auth/components/require-auth';

// Each page is its own chunk, fetched on first visit.
const staffRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="/plans" replace /> },
  {
    path: 'plans',
    lazy: async () => ({ Component: (await import('@/features/plans/components/plans-page')).PlansPage }),
  },
  {
    path: 'plans/:id',
    lazy: async () => ({ Component: (await import('@/features/plans/components/plan-page')).PlanPage }),
  },
  {
    path: 'work-cells',
    lazy: async () => ({
      Component: (await import('@/features/work-cells/components/work-cells-page')).WorkCellsPage,
    }),
  },
  {
    path: 'work-cells/:id',
    lazy: async () => ({
      Component: (await import('@/features/work-cells/components/work-cell-page')).WorkCellPage,
    }),
  },
  {
    path: 'organizations',
    lazy: async () => ({
      Component: (await import('@/features/organizations/components/organizations-page')).OrganizationsPage,
    }),
  },
  {
    path: 'participation',
    lazy: async () => ({
      Component: (await import('@/features/participation/components/participation-page')).ParticipationPage,
    }),
  },
  {
    path: 'questionnaires',
    lazy: async () => ({ Component: (await import('@/features/questionnaires/components/questionnaires-page')).QuestionnairesPage }),
  },
  {
    path: 'questionnaires/:id',
    lazy: async () => ({ Component: (await import('@/features/questionnaires/components/questionnaire-page')).QuestionnairePage }),
  },
  {
    path: 'admin/queues',
    lazy: async () => ({ Component: (await import('@/features/queues/components/queues-page')).QueuesPage }),
  },
  { path: '*', Component: NotFoundPage },
];

// Pages anyone may open without an account sit beside the staff shell, outside RequireAuth and AppLayout,
// each as its own lazy route. The resident's questionnaire, `/q/:slug`, is not here: it is a page of its
// own (q.html, src/resident) that never loads this router.
const publicRoutes: RouteObject[] = [
  {
    path: 'login',
    lazy: async () => ({ Component: (await import('@/features/auth/components/login-page')).LoginPage }),
  },
];

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteError />,
    hydrateFallbackElement: <LoadingState />,
    children: [
      ...publicRoutes,
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: staffRoutes,
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
