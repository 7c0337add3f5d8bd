import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

// Placeholder: replace with the page (compose it from features/*/components).
export default function AccessLogRoute() {
  return (
    <>
      <PageHeader title="Who viewed my record" description="Everyone who opened your record, and when." />
      <EmptyState title="Coming soon">
        <p>This page is being built.</p>
      </EmptyState>
    </>
  );
}
