import { useState } from 'react';

import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Loading } from '@/components/ui/spinner';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { MatchingPreferencesEditor } from '@/features/matching/components/matching-preferences-form';
import { MyPeerMatch } from '@/features/matching/components/my-peer-match';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { useCurrentUser } from '@/lib/auth/current-user';

/** The participant's own peer match and what they want in a peer: `/me/match`. */
export default function MyMatchRoute() {
  const { data: user, isPending } = useCurrentUser();
  const [isDirty, setDirty] = useState(false);
  const unsaved = useUnsavedChanges(isDirty);

  if (isPending) return <Loading />;
  const participantId = user?.participant_id;

  return (
    <>
      <PageHeader
        title="My peer match"
        description="A peer specialist walks beside you in recovery. You choose who: you can say no, or ask for someone else, at any time."
      />
      {participantId ? (
        <div className="me-match">
          <MyPeerMatch participantId={participantId} />
          <section className="panel me-match__preferences" aria-labelledby="preferences-form-title">
            <MatchingPreferencesEditor participantId={participantId} onDirtyChange={setDirty} />
          </section>
        </div>
      ) : (
        <EmptyState title="Your account is not linked to a participant record">
          <p>Please ask your peer specialist or the programme's administrator to link it.</p>
        </EmptyState>
      )}
      <UnsavedChangesDialog state={unsaved} />
    </>
  );
}
