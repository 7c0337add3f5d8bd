import { useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { problemFieldErrors } from '@/lib/problem';

import { useCreateEncounter } from '../api/create-encounter';
import type { Dimension, Encounter, EncounterMode } from '../types';

import { DIMENSIONS, localNow, MODES } from './encounter-labels';

const MAX_REFERRALS = 20;

interface Values {
  mode: EncounterMode | '';
  startedAt: string;
  minutes: string;
  dimensions: Dimension[];
  referrals: string[];
  note: string;
}

interface EncounterFormProps {
  participantId: string;
  onSaved: (encounter: Encounter) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** Logs a contact: how, when, how long, the dimensions it touched, referrals made, a note. */
export function EncounterForm({ participantId, onSaved, onCancel, onDirtyChange }: EncounterFormProps) {
  const create = useCreateEncounter(participantId);
  const titleId = useId();
  const [initial] = useState<Values>(() => ({
    mode: '',
    startedAt: localNow(),
    minutes: '',
    dimensions: [],
    referrals: [''],
    note: '',
  }));
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState<Record<string, string>>({});

  const referralFields = values.referrals.map((_, index) => `referrals.${index}`);
  const serverErrors = problemFieldErrors(create.error, {
    knownFields: ['mode', 'started_at', 'minutes', 'dimensions', 'referrals', 'note', ...referralFields],
  });
  const errors: Record<string, string | undefined> = { ...serverErrors.fields, ...missing };

  useReportDirty(
    values.mode !== '' ||
      values.startedAt !== initial.startedAt ||
      values.minutes !== '' ||
      values.dimensions.length > 0 ||
      values.referrals.some((referral) => referral.trim() !== '') ||
      values.note !== '',
    onDirtyChange,
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  function setReferral(index: number, text: string) {
    setValues((previous) => ({
      ...previous,
      referrals: previous.referrals.map((referral, at) => (at === index ? text : referral)),
    }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!values.mode) next.mode = 'Choose how you met.';
    if (!values.startedAt) next.started_at = 'Enter when the contact started.';
    const minutes = Number(values.minutes);
    if (!values.minutes || !Number.isInteger(minutes) || minutes < 1 || minutes > 720) {
      next.minutes = 'Enter the length in whole minutes, from 1 to 720.';
    }
    setMissing(next);
    if (Object.keys(next).length > 0 || !values.mode) return;
    create.mutate(
      {
        mode: values.mode,
        started_at: new Date(values.startedAt).toISOString(),
        minutes,
        dimensions: values.dimensions,
        referrals: values.referrals.map((referral) => referral.trim()).filter(Boolean),
        note: values.note.trim() || null,
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form className="form encounter-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>Log an encounter</h3>
      <FormError error={create.error} fieldErrors={serverErrors} />
      <div className="form-grid">
        <SelectField
          label="Mode"
          name="mode"
          required
          placeholder="Choose how you met"
          options={MODES}
          value={values.mode}
          onChange={(event) => set('mode', event.target.value as EncounterMode | '')}
          error={errors.mode}
        />
        <TextField
          label="Started at"
          name="started_at"
          type="datetime-local"
          required
          value={values.startedAt}
          onChange={(event) => set('startedAt', event.target.value)}
          error={errors.started_at}
        />
        <TextField
          label="Minutes"
          name="minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          step={1}
          required
          description="From 1 to 720. Billable units are worked out from this."
          value={values.minutes}
          onChange={(event) => set('minutes', event.target.value)}
          error={errors.minutes}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Dimensions addressed</legend>
        {errors.dimensions && <p className="field__error">{errors.dimensions}</p>}
        <div className="checkbox-grid">
          {DIMENSIONS.map((dimension) => (
            <Checkbox
              key={dimension.value}
              label={dimension.label}
              name="dimensions"
              value={dimension.value}
              checked={values.dimensions.includes(dimension.value)}
              onChange={(event) =>
                set(
                  'dimensions',
                  event.target.checked
                    ? [...values.dimensions, dimension.value]
                    : values.dimensions.filter((item) => item !== dimension.value),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Referrals</legend>
        <p className="field__description">Services you referred them to, one per line. Optional.</p>
        {errors.referrals && <p className="field__error">{errors.referrals}</p>}
        <ol className="referral-list">
          {values.referrals.map((referral, index) => (
            // Referrals have no id of their own; their place in the list is what the form edits.
            <li key={`${index}`} className="referral-list__item">
              <TextField
                label={`Referral ${index + 1}`}
                name={`referrals.${index}`}
                maxLength={200}
                value={referral}
                onChange={(event) => setReferral(index, event.target.value)}
                error={errors[`referrals.${index}`]}
              />
              {values.referrals.length > 1 && (
                <Button
                  variant="quiet"
                  aria-label={`Remove referral ${index + 1}`}
                  onClick={() => set('referrals', values.referrals.filter((_, at) => at !== index))}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ol>
        {values.referrals.length < MAX_REFERRALS && (
          <Button variant="secondary" onClick={() => set('referrals', [...values.referrals, ''])}>
            Add a referral
          </Button>
        )}
      </fieldset>
      <TextAreaField
        label="Note"
        name="note"
        rows={4}
        maxLength={10000}
        description="Optional. Only you and supervisors can read it."
        value={values.note}
        onChange={(event) => set('note', event.target.value)}
        error={errors.note}
      />
      <div className="button-row">
        <Button type="submit" isLoading={create.isPending}>
          Save encounter
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
