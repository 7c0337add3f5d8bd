import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';

import { Loading } from '@/components/ui/spinner';
import { AlertBanner } from '@/features/alerts/components/alert-banner';
import { useCurrentUser } from '@/lib/auth/current-user';
import { useSession } from '@/lib/auth/use-session';

import { SiteHeader } from './site-header';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * Skip link, header, main landmark and footer around every page; for specialists and
 * supervisors also the live alert banner (and the alert stream it holds).
 */
export function AppShell() {
  const location = useLocation();
  const { status } = useSession();
  const { data: user } = useCurrentUser();
  const seesAlerts = status === 'signed-in' && (user?.role === 'specialist' || user?.role === 'supervisor');
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a navigation, start screen readers and keyboards at the new page's content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Skip to content
      </a>
      <SiteHeader />
      {/* Keyed by account: another person signing in in this tab gets a stream of their own. */}
      {seesAlerts && <AlertBanner key={user.id} />}
      <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="app__main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          Records here are confidential (42 CFR Part 2). Sign out when you step away; you are
          signed out automatically after 15 minutes without activity.
        </p>
      </footer>
    </div>
  );
}
