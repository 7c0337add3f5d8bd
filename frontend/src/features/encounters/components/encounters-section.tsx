import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useEncounters } from '../api/get-encounters';
import type { Encounter } from '../types';

import { dimensionLabel, formatDateTime, modeLabel, units } from './encounter-labels';
import { EncounterForm } from './encounter-form';

interface EncountersSectionProps {
  participantId: string;
  /** Specialists and supervisors log contacts; admins read the log (without notes). */
  canLog: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** The contact log, newest first, and a form to log a contact. */
export function EncountersSection({ participantId, canLog, onDirtyChange }: EncountersSectionProps) {
  const encounters = useEncounters(participantId);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<Encounter | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const items = encounters.data?.pages.flatMap((page) => page.items) ?? [];

  function close() {
    setAdding(false);
    requestAnimationFrame(() => addButtonRef.current?.focus());
  }

  return (
    <div className="encounters">
      <div role="status" className="encounters__status">
        {saved && (
          <p className="notice">
            Encounter saved: {saved.minutes} minutes, {units(saved.billable_units)}.
          </p>
        )}
      </div>
      {canLog &&
        (adding ? (
          <EncounterForm
            participantId={participantId}
            onDirtyChange={onDirtyChange}
            onCancel={close}
            onSaved={(encounter) => {
              setSaved(encounter);
              close();
            }}
          />
        ) : (
          <Button
            ref={addButtonRef}
            variant="secondary"
            onClick={() => {
              setSaved(null);
              setAdding(true);
            }}
          >
            Log an encounter
          </Button>
        ))}

      {encounters.isPending && <Loading label="Loading encounters…" />}
      {encounters.isError && <FormError error={encounters.error} />}
      {encounters.isSuccess &&
        (items.length === 0 ? (
          <p>No encounters logged yet.</p>
        ) : (
          <ul className="encounter-list">
            {items.map((encounter) => (
              <EncounterItem key={encounter.id} encounter={encounter} />
            ))}
          </ul>
        ))}
      {encounters.hasNextPage && (
        <Button
          variant="secondary"
          isLoading={encounters.isFetchingNextPage}
          onClick={() => void encounters.fetchNextPage()}
        >
          Show earlier encounters
        </Button>
      )}
    </div>
  );
}

function EncounterItem({ encounter }: { encounter: Encounter }) {
  return (
    <li className="encounter">
      <h3 className="encounter__title">
        {modeLabel(encounter.mode)} · {formatDateTime(encounter.started_at)}
      </h3>
      <dl className="details details--compact">
        <div className="details__row">
          <dt>Length</dt>
          <dd>
            {encounter.minutes} minutes · {units(encounter.billable_units)}
          </dd>
        </div>
        <div className="details__row">
          <dt>Dimensions</dt>
          <dd>{encounter.dimensions.length > 0 ? encounter.dimensions.map(dimensionLabel).join(', ') : 'None recorded'}</dd>
        </div>
        <div className="details__row">
          <dt>Referrals</dt>
          <dd>
            {encounter.referrals.length > 0 ? (
              <ul className="inline-list">
                {encounter.referrals.map((referral, index) => (
                  <li key={`${index}-${referral}`}>{referral}</li>
                ))}
              </ul>
            ) : (
              'None'
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>Note</dt>
          <dd className="encounter__note">
            {encounter.note_visible ? (
              (encounter.note ?? <span className="details__none">No note</span>)
            ) : (
              <span className="details__none">Note visible only to its author and supervisors</span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
