import { Navigate } from 'react-router-dom';

import { homePathFor } from '@/app/navigation';
import { useCurrentUser } from '@/lib/auth/current-user';

/** `/`: each role's start page. */
export default function HomeRoute() {
  const { data: user } = useCurrentUser();
  if (!user) return null;
  return <Navigate to={homePathFor(user.role)} replace />;
}
