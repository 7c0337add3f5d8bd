import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { useCurrentUser } from '@/lib/auth/current-user';
import { problemFieldErrors } from '@/lib/problem';

import { newIdempotencyKey, useCreateCheckIn, type CheckInCreate } from '../api/create-check-in';
import { CheckInResult } from './check-in-result';
import { CRAVING_VALUES, MOOD_OPTIONS } from './check-in-labels';
import { ChoiceGroup } from './choice-group';

const FIELDS = ['mood', 'craving', 'used_since_last', 'sleep_hours', 'note', 'wants_contact'] as const;
type Field = (typeof FIELDS)[number];

const NOTE_MAX = 2000;

const MOOD_CHOICES = MOOD_OPTIONS.map(({ value, label }) => ({
  value,
  label: (
    <>
      <span className="choice__number">{value}</span>{' '}
      <span className="choice__text">{label}</span>
    </>
  ),
}));

const CRAVING_CHOICES = CRAVING_VALUES.map((value) => ({
  value,
  label: <span className="choice__number">{value}</span>,
}));

const USED_CHOICES = [
  { value: 'no', label: <span className="choice__text">No</span> },
  { value: 'yes', label: <span className="choice__text">Yes</span> },
] as const;

type Used = (typeof USED_CHOICES)[number]['value'];

export interface CheckInFormProps {
  participantId: string;
  /** Called once a check-in is saved (after the result is shown). */
  onSaved?: () => void;
  /**
   * For a page with several forms, which owns the one navigation blocker a router allows
   * (`useDirtyTracker` + `useUnsavedChanges`): the form reports whether it has unsaved answers
   * and does not guard navigation itself. Without it the form guards itself.
   */
  onDirtyChange?: (dirty: boolean) => void;
}

/** A key made for one submission, kept while the same answers are sent again. */
interface PendingSubmission {
  key: string;
  fingerprint: string;
}

/**
 * The daily check-in, in a few taps: mood, craving and use (the three answers it needs), then
 * optional sleep, a note, and a request to be contacted. The participant uses it for
 * themselves; staff use the same form on a participant's behalf.
 *
 * Every submission carries an `Idempotency-Key`, made once and reused when the same answers
 * are sent again (automatically after a dropped connection, or by pressing Save again after
 * an error), so a retry never stores the check-in twice.
 */
export function CheckInForm({ participantId, onSaved, onDirtyChange }: CheckInFormProps) {
  const { data: user } = useCurrentUser();
  const forSelf = user?.role === 'participant' && user.participant_id === participantId;
  const save = useCreateCheckIn(participantId);

  const [mood, setMood] = useState<number | null>(null);
  const [craving, setCraving] = useState<number | null>(null);
  const [used, setUsed] = useState<Used | null>(null);
  const [sleep, setSleep] = useState('');
  const [note, setNote] = useState('');
  const [wantsContact, setWantsContact] = useState(false);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});

  const pending = useRef<PendingSubmission | null>(null);
  const moodRef = useRef<HTMLInputElement>(null);
  const cravingRef = useRef<HTMLInputElement>(null);
  const usedRef = useRef<HTMLInputElement>(null);
  const sleepRef = useRef<HTMLInputElement>(null);

  const isDirty =
    !save.isSuccess &&
    (mood !== null || craving !== null || used !== null || sleep !== '' || note !== '' || wantsContact);
  useReportDirty(isDirty, onDirtyChange);

  const serverErrors = problemFieldErrors(save.error, { knownFields: FIELDS });
  const errors: Partial<Record<Field, string>> = { ...serverErrors.fields, ...missing };

  function reset() {
    setMood(null);
    setCraving(null);
    setUsed(null);
    setSleep('');
    setNote('');
    setWantsContact(false);
    setMissing({});
    pending.current = null;
    save.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;

    const nextMissing: Partial<Record<Field, string>> = {};
    if (mood === null) nextMissing.mood = 'Choose how your mood is today.';
    if (craving === null) nextMissing.craving = 'Choose a number from 0 to 10.';
    if (used === null) nextMissing.used_since_last = 'Choose yes or no.';
    const sleepText = sleep.trim().replace(',', '.');
    const sleepHours = sleepText === '' ? null : Number(sleepText);
    if (sleepHours !== null && (!Number.isFinite(sleepHours) || sleepHours < 0 || sleepHours > 24)) {
      nextMissing.sleep_hours = 'Enter a number of hours from 0 to 24, or leave it empty.';
    }
    setMissing(nextMissing);
    if (mood === null || craving === null || used === null || nextMissing.sleep_hours) {
      // Take the person to the first answer that needs another look.
      const order: [string | undefined, RefObject<HTMLInputElement | null>][] = [
        [nextMissing.mood, moodRef],
        [nextMissing.craving, cravingRef],
        [nextMissing.used_since_last, usedRef],
        [nextMissing.sleep_hours, sleepRef],
      ];
      order.find(([message]) => message)?.[1].current?.focus();
      return;
    }

    const body: CheckInCreate = {
      mood,
      craving,
      used_since_last: used === 'yes',
      sleep_hours: sleepHours,
      note: note.trim() === '' ? null : note.trim(),
      wants_contact: wantsContact,
    };
    // The same answers sent again are the same submission: same key, stored once.
    const fingerprint = JSON.stringify(body);
    if (pending.current?.fingerprint !== fingerprint) {
      pending.current = { key: newIdempotencyKey(), fingerprint };
    }
    save.mutate(
      { body, idempotencyKey: pending.current.key },
      {
        onSuccess: () => {
          pending.current = null;
          onSaved?.();
        },
      },
    );
  }

  if (save.isSuccess) {
    return <CheckInResult checkIn={save.data} forSelf={forSelf} onStartAnother={reset} />;
  }

  return (
    <form className="form check-in-form" onSubmit={onSubmit} noValidate>
      <p className="form__intro">
        {forSelf
          ? 'Three quick questions, then anything else you want to add. There are no wrong answers.'
          : "You're checking in on the participant's behalf: ask each question and record their answer in their words."}
      </p>
      <FormError error={save.error} fieldErrors={serverErrors} />

      <ChoiceGroup
        name="mood"
        legend="How is your mood today?"
        description="1 is very low, 5 is very good."
        choices={MOOD_CHOICES}
        value={mood}
        onChange={setMood}
        error={errors.mood}
        firstInputRef={moodRef}
        className="choice-group--mood"
      />

      <ChoiceGroup
        name="craving"
        legend="How strong are your cravings right now?"
        description="0 means no cravings at all, 10 means overwhelming."
        choices={CRAVING_CHOICES}
        value={craving}
        onChange={setCraving}
        error={errors.craving}
        layout="scale"
        firstInputRef={cravingRef}
      />

      <ChoiceGroup
        name="used_since_last"
        legend="Have you used since your last check-in?"
        description="It's okay either way — it helps us support you."
        choices={USED_CHOICES}
        value={used}
        onChange={setUsed}
        error={errors.used_since_last}
        firstInputRef={usedRef}
        className="choice-group--yes-no"
      />

      <TextField
        ref={sleepRef}
        label="Hours of sleep last night"
        name="sleep_hours"
        description="Optional."
        type="number"
        inputMode="decimal"
        min={0}
        max={24}
        step={0.5}
        value={sleep}
        onChange={(event) => setSleep(event.target.value)}
        error={errors.sleep_hours}
        className="check-in-form__sleep"
      />

      <TextAreaField
        label="Anything else you'd like to share?"
        name="note"
        description="Optional. Your peer specialist can read this."
        maxLength={NOTE_MAX}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errors.note}
      />

      <Checkbox
        label="I'd like someone to contact me"
        name="wants_contact"
        description="Your peer specialist will see this and reach out."
        checked={wantsContact}
        onChange={(event) => setWantsContact(event.target.checked)}
        error={errors.wants_contact}
      />

      <div className="button-row">
        <Button type="submit" isLoading={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save check-in'}
        </Button>
      </div>
      {save.isPending && save.failureCount > 0 && (
        <p role="status" className="check-in-form__retrying">
          The connection dropped. Trying again, your answers are safe…
        </p>
      )}
      {!onDirtyChange && <UnsavedChangesGuard isDirty={isDirty} />}
    </form>
  );
}

/** Asks before leaving with unsaved answers (only when no page-level guard is in charge). */
function UnsavedChangesGuard({ isDirty }: { isDirty: boolean }) {
  const unsaved = useUnsavedChanges(isDirty);
  return <UnsavedChangesDialog state={unsaved} />;
}

/** Tells `onDirtyChange` about every change, and that nothing is unsaved once the form goes. */
function useReportDirty(isDirty: boolean, onDirtyChange: ((dirty: boolean) => void) | undefined) {
  const latest = useRef(onDirtyChange);
  useEffect(() => {
    latest.current = onDirtyChange;
  }, [onDirtyChange]);
  useEffect(() => {
    latest.current?.(isDirty);
  }, [isDirty]);
  useEffect(() => () => latest.current?.(false), []);
}
