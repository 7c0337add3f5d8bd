import { useId } from 'react';

import { Button } from '@/components/ui/button';
import { classNames } from '@/components/ui/class-names';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { useCurrentUser } from '@/lib/auth/current-user';

import { useDisclosures, type Disclosure } from '../api/get-disclosures';

import { categoryText, formatWhen, KIND_LABELS, whyText } from './disclosure-labels';

/**
 * The signed-in participant's accounting of disclosures: each time their records left the
 * program, to whom, when, what and why; emergency disclosures explained in plain words.
 */
export function MyDisclosures() {
  const { data: user } = useCurrentUser();
  const participantId = user?.participant_id ?? undefined;
  const disclosures = useDisclosures(participantId);

  if (user && !participantId) {
    return <p>Your account is not linked to a participant record, so there is nothing to list.</p>;
  }
  if (disclosures.isPending) return <Loading label="Loading your disclosures…" />;
  if (disclosures.isError) {
    return (
      <div className="stack">
        <FormError error={disclosures.error} />
        <Button variant="secondary" onClick={() => void disclosures.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const items = disclosures.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="Your information has not been shared outside the program">
        <p>If it ever is, with your consent or in a medical emergency, you will see it here.</p>
      </EmptyState>
    );
  }

  return (
    <div className="disclosures">
      <ol className="disclosure-list" aria-label="Times your information was shared, newest first">
        {items.map((disclosure) => (
          <DisclosureItem key={disclosure.id} disclosure={disclosure} />
        ))}
      </ol>
      <p className="list-footer__count" role="status">
        {disclosures.hasNextPage ? `Showing the latest ${items.length}.` : `Showing all ${items.length}.`}
      </p>
      {disclosures.hasNextPage && (
        <Button
          variant="secondary"
          isLoading={disclosures.isFetchingNextPage}
          onClick={() => void disclosures.fetchNextPage()}
        >
          Show more
        </Button>
      )}
    </div>
  );
}

function DisclosureItem({ disclosure }: { disclosure: Disclosure }) {
  const headingId = useId();
  const to = disclosure.recipient_facility
    ? `${disclosure.recipient_name}, ${disclosure.recipient_facility}`
    : disclosure.recipient_name;
  const what = disclosure.information_categories.map(categoryText);
  return (
    <li className={classNames('disclosure', `disclosure--${disclosure.kind}`)}>
      <article aria-labelledby={headingId}>
        <header className="disclosure__header">
          <h2 id={headingId} className="disclosure__title">
            To {to}
          </h2>
          <span className={classNames('disclosure-kind', `disclosure-kind--${disclosure.kind}`)}>
            {KIND_LABELS[disclosure.kind]}
          </span>
        </header>
        <dl className="details details--compact">
          <div className="details__row">
            <dt>When</dt>
            <dd>
              <time dateTime={disclosure.disclosed_at}>{formatWhen(disclosure.disclosed_at)}</time>
            </dd>
          </div>
          <div className="details__row">
            <dt>What was shared</dt>
            <dd>
              {what.length > 0 && <>{what.join(', ')}. </>}
              {/* An export's record says "under a pseudonym, by API export": the note says it plainly. */}
              {disclosure.recipient_client_id ? (
                <span className="disclosure__note">Sent electronically, with a code in place of your name.</span>
              ) : (
                disclosure.description
              )}
            </dd>
          </div>
          {disclosure.kind === 'emergency' && disclosure.nature_of_emergency && (
            <div className="details__row">
              <dt>The emergency</dt>
              <dd>{disclosure.nature_of_emergency}</dd>
            </div>
          )}
          <div className="details__row">
            <dt>Why</dt>
            <dd>{whyText(disclosure)}</dd>
          </div>
        </dl>
        {disclosure.kind === 'consented' && (
          <p className="disclosure__note">
            You can take back your consent at any time: ask your peer specialist. Nothing more is shared from then on.
          </p>
        )}
      </article>
    </li>
  );
}
