import { Link } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export default function NotFoundRoute() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="We couldn't find that page" action={<Link to="/">Go to the start page</Link>}>
        <p>The address may be mistyped, or the page may have moved.</p>
      </EmptyState>
    </>
  );
}
