import { useRef, useState, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useParticipant } from '../api/get-participant';
import type { Participant, VersionedParticipant } from '../types';

import { ProfileForm } from './profile-form';
import { days, formatDate, formatInstantDate, labelOf, RECOVERY_PATHWAYS, SUBSTANCES } from './profile-labels';

interface ProfileSectionProps {
  participantId: string;
  /** Staff who may change the profile (admins read it only). */
  canEdit: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** The participant's profile, and (for those who may) a form to change it. */
export function ProfileSection({ participantId, canEdit, onDirtyChange }: ProfileSectionProps) {
  const participant = useParticipant(participantId);
  // The version read when editing began: its ETag goes with the change.
  const [editing, setEditing] = useState<VersionedParticipant | null>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  if (participant.isPending) return <Loading label="Loading the profile…" />;
  if (participant.isError) return <FormError error={participant.error} />;

  if (editing) {
    return (
      <ProfileForm
        participantId={participantId}
        loaded={editing}
        onDirtyChange={onDirtyChange}
        onDone={() => {
          setEditing(null);
          requestAnimationFrame(() => editButtonRef.current?.focus());
        }}
      />
    );
  }

  return (
    <div className="profile">
      <ProfileDetails participant={participant.data.value} />
      {canEdit && (
        <Button ref={editButtonRef} variant="secondary" onClick={() => setEditing(participant.data)}>
          Edit profile
        </Button>
      )}
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{term}</dt>
      <dd>{children || <span className="details__none">Not given</span>}</dd>
    </div>
  );
}

function ProfileDetails({ participant }: { participant: Participant }) {
  return (
    <dl className="details">
      <Row term="Preferred name">{participant.preferred_name}</Row>
      <Row term="Legal name">{participant.legal_name}</Row>
      <Row term="Pronouns">{participant.pronouns}</Row>
      <Row term="Gender identity">{participant.gender_identity}</Row>
      <Row term="Primary language">{participant.primary_language}</Row>
      <Row term="Birth year">{participant.birth_year}</Row>
      <Row term="Email">{participant.email}</Row>
      <Row term="Phone">{participant.phone}</Row>
      <Row term="Recovery start date">
        {participant.recovery_start_date &&
          `${formatDate(participant.recovery_start_date)}${
            participant.days_in_recovery != null ? ` (${days(participant.days_in_recovery)} in recovery)` : ''
          }`}
      </Row>
      <Row term="Last reported use">
        {participant.last_reported_use_at && formatInstantDate(participant.last_reported_use_at)}
      </Row>
      <Row term="Substances">{participant.substances.map((value) => labelOf(SUBSTANCES, value)).join(', ')}</Row>
      <Row term="Recovery pathways">
        {participant.recovery_pathways.map((value) => labelOf(RECOVERY_PATHWAYS, value)).join(', ')}
      </Row>
      <Row term="Strengths">{participant.strengths.join(', ')}</Row>
      <Row term="Enrolled">{formatInstantDate(participant.enrolled_at)}</Row>
    </dl>
  );
}
