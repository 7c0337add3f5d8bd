import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

// Placeholder: replace with the page (compose it from features/*/components).
export default function CaseloadRoute() {
  return (
    <>
      <PageHeader title="Caseload" description="The people you walk beside, with their latest check-in and contact." />
      <EmptyState title="Coming soon">
        <p>This page is being built.</p>
      </EmptyState>
    </>
  );
}
