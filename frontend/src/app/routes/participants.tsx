import { PageHeader } from '@/components/ui/page-header';
import { CaseloadView } from '@/features/caseload/components/caseload-view';
import { ParticipantDirectory } from '@/features/caseload/components/participant-directory';
import { useCurrentUser } from '@/lib/auth/current-user';

/**
 * Everyone in the organisation. Supervisors get the caseload view of everyone (with the
 * specialist filter); admins, who may read participants but have no caseload (`GET /caseload`
 * is not theirs), the plain list from `GET /participants`.
 */
export default function ParticipantsRoute() {
  const { data: user } = useCurrentUser();
  return (
    <>
      <PageHeader title="Participants" description="Everyone in your organisation's programme." />
      {user?.role === 'admin' ? (
        <ParticipantDirectory label="Participants" />
      ) : (
        <CaseloadView
          label="Participants"
          withSpecialistFilter
          emptyTitle="No participants yet"
          emptyBody="People appear here once someone on the team takes them in."
        />
      )}
    </>
  );
}
