import { CrisisLine } from '@/components/crisis-help';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Loading } from '@/components/ui/spinner';
import { HelpNow } from '@/features/crisis/components/help-now';
import { MyCrisisPlan } from '@/features/crisis/components/my-crisis-plan';
import { useCurrentUser } from '@/lib/auth/current-user';

/** `/me/crisis-plan`: "I need help now", who to call, and the safety plan; kept on the device. */
export default function MyCrisisPlanRoute() {
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <Loading />;
  const participantId = user?.participant_id;

  return (
    <>
      <PageHeader
        title="My crisis plan"
        description="Who to call and what helps, for a hard day. It is kept on this device, so it opens even without a connection."
      />
      {participantId ? (
        <>
          <HelpNow participantId={participantId} withLifeline />
          <MyCrisisPlan participantId={participantId} />
        </>
      ) : (
        <>
          <CrisisLine />
          <EmptyState title="Your account is not linked to a participant record">
            <p>Please ask your peer specialist or the programme's administrator to link it.</p>
          </EmptyState>
        </>
      )}
    </>
  );
}
