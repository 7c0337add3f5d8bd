import { PageHeader } from '@/components/ui/page-header';
import { CaseloadBalanceView } from '@/features/matching/components/caseload-balance';

/** Supervisors: `/caseload-balance`, each specialist's caseload and who waits for a match. */
export default function CaseloadBalanceRoute() {
  return (
    <>
      <PageHeader
        title="Caseload balance"
        description="Who has space, and who is waiting for a peer specialist."
      />
      <CaseloadBalanceView />
    </>
  );
}
