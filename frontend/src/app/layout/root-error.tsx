import { CrisisHelp } from '@/components/crisis-help';

/**
 * The last resort when the shell itself fails. It repeats the header's crisis help and uses
 * no router, query or session state, since any of those may be what broke.
 */
export function RootError() {
  return (
    <div className="app">
      <header className="site-header">
        <div className="site-header__bar">
          <a href="/" className="site-header__brand">
            Peer Recovery Support
          </a>
          <CrisisHelp />
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="app__main">
        <h1>Something went wrong</h1>
        <p role="alert">The app stopped working. Reload the page to try again.</p>
      </main>
    </div>
  );
}
