import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

// Placeholder: replace with the page (compose it from features/*/components).
export default function ParticipantDetailRoute() {
  return (
    <>
      <PageHeader title="Participant" description="Profile, plan, check-ins, assessments and contacts." />
      <EmptyState title="Coming soon">
        <p>This page is being built.</p>
      </EmptyState>
    </>
  );
}
