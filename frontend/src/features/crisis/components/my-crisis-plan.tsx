import { useEffect, useId, useState } from 'react';

import { CrisisLine } from '@/components/crisis-help';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { isProblemError, NETWORK_ERROR_STATUS } from '@/lib/problem';

import { useMyCrisisPlan } from '../api/get-my-crisis-plan';
import { useUpdateCrisisContact } from '../api/update-crisis-contact';
import type { CrisisContact } from '../types';

import { CallList } from './call-list';
import { formatDateTime, formatInstantDate } from './crisis-labels';
import { SafetyPlanSteps } from './safety-plan-steps';

interface MyCrisisPlanProps {
  participantId: string;
}

/**
 * The participant's crisis plan: who to call (with "Call" links) and the safety plan, from the
 * server or, when it cannot be reached, from the copy kept on this device. The participant
 * decides here which of their contacts their support team may contact.
 */
export function MyCrisisPlan({ participantId }: MyCrisisPlanProps) {
  const plan = useMyCrisisPlan(participantId);
  const contactsHeadingId = useId();
  const planHeadingId = useId();

  if (plan.isPending) return <Loading label="Loading your crisis plan…" />;
  if (plan.isError) {
    const offline = isProblemError(plan.error) && plan.error.status === NETWORK_ERROR_STATUS;
    return (
      <div className="stack">
        <FormError error={plan.error} />
        <p>
          {offline
            ? 'Your crisis plan is not saved on this device yet, so it cannot be shown without a connection.'
            : 'Your crisis plan could not be loaded.'}{' '}
          You can always call or text 988.
        </p>
        <CrisisLine />
        <Button variant="secondary" onClick={() => void plan.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const { plan: crisisPlan, fromDevice, checkedAt } = plan.data;
  const safetyPlan = crisisPlan.safety_plan;

  return (
    <div className="my-crisis-plan">
      {fromDevice && !plan.isFetching && (
        <p role="status" className="notice my-crisis-plan__offline">
          You are seeing the copy saved on this device, last checked {formatDateTime(checkedAt)}. It may not have the
          latest changes: we will check again when the connection is back.
        </p>
      )}
      <section className="page-section my-crisis-plan__contacts" aria-labelledby={contactsHeadingId}>
        <h2 id={contactsHeadingId} className="page-section__title">
          People I can call
        </h2>
        <p className="section-intro">
          In the order to call them. Tick the people your support team may also get in touch with if they are worried
          about you; you can change this at any time.
        </p>
        <CallList
          contacts={crisisPlan.contacts}
          label="My contacts, in the order to call them"
          renderExtra={(contact) => <MayContact participantId={participantId} contact={contact} offline={fromDevice} />}
        />
      </section>
      <section className="page-section my-crisis-plan__safety-plan" aria-labelledby={planHeadingId}>
        <h2 id={planHeadingId} className="page-section__title">
          My safety plan
        </h2>
        {safetyPlan.version === 0 ? (
          <p className="section-intro">
            You have not written a safety plan yet. Your peer specialist can write it with you, in your words.
          </p>
        ) : (
          <p className="section-intro">
            Written in your words
            {safetyPlan.created_at ? `; last changed ${formatInstantDate(safetyPlan.created_at)}` : ''}.
          </p>
        )}
        <SafetyPlanSteps plan={safetyPlan} emptyText="Nothing here yet." />
      </section>
    </div>
  );
}

/** The participant's own choice: may their support team contact this person? */
function MayContact({ participantId, contact, offline }: { participantId: string; contact: CrisisContact; offline: boolean }) {
  const update = useUpdateCrisisContact(participantId);
  // The choice being saved, shown until the plan reads it back.
  const [wanted, setWanted] = useState<boolean | null>(null);
  useEffect(() => {
    if (wanted !== null && contact.may_contact === wanted) setWanted(null);
  }, [wanted, contact.may_contact]);
  // 988 and the matched specialist are there to be called; there is nothing to decide.
  if (contact.is_lifeline || contact.managed_by_match) return null;
  const checked = wanted ?? contact.may_contact;
  return (
    <div className="call-list__choice">
      <Checkbox
        label={`My support team may contact ${contact.name}`}
        checked={checked}
        disabled={update.isPending || offline}
        onChange={(event) => {
          const next = event.target.checked;
          setWanted(next);
          update.mutate(
            { contact, changes: { may_contact: next }, guard: 'none' },
            { onError: () => setWanted(null) },
          );
        }}
        {...(offline && { description: 'You can change this once you are back online.' })}
      />
      <FormError error={update.error} />
    </div>
  );
}
