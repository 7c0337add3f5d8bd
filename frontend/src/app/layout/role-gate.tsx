import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { homePathFor } from '@/app/navigation';
import { useCurrentUser, type Role } from '@/lib/auth/current-user';

interface RoleGateProps {
  allow: readonly Role[];
  children: ReactNode;
}

/**
 * Shows a page only to the roles that work in it. The API enforces access on its own; this
 * spares people pages that could only answer "forbidden". Use inside RequireAuth.
 */
export function RoleGate({ allow, children }: RoleGateProps) {
  const { data: user } = useCurrentUser();
  if (!user) return null;
  if (allow.includes(user.role)) return children;
  return (
    <>
      <PageHeader title="Not available for your account" />
      <EmptyState
        title="This page belongs to another role"
        action={<Link to={homePathFor(user.role)}>Go to your start page</Link>}
      >
        <p>Your account does not use this page. If you think it should, ask your administrator.</p>
      </EmptyState>
    </>
  );
}
