import { useId } from 'react';

import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Loading } from '@/components/ui/spinner';
import { CheckInForm } from '@/features/check-ins/components/check-in-form';
import { CheckInTrend } from '@/features/check-ins/components/check-in-trend';
import { useCurrentUser } from '@/lib/auth/current-user';

/** `/me/check-in`: the participant's daily check-in, and below it how the last weeks went. */
export default function CheckInRoute() {
  const { data: user, isPending } = useCurrentUser();
  const trendHeadingId = useId();

  if (isPending) return <Loading />;
  const participantId = user?.participant_id;

  return (
    <>
      <PageHeader title="Check in" description="How are you doing today?" />
      {participantId ? (
        <div className="me-check-in">
          <section className="me-check-in__form panel" aria-label="Today's check-in">
            <CheckInForm participantId={participantId} />
          </section>
          <section className="me-check-in__trend" aria-labelledby={trendHeadingId}>
            <h2 id={trendHeadingId}>Your check-ins over time</h2>
            <p className="section-intro">
              Ups and downs are part of recovery. This is here to help you and your peer specialist
              notice what helps.
            </p>
            <CheckInTrend participantId={participantId} days={30} />
          </section>
        </div>
      ) : (
        <EmptyState title="Your account is not linked to a participant record">
          <p>Please ask your peer specialist or the programme's administrator to link it.</p>
        </EmptyState>
      )}
    </>
  );
}
