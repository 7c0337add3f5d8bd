import { PageHeader } from '@/components/ui/page-header';
import { CaseloadView } from '@/features/caseload/components/caseload-view';
import { useCurrentUser } from '@/lib/auth/current-user';

export default function CaseloadRoute() {
  const { data: user } = useCurrentUser();
  const isSupervisor = user?.role === 'supervisor';
  return (
    <>
      <PageHeader title="Caseload" description="The people you walk beside, with their latest check-in and contact." />
      <CaseloadView
        label="Caseload"
        withSpecialistFilter={isSupervisor}
        emptyTitle="No one on this caseload yet"
        emptyBody="People you take in, and people matched with you, appear here."
      />
    </>
  );
}
