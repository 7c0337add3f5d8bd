import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';

import { AppProvider } from '@/app/provider';
import { routes as appRoutes } from '@/app/router';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

interface RenderAppOptions {
  /** The URL to start at. */
  path?: string;
  routes?: RouteObject[];
  idleTimeoutMs?: number;
  idleWarningMs?: number;
  /** userEvent options, e.g. `{ advanceTimers: vi.advanceTimersByTime }` with fake timers. */
  userOptions?: Parameters<typeof userEvent.setup>[0];
}

/** Renders the whole app (providers, shell, routes) in memory, as the browser would. */
export function renderApp({
  path = '/',
  routes = appRoutes,
  idleTimeoutMs,
  idleWarningMs,
  userOptions,
}: RenderAppOptions = {}) {
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup(userOptions);
  const result = render(
    <AppProvider
      queryClient={queryClient}
      crossTab={false}
      {...(idleTimeoutMs !== undefined && { idleTimeoutMs })}
      {...(idleWarningMs !== undefined && { idleWarningMs })}
    >
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient, user };
}
