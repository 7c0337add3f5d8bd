import { PageHeader } from '@/components/ui/page-header';
import { AlertsView } from '@/features/alerts/components/alerts-view';
import { useCurrentUser } from '@/lib/auth/current-user';

/** `/alerts`: what needs a specialist's or supervisor's attention, live. */
export default function AlertsRoute() {
  const { data: user } = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Alerts"
        description={
          user?.role === 'supervisor'
            ? 'Every alert in your organisation, newest first: crisis calls, high-risk check-ins and screens, and escalations.'
            : 'Your participants’ alerts, newest first: calls for help, high-risk check-ins and screens.'
        }
      />
      <AlertsView />
    </>
  );
}
