import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

// Placeholder: replace with the page (compose it from features/*/components).
export default function ParticipantIntakeRoute() {
  return (
    <>
      <PageHeader title="New participant" description="Take someone in, with their consent." />
      <EmptyState title="Coming soon">
        <p>This page is being built.</p>
      </EmptyState>
    </>
  );
}
