import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

import { IdleLogoff } from '@/features/auth/components/idle-logoff';
import { forgetStoredCrisisPlans } from '@/features/crisis/crisis-plan-cache';
import { restoreSession, startSessionSync } from '@/lib/auth/session';
import { getSessionSnapshot, subscribeToSession } from '@/lib/auth/token-store';
import { createQueryClient } from '@/lib/query-client';

export interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client. */
  queryClient?: QueryClient;
  /** Automatic logoff timings; tests shorten them. */
  idleTimeoutMs?: number;
  idleWarningMs?: number;
  /** Keep tabs in step (sign-out, activity). Off in tests. */
  crossTab?: boolean;
}

/**
 * Everything the pages rely on: the query cache, the session (restored from the refresh cookie
 * on load), and automatic logoff. Whenever the session ends, for whatever reason, the query
 * cache is emptied so no record outlives it in memory; an explicit sign-out also removes the
 * crisis plan kept on the device for offline use.
 */
export function AppProvider({
  children,
  queryClient: givenClient,
  idleTimeoutMs,
  idleWarningMs,
  crossTab = true,
}: AppProviderProps) {
  const [queryClient] = useState(() => givenClient ?? createQueryClient());

  useEffect(() => {
    let previous = getSessionSnapshot().status;
    const unsubscribe = subscribeToSession(() => {
      const { status, endReason } = getSessionSnapshot();
      if (status === 'signed-out' && previous !== 'signed-out') queryClient.clear();
      // Signing out on purpose leaves nothing on a shared device; an automatic logoff keeps
      // the crisis plan for when the person signs in again with a poor connection.
      if (status === 'signed-out' && endReason === 'signed-out') forgetStoredCrisisPlans();
      previous = status;
    });
    const stopSync = crossTab ? startSessionSync() : () => {};
    void restoreSession();
    return () => {
      unsubscribe();
      stopSync();
    };
  }, [queryClient, crossTab]);

  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <IdleLogoff
        crossTab={crossTab}
        {...(idleTimeoutMs !== undefined && { timeoutMs: idleTimeoutMs })}
        {...(idleWarningMs !== undefined && { warningMs: idleWarningMs })}
      />
    </QueryClientProvider>
  );
}
