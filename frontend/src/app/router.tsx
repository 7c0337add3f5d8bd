/**
 * Every page of the app. Pages are route modules in app/routes/ (a default-exported component)
 * loaded with React.lazy, so each one is its own chunk and the first load stays small.
 *
 * To add a page: create app/routes/<name>.tsx, add a lazy import below, and a route object in
 * the right group (public, signed-in, or a RoleGate for the roles that work in it); add a link
 * for it in navigation.ts if it belongs in the header.
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

import { AppShell } from './layout/app-shell';
import { RequireAuth } from './layout/require-auth';
import { RoleGate } from './layout/role-gate';
import { RootError } from './layout/root-error';
import { RouteError } from './layout/route-error';

const SignInRoute = lazy(() => import('@/app/routes/sign-in'));
const HomeRoute = lazy(() => import('@/app/routes/home'));
const CaseloadRoute = lazy(() => import('@/app/routes/caseload'));
const ParticipantsRoute = lazy(() => import('@/app/routes/participants'));
const ParticipantIntakeRoute = lazy(() => import('@/app/routes/participant-intake'));
const ParticipantDetailRoute = lazy(() => import('@/app/routes/participant-detail'));
const AdminUsersRoute = lazy(() => import('@/app/routes/admin-users'));
const SpecialistsRoute = lazy(() => import('@/app/routes/admin-specialists'));
const CaseloadBalanceRoute = lazy(() => import('@/app/routes/caseload-balance'));
const MyPlanRoute = lazy(() => import('@/app/routes/me-plan'));
const CheckInRoute = lazy(() => import('@/app/routes/me-check-in'));
const MyMatchRoute = lazy(() => import('@/app/routes/me-match'));
const AccessLogRoute = lazy(() => import('@/app/routes/me-access-log'));
const MyCrisisPlanRoute = lazy(() => import('@/app/routes/me-crisis-plan'));
const AlertsRoute = lazy(() => import('@/app/routes/alerts'));
const SurveysDueRoute = lazy(() => import('@/app/routes/surveys-due'));
const OutcomesRoute = lazy(() => import('@/app/routes/outcomes'));
const AdminIntegratorsRoute = lazy(() => import('@/app/routes/admin-integrators'));
const MyDisclosuresRoute = lazy(() => import('@/app/routes/me-disclosures'));
const NotFoundRoute = lazy(() => import('@/app/routes/not-found'));

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RootError />,
    children: [
      {
        // Errors below render inside the shell, so the header stays.
        errorElement: <RouteError />,
        children: [
          { path: 'sign-in', element: <SignInRoute /> },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomeRoute /> },
              {
                path: 'caseload',
                element: (
                  <RoleGate allow={['specialist', 'supervisor']}>
                    <CaseloadRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'alerts',
                element: (
                  <RoleGate allow={['specialist', 'supervisor']}>
                    <AlertsRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'surveys-due',
                element: (
                  <RoleGate allow={['specialist', 'supervisor']}>
                    <SurveysDueRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'outcomes',
                element: (
                  <RoleGate allow={['supervisor', 'admin']}>
                    <OutcomesRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'caseload-balance',
                element: (
                  <RoleGate allow={['supervisor']}>
                    <CaseloadBalanceRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'participants',
                element: (
                  <RoleGate allow={['supervisor', 'admin']}>
                    <ParticipantsRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'participants/new',
                element: (
                  <RoleGate allow={['specialist', 'supervisor']}>
                    <ParticipantIntakeRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'participants/:participantId',
                element: (
                  <RoleGate allow={['specialist', 'supervisor', 'admin']}>
                    <ParticipantDetailRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'admin/users',
                element: (
                  <RoleGate allow={['admin']}>
                    <AdminUsersRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'admin/integrators',
                element: (
                  <RoleGate allow={['admin']}>
                    <AdminIntegratorsRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'specialists',
                element: (
                  <RoleGate allow={['admin', 'supervisor']}>
                    <SpecialistsRoute />
                  </RoleGate>
                ),
              },
              {
                path: 'me',
                children: [
                  { path: 'plan', element: <RoleGate allow={['participant']}><MyPlanRoute /></RoleGate> },
                  { path: 'crisis-plan', element: <RoleGate allow={['participant']}><MyCrisisPlanRoute /></RoleGate> },
                  { path: 'check-in', element: <RoleGate allow={['participant']}><CheckInRoute /></RoleGate> },
                  { path: 'match', element: <RoleGate allow={['participant']}><MyMatchRoute /></RoleGate> },
                  { path: 'access-log', element: <RoleGate allow={['participant']}><AccessLogRoute /></RoleGate> },
                  { path: 'disclosures', element: <RoleGate allow={['participant']}><MyDisclosuresRoute /></RoleGate> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];
