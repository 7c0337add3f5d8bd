import { Link, NavLink, useNavigate } from 'react-router-dom';

import { CrisisHelp } from '@/components/crisis-help';
import { Button } from '@/components/ui/button';
import { NAVIGATION } from '@/app/navigation';
import { useSignOut } from '@/features/auth/api/sign-out';
import { SKIP_UNSAVED_CHANGES_CHECK } from '@/hooks/use-unsaved-changes';
import { useCurrentUser } from '@/lib/auth/current-user';
import { useSession } from '@/lib/auth/use-session';

/** The header on every screen: the name, the role's links, the account, and "Need help now?". */
export function SiteHeader() {
  const { status } = useSession();
  const { data: user } = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const signedInUser = status === 'signed-in' ? user : undefined;

  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="site-header__brand">
          Peer Recovery Support
        </Link>
        <CrisisHelp />
      </div>
      {signedInUser && (
        <div className="site-header__bar site-header__bar--secondary">
          <nav aria-label="Main" className="main-nav">
            <ul className="main-nav__list">
              {NAVIGATION[signedInUser.role].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="main-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account">
            <span className="account__name">
              <span className="visually-hidden">Signed in as </span>
              {signedInUser.display_name}
            </span>
            <Button
              variant="quiet"
              onClick={() => {
                signOut.mutate('signed-out');
                // Also from pages that need no session (such as the 404 page).
                navigate('/sign-in', { state: { [SKIP_UNSAVED_CHANGES_CHECK]: true } });
              }}
            >
              Sign out
            </Button>
          </div>
        </div>
      )}
    </header>
  );
}
