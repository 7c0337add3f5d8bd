import { useState } from 'react';

import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { HelpNow } from '@/features/crisis/components/help-now';
import { PlanBoard } from '@/features/plans/components/plan-board';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { useCurrentUser } from '@/lib/auth/current-user';

/** The participant's own recovery plan: /me/plan. */
export default function MyPlanRoute() {
  const { data: user } = useCurrentUser();
  const [isDirty, setDirty] = useState(false);
  const unsaved = useUnsavedChanges(isDirty);
  const participantId = user?.participant_id;

  return (
    <>
      <PageHeader
        title="My plan"
        description="Your goals, in your words: for your health, your home, your purpose and your community."
      />
      {participantId && <HelpNow participantId={participantId} />}
      {participantId ? (
        <section className="page-section my-plan" aria-labelledby="my-goals-heading">
          <h2 id="my-goals-heading" className="page-section__title">
            Your goals, in your words
          </h2>
          <p className="my-plan__intro">
            This is your plan. Add goals of your own and change them whenever you like. When your peer specialist
            suggests a goal, it waits here until you agree: only agree if it says what you want.
          </p>
          <PlanBoard participantId={participantId} mode="participant" onDirtyChange={setDirty} />
        </section>
      ) : (
        <EmptyState title="Your plan is not linked yet">
          <p>Your account is not linked to a participant record. Please ask your peer specialist to help.</p>
        </EmptyState>
      )}
      <UnsavedChangesDialog state={unsaved} />
    </>
  );
}
