import { PageHeader } from '@/components/ui/page-header';
import { OutcomesDashboard } from '@/features/outcomes/components/outcomes-dashboard';

/** Supervisors and admins: `/outcomes`, what changes for participants between intake and discharge. */
export default function OutcomesRoute() {
  return (
    <>
      <PageHeader title="Outcomes" description="How participants are doing at intake, six months on and at discharge." />
      <OutcomesDashboard />
    </>
  );
}
