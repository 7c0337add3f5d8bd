import { PageHeader } from '@/components/ui/page-header';
import { AccessLog } from '@/features/access-log/components/access-log';

/** `/me/access-log`: who at the organisation opened the participant's record. */
export default function AccessLogRoute() {
  return (
    <>
      <PageHeader title="Who viewed my record" description="Everyone who opened your record, and when." />
      <div className="access-log-intro">
        <p>
          Your record is private. Each time someone at your organisation opens or changes it, it is
          listed here, so you always know who has seen what.
        </p>
        <p>
          If something here doesn't look right, you can ask your peer specialist or the programme's
          administrator about it.
        </p>
      </div>
      <AccessLog />
    </>
  );
}
