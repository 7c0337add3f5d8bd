import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { isProblemError } from '@/lib/problem';

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message)
  );
}

/** Shown in place of a page that failed; the header (and "Need help now?") stays. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <PageHeader title="Page not found" />
        <EmptyState title="We couldn't find that page" action={<Link to="/">Go to the start page</Link>} />
      </>
    );
  }
  const message = isChunkLoadError(error)
    ? 'This page could not be loaded. The app may have been updated or your connection dropped: reload the page to try again.'
    : isProblemError(error)
      ? error.detail
      : 'Something went wrong while showing this page.';
  return (
    <>
      <PageHeader title="Something went wrong" />
      <EmptyState title="This page could not be shown" action={<Link to="/">Go to the start page</Link>}>
        <p role="alert">{message}</p>
      </EmptyState>
    </>
  );
}
