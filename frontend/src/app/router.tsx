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
    path: 'plans/new',
    lazy: async () => ({ Component: (await import('@/features/plans/components/new-plan-page')).NewPlanPage }),
  },
  {
    path: 'plans/:id',
    lazy: async () => ({ Component: (await import('@/features/plans/components/plan-page')).PlanPage }),
  },
  // Every indicator across the plans in use, with its published figure (issue 18).
  {
    path: 'indicators',
    lazy: async () => ({
      Component: (await import('@/features/indicators/components/indicators-overview-page')).IndicatorsOverviewPage,
    }),
  },
  {
    path: 'plans/:id/dashboard',
    lazy: async () => ({
      Component: (await import('@/features/dashboard/components/plan-dashboard-page')).PlanDashboardPage,
    }),
  },
  {
    path: 'indicators/:id',
    lazy: async () => ({ Component: (await import('@/features/dashboard/components/indicator-page')).IndicatorPage }),
  },
  {
    path: 'work-cells/:id/dashboard',
    lazy: async () => ({
      Component: (await import('@/features/dashboard/components/work-cell-dashboard-page')).WorkCellDashboardPage,
    }),
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
    path: 'plans/:id/evaluations',
    lazy: async () => ({ Component: (await import('@/features/evaluations/components/evaluations-page')).EvaluationsPage }),
  },
  {
    path: 'evaluations/:id',
    lazy: async () => ({ Component: (await import('@/features/evaluations/components/evaluation-page')).EvaluationPage }),
  },
  {
    path: 'organizations',
    lazy: async () => ({
      Component: (await import('@/features/organizations/components/organizations-page')).OrganizationsPage,
    }),
  },
  {
    path: 'organizations/:id',
    lazy: async () => ({
      Component: (await import('@/features/organizations/components/organization-page')).OrganizationPage,
    }),
  },
  // « Mon organisme »: the partner's own organization (issue 18).
  {
    path: 'my-organization',
    lazy: async () => ({
      Component: (await import('@/features/organizations/components/organization-page')).MyOrganizationPage,
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
  // The raw responses of a questionnaire: browsed, filtered and exported by evaluators and admins (issue 18).
  {
    path: 'questionnaires/:id/responses',
    lazy: async () => ({ Component: (await import('@/features/responses/components/responses-page')).ResponsesPage }),
  },
  // The staff accounts (admins): invitations, temporary passwords, roles, deactivation (issue 18).
  {
    path: 'admin/users',
    lazy: async () => ({ Component: (await import('@/features/users/components/users-page')).UsersPage }),
  },
  {
    path: 'admin/queues',
    lazy: async () => ({ Component: (await import('@/features/queues/components/queues-page')).QueuesPage }),
  },
  // The evaluator's workspace (issue #5): editing plans, indicators, questionnaires and work cells.
  {
    path: 'workspace',
    lazy: async () => ({ Component: (await import('@/features/workspace/components/workspace-page')).WorkspacePage }),
  },
  {
    path: 'workspace/plans/:planId',
    lazy: async () => ({ Component: (await import('@/features/workspace/components/plan/plan-editor-page')).PlanEditorPage }),
  },
  {
    path: 'workspace/plans/:planId/indicators/new',
    lazy: async () => ({ Component: (await import('@/features/workspace/components/indicator/indicator-pages')).NewIndicatorPage }),
  },
  {
    path: 'workspace/indicators/:id',
    lazy: async () => ({ Component: (await import('@/features/workspace/components/indicator/indicator-pages')).IndicatorEditorPage }),
  },
  {
    path: 'workspace/questionnaires/new',
    lazy: async () => ({
      Component: (await import('@/features/workspace/components/questionnaire/new-questionnaire-page')).NewQuestionnairePage,
    }),
  },
  {
    path: 'workspace/questionnaires/:id',
    lazy: async () => ({
      Component: (await import('@/features/workspace/components/questionnaire/builder-page')).QuestionnaireBuilderPage,
    }),
  },
  {
    path: 'workspace/questionnaires/:id/qr',
    lazy: async () => ({ Component: (await import('@/features/workspace/components/questionnaire/qr-print-page')).QrPrintPage }),
  },
  {
    path: 'workspace/work-cells/new',
    lazy: async () => ({ Component: (await import('@/features/workspace/components/work-cell/work-cell-editor-page')).NewWorkCellPage }),
  },
  {
    path: 'workspace/work-cells/:id',
    lazy: async () => ({ Component: (await import('@/features/workspace/components/work-cell/work-cell-editor-page')).WorkCellEditorPage }),
  },
  // Bringing existing plans, work cells' fiches and past responses in (upload → analysis → preview → confirm).
  {
    path: 'imports',
    lazy: async () => ({ Component: (await import('@/features/imports/components/imports-page')).ImportsPage }),
  },
  {
    path: 'imports/:id',
    lazy: async () => ({ Component: (await import('@/features/imports/components/import-page')).ImportPage }),
  },
  // One's own account: the password change (issue 15).
  {
    path: 'account',
    lazy: async () => ({ Component: (await import('@/features/account/components/account-page')).AccountPage }),
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
  // The link an admin hands over to open an account: the person chooses the password (issue 18).
  {
    path: 'invitation/:token',
    lazy: async () => ({ Component: (await import('@/features/auth/components/invitation-page')).InvitationPage }),
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
