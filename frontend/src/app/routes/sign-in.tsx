import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';

import { PageHeader } from '@/components/ui/page-header';
import { Loading } from '@/components/ui/spinner';
import { safeNextPath } from '@/app/navigation';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import type { SessionEndReason } from '@/lib/auth/token-store';
import { useSession } from '@/lib/auth/use-session';

const END_MESSAGES: Record<SessionEndReason, string> = {
  idle: 'You were signed out after a period without activity, to keep this information private. Sign in again to continue.',
  expired: 'Your session has ended. Please sign in again.',
  'signed-out': 'You have signed out.',
};

export default function SignInRoute() {
  const { status, endReason } = useSession();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(searchParams.get('next')) ?? '/';

  if (status === 'unknown') return <Loading label="Checking your session…" />;
  if (status === 'signed-in') return <Navigate to={next} replace />;

  return (
    <div className="narrow">
      <PageHeader title="Sign in" />
      {endReason && (
        <p role="status" className="notice">
          {END_MESSAGES[endReason]}
        </p>
      )}
      <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
    </div>
  );
}
