import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { TextAreaField } from '@/components/ui/text-area-field';

import { useConsents } from '../api/get-consents';
import { useRevokeConsent } from '../api/revoke-consent';
import type { Consent } from '../types';

import { categoryLabel, consentTitle, formatInstantDate, STATUS_LABELS } from './consent-labels';
import { DisclosureConsentForm } from './disclosure-consent-form';

interface ConsentsSectionProps {
  participantId: string;
  participantName?: string | undefined;
  /** Who may record and revoke consents (staff working with the participant; not admins). */
  canEdit: boolean;
  /** After a revocation: revoking the enrolment consent withdraws the participant. */
  onRevoked?: (consent: Consent) => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** The participant's consents with their status; record a disclosure consent; revoke one. */
export function ConsentsSection({ participantId, participantName, canEdit, onRevoked, onDirtyChange }: ConsentsSectionProps) {
  const consents = useConsents(participantId);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  return (
    <div className="consents">
      {consents.isPending && <Loading label="Loading consents…" />}
      {consents.isError && <FormError error={consents.error} />}
      {consents.data &&
        (consents.data.items.length === 0 ? (
          <p>No consents on record.</p>
        ) : (
          <ul className="consent-list">
            {consents.data.items.map((consent) => (
              <ConsentItem
                key={consent.id}
                consent={consent}
                canRevoke={canEdit && consent.status === 'active'}
                onRevoke={() => setRevoking(consent)}
              />
            ))}
          </ul>
        ))}

      {canEdit &&
        (adding ? (
          <DisclosureConsentForm
            participantId={participantId}
            participantName={participantName}
            onDirtyChange={onDirtyChange}
            onDone={() => {
              setAdding(false);
              requestAnimationFrame(() => addButtonRef.current?.focus());
            }}
          />
        ) : (
          <Button ref={addButtonRef} variant="secondary" onClick={() => setAdding(true)}>
            Record a disclosure consent
          </Button>
        ))}

      {revoking && (
        <RevokeConsentDialog
          consent={revoking}
          participantId={participantId}
          participantName={participantName}
          onClose={() => setRevoking(null)}
          onRevoked={(consent) => {
            setRevoking(null);
            onRevoked?.(consent);
          }}
        />
      )}
    </div>
  );
}

function ConsentItem({ consent, canRevoke, onRevoke }: { consent: Consent; canRevoke: boolean; onRevoke: () => void }) {
  const title = consentTitle(consent);
  const ends = [
    consent.expires_at && `on ${formatInstantDate(consent.expires_at)}`,
    consent.expiry_event && `when ${consent.expiry_event}`,
  ].filter(Boolean);
  return (
    <li className={`consent consent--${consent.status}`}>
      <div className="consent__header">
        <h3 className="consent__title">{title}</h3>
        <span className={`consent-status consent-status--${consent.status}`}>
          <span className="visually-hidden">Status: </span>
          {STATUS_LABELS[consent.status]}
        </span>
      </div>
      <dl className="details details--compact">
        {consent.kind === 'disclosure' && (
          <>
            <div className="details__row">
              <dt>Information</dt>
              <dd>{consent.information_categories.map(categoryLabel).join(', ')}</dd>
            </div>
            {consent.purpose && (
              <div className="details__row">
                <dt>Purpose</dt>
                <dd>{consent.purpose}</dd>
              </div>
            )}
            {consent.discloser && (
              <div className="details__row">
                <dt>Disclosed by</dt>
                <dd>{consent.discloser}</dd>
              </div>
            )}
            {ends.length > 0 && (
              <div className="details__row">
                <dt>{consent.status === 'expired' ? 'Ended' : 'Ends'}</dt>
                <dd>{ends.join(', or ')}</dd>
              </div>
            )}
          </>
        )}
        <div className="details__row">
          <dt>Signed</dt>
          <dd>
            {formatInstantDate(consent.signed_at)} by {consent.signature}
          </dd>
        </div>
        {consent.revoked_at && (
          <div className="details__row">
            <dt>Revoked on</dt>
            <dd>
              {formatInstantDate(consent.revoked_at)}
              {consent.revocation_reason ? `: ${consent.revocation_reason}` : ''}
            </dd>
          </div>
        )}
      </dl>
      {canRevoke && (
        <Button variant="secondary" aria-label={`Revoke ${title.charAt(0).toLowerCase()}${title.slice(1)}`} onClick={onRevoke}>
          Revoke
        </Button>
      )}
    </li>
  );
}

interface RevokeConsentDialogProps {
  consent: Consent;
  participantId: string;
  participantName?: string | undefined;
  onClose: () => void;
  onRevoked: (consent: Consent) => void;
}

/** Asks first: revocation takes effect now and is final. */
function RevokeConsentDialog({ consent, participantId, participantName, onClose, onRevoked }: RevokeConsentDialogProps) {
  const revoke = useRevokeConsent(participantId);
  const [reason, setReason] = useState('');
  const keepRef = useRef<HTMLButtonElement>(null);
  const name = participantName ?? 'the participant';
  return (
    <Dialog
      open
      onClose={onClose}
      initialFocusRef={keepRef}
      title="Revoke this consent?"
      description={
        <>
          <p>
            <strong>{consentTitle(consent)}.</strong> Revoking takes effect now and is final: it cannot be undone.
            Nothing more is shared under it from this moment; information already shared cannot be called back.
            To share again, a new consent must be signed.
          </p>
          {consent.kind === 'enrolment' && (
            <p>Revoking the enrolment consent also withdraws {name} from the program. Their record is kept.</p>
          )}
        </>
      }
    >
      <div className="form">
        <FormError error={revoke.error} />
        <TextAreaField
          label="Reason"
          description="Optional."
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <DialogActions>
          <Button ref={keepRef} variant="secondary" onClick={onClose}>
            Keep the consent
          </Button>
          <Button
            variant="danger"
            isLoading={revoke.isPending}
            onClick={() =>
              revoke.mutate(
                { consentId: consent.id, ...(reason.trim() && { reason: reason.trim() }) },
                { onSuccess: onRevoked },
              )
            }
          >
            Revoke consent
          </Button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
