import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

// Placeholder: replace with the page (compose it from features/*/components).
export default function ParticipantsRoute() {
  return (
    <>
      <PageHeader title="Participants" description="Everyone in your organisation's programme." />
      <EmptyState title="Coming soon">
        <p>This page is being built.</p>
      </EmptyState>
    </>
  );
}
