import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { isProblemError, problemFieldErrors } from '@/lib/problem';

import { useParticipant } from '../api/get-participant';
import { useUpdateParticipant } from '../api/update-participant';
import type { Participant, ParticipantChanges, VersionedParticipant } from '../types';

import { labelOf, RECOVERY_PATHWAYS, SUBSTANCES, type RecoveryPathway, type Substance } from './profile-labels';

interface ProfileValues {
  preferred_name: string;
  legal_name: string;
  pronouns: string;
  email: string;
  phone: string;
  primary_language: string;
  gender_identity: string;
  birth_year: string;
  recovery_start_date: string;
  strengths: string;
  substances: string[];
  recovery_pathways: string[];
}

const FIELDS = [
  'preferred_name',
  'legal_name',
  'pronouns',
  'email',
  'phone',
  'primary_language',
  'gender_identity',
  'birth_year',
  'recovery_start_date',
  'strengths',
  'substances',
  'recovery_pathways',
] as const;

const FIELD_LABELS: Record<(typeof FIELDS)[number], string> = {
  preferred_name: 'Preferred name',
  legal_name: 'Legal name',
  pronouns: 'Pronouns',
  email: 'Email',
  phone: 'Phone',
  primary_language: 'Primary language',
  gender_identity: 'Gender identity',
  birth_year: 'Birth year',
  recovery_start_date: 'Recovery start date',
  strengths: 'Strengths',
  substances: 'Substances',
  recovery_pathways: 'Recovery pathways',
};

function toValues(participant: Participant): ProfileValues {
  return {
    preferred_name: participant.preferred_name,
    legal_name: participant.legal_name ?? '',
    pronouns: participant.pronouns ?? '',
    email: participant.email ?? '',
    phone: participant.phone ?? '',
    primary_language: participant.primary_language,
    gender_identity: participant.gender_identity ?? '',
    birth_year: participant.birth_year == null ? '' : String(participant.birth_year),
    recovery_start_date: participant.recovery_start_date ?? '',
    strengths: participant.strengths.join('\n'),
    substances: [...participant.substances].sort(),
    recovery_pathways: [...participant.recovery_pathways].sort(),
  };
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((item, index) => item === [...b].sort()[index]);
}

/** The fields whose values differ, as the API names them. */
function changedFields(a: ProfileValues, b: ProfileValues): (keyof ProfileValues)[] {
  return FIELDS.filter((field) => {
    const left = a[field];
    const right = b[field];
    if (Array.isArray(left) && Array.isArray(right)) return !sameList(left, right);
    if (field === 'strengths') return !sameList(lines(String(left)), lines(String(right)));
    return String(left).trim() !== String(right).trim();
  });
}

/**
 * What the person changed (against what they started from) that differs from what is on record
 * now (`current`, newer after a conflict), with empty optional answers sent as null (cleared).
 * Fields they did not touch are never sent, so someone else's change to them stays.
 */
function toChanges(values: ProfileValues, started: ProfileValues, current: ProfileValues): ParticipantChanges {
  const changes: ParticipantChanges = {};
  const text = (value: string) => value.trim() || null;
  const differsNow = new Set(changedFields(values, current));
  for (const field of changedFields(values, started).filter((name) => differsNow.has(name))) {
    switch (field) {
      case 'preferred_name':
        changes.preferred_name = values.preferred_name.trim();
        break;
      case 'primary_language':
        changes.primary_language = values.primary_language.trim();
        break;
      case 'birth_year':
        changes.birth_year = values.birth_year.trim() ? Number(values.birth_year) : null;
        break;
      case 'recovery_start_date':
        changes.recovery_start_date = values.recovery_start_date || null;
        break;
      case 'strengths':
        changes.strengths = lines(values.strengths);
        break;
      case 'substances':
        changes.substances = values.substances as Substance[];
        break;
      case 'recovery_pathways':
        changes.recovery_pathways = values.recovery_pathways as RecoveryPathway[];
        break;
      default:
        changes[field] = text(values[field]);
    }
  }
  return changes;
}

interface ProfileFormProps {
  participantId: string;
  /** The record as read when the form opened: its ETag goes with the change. */
  loaded: VersionedParticipant;
  onDone: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * Edits the profile with `If-Match`. When someone else changed the record meanwhile (412), what
 * was typed stays in the form; "Load the latest version" shows what is now on record and the
 * next save is made against it.
 */
export function ProfileForm({ participantId, loaded, onDone, onDirtyChange }: ProfileFormProps) {
  const update = useUpdateParticipant(participantId);
  const participant = useParticipant(participantId);
  const [initial] = useState(() => toValues(loaded.value));
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState<Partial<Record<keyof ProfileValues, string>>>({});
  const [reloadedChanges, setReloadedChanges] = useState<(keyof ProfileValues)[] | null>(null);
  const [reloading, setReloading] = useState(false);

  const conflict = isProblemError(update.error) && update.error.status === 412;
  const serverErrors = problemFieldErrors(conflict ? null : update.error, { knownFields: FIELDS });
  const errors = { ...serverErrors.fields, ...missing };
  useReportDirty(changedFields(values, initial).length > 0, onDirtyChange);

  function set<K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  function toggleIn(key: 'substances' | 'recovery_pathways', value: string, on: boolean) {
    setValues((previous) => ({
      ...previous,
      [key]: on ? [...previous[key], value] : previous[key].filter((item) => item !== value),
    }));
  }

  async function loadLatest() {
    setReloading(true);
    try {
      const result = await participant.refetch();
      if (result.data) {
        setReloadedChanges(changedFields(toValues(result.data.value), toValues(base.value)));
        setBase(result.data);
        update.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextMissing: typeof missing = {};
    if (!values.preferred_name.trim()) nextMissing.preferred_name = 'Enter the name they like to be called.';
    if (!values.primary_language.trim()) nextMissing.primary_language = 'Enter a language code such as en or es.';
    if (values.birth_year.trim() && !/^\d{4}$/.test(values.birth_year.trim())) {
      nextMissing.birth_year = 'Enter a four-digit year, or leave it empty.';
    }
    setMissing(nextMissing);
    if (Object.keys(nextMissing).length > 0) return;
    const changes = toChanges(values, initial, toValues(base.value));
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate({ etag: base.etag ?? '', changes }, { onSuccess: onDone });
  }

  const latest = base.value;
  return (
    <form className="form profile-form" onSubmit={submit} noValidate aria-labelledby="profile-form-title">
      <h3 id="profile-form-title">Edit profile</h3>
      {conflict && (
        <div role="alert" className="conflict-notice">
          <p className="conflict-notice__message">
            Someone else changed this profile while you were editing it. Nothing was saved, and what
            you typed is still here.
          </p>
          <Button variant="secondary" isLoading={reloading} onClick={() => void loadLatest()}>
            Load the latest version
          </Button>
        </div>
      )}
      {!conflict && reloadedChanges && (
        <div role="status" className="conflict-notice conflict-notice--info">
          <p className="conflict-notice__message">The latest version is loaded.</p>
          {reloadedChanges.length > 0 ? (
            <>
              <p>Now on record:</p>
              <ul>
                {reloadedChanges.map((field) => (
                  <li key={field}>
                    {FIELD_LABELS[field]}: {describe(latest, field) || 'not given'}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>Your changes are still in the form: save to use them, or cancel to keep what is on record.</p>
        </div>
      )}
      <FormError error={conflict ? null : update.error} fieldErrors={serverErrors} />
      <div className="form-grid">
        <TextField
          label="Preferred name"
          name="preferred_name"
          required
          maxLength={200}
          value={values.preferred_name}
          onChange={(event) => set('preferred_name', event.target.value)}
          error={errors.preferred_name}
        />
        <TextField
          label="Legal name"
          name="legal_name"
          maxLength={200}
          description="Optional."
          value={values.legal_name}
          onChange={(event) => set('legal_name', event.target.value)}
          error={errors.legal_name}
        />
        <TextField
          label="Pronouns"
          name="pronouns"
          maxLength={40}
          description="Optional."
          value={values.pronouns}
          onChange={(event) => set('pronouns', event.target.value)}
          error={errors.pronouns}
        />
        <TextField
          label="Gender identity"
          name="gender_identity"
          maxLength={60}
          description="Optional, in their words."
          value={values.gender_identity}
          onChange={(event) => set('gender_identity', event.target.value)}
          error={errors.gender_identity}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          description="Optional."
          value={values.email}
          onChange={(event) => set('email', event.target.value)}
          error={errors.email}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="off"
          description="Optional."
          value={values.phone}
          onChange={(event) => set('phone', event.target.value)}
          error={errors.phone}
        />
        <TextField
          label="Primary language"
          name="primary_language"
          required
          description="A language code, such as en or es."
          value={values.primary_language}
          onChange={(event) => set('primary_language', event.target.value)}
          error={errors.primary_language}
        />
        <TextField
          label="Birth year"
          name="birth_year"
          inputMode="numeric"
          description="Optional."
          value={values.birth_year}
          onChange={(event) => set('birth_year', event.target.value)}
          error={errors.birth_year}
        />
        <TextField
          label="Recovery start date"
          name="recovery_start_date"
          type="date"
          description="The day they count their recovery from. Reported use never resets it."
          value={values.recovery_start_date}
          onChange={(event) => set('recovery_start_date', event.target.value)}
          error={errors.recovery_start_date}
        />
      </div>
      <TextAreaField
        label="Strengths"
        name="strengths"
        rows={3}
        description="One per line."
        value={values.strengths}
        onChange={(event) => set('strengths', event.target.value)}
        error={errors.strengths}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Substances</legend>
        {errors.substances && <p className="field__error">{errors.substances}</p>}
        <div className="checkbox-grid">
          {SUBSTANCES.map((option) => (
            <Checkbox
              key={option.value}
              label={option.label}
              checked={values.substances.includes(option.value)}
              onChange={(event) => toggleIn('substances', option.value, event.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Recovery pathways</legend>
        {errors.recovery_pathways && <p className="field__error">{errors.recovery_pathways}</p>}
        <div className="checkbox-grid">
          {RECOVERY_PATHWAYS.map((option) => (
            <Checkbox
              key={option.value}
              label={option.label}
              checked={values.recovery_pathways.includes(option.value)}
              onChange={(event) => toggleIn('recovery_pathways', option.value, event.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <Button type="submit" isLoading={update.isPending}>
          Save profile
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A field of the record as text, for "Now on record". */
function describe(participant: Participant, field: keyof ProfileValues): string {
  switch (field) {
    case 'substances':
      return participant.substances.map((value) => labelOf(SUBSTANCES, value)).join(', ');
    case 'recovery_pathways':
      return participant.recovery_pathways.map((value) => labelOf(RECOVERY_PATHWAYS, value)).join(', ');
    case 'strengths':
      return participant.strengths.join(', ');
    default: {
      const value = participant[field];
      return value == null ? '' : String(value);
    }
  }
}
