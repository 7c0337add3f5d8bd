import { Navigate, Outlet, useLocation } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { signOut } from '@/features/auth/api/sign-out';
import { SKIP_UNSAVED_CHANGES_CHECK } from '@/hooks/use-unsaved-changes';
import { useCurrentUser } from '@/lib/auth/current-user';
import { useSession } from '@/lib/auth/use-session';

/** Pages below need a session and the account (`/me`); without one, the sign-in page. */
export function RequireAuth() {
  const { status, endReason } = useSession();
  const location = useLocation();
  const user = useCurrentUser();

  if (status === 'unknown') return <Loading label="Checking your session…" />;
  if (status === 'signed-out') {
    // After an explicit sign-out, start afresh; otherwise come back here after signing in.
    const here = `${location.pathname}${location.search}`;
    const to = endReason === 'signed-out' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace state={{ [SKIP_UNSAVED_CHANGES_CHECK]: true }} />;
  }
  if (user.isPending) return <Loading label="Loading your account…" />;
  if (user.isError) {
    return (
      <div className="stack">
        <FormError error={user.error} />
        <div className="button-row">
          <Button onClick={() => void user.refetch()}>Try again</Button>
          <Button variant="secondary" onClick={() => void signOut()}>
            Sign out
          </Button>
        </div>
      </div>
    );
  }
  return <Outlet />;
}
