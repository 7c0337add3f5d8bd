import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';

import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { classNames } from '@/components/ui/class-names';
import { FieldDescription, FieldErrorMessage } from '@/components/ui/field-parts';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { problemFieldErrors } from '@/lib/problem';

import { useCreateParticipant } from '../api/create-participant';
import { toDateTimeLocalValue, toDateValue } from '../consent-time';
import { LANGUAGES, OTHER_LANGUAGE, RECOVERY_PATHWAYS, SUBSTANCES } from '../intake-choices';
import {
  compactStrengths,
  INTAKE_FIELDS,
  INTAKE_RENAMES,
  initialIntakeValues,
  MIN_BIRTH_YEAR,
  maxBirthYear,
  toParticipantCreate,
  validateIntake,
  type IntakeValues,
} from '../intake-values';

const MAX_STRENGTHS = 30;

// The API's name for each form value, which is also the name its errors use.
const FIELD_OF: Partial<Record<keyof IntakeValues, string>> = {
  language: 'primary_language',
  other_language: 'primary_language',
  signed_at: 'enrolment_consent.signed_at',
  signature: 'enrolment_consent.signature',
};

function fieldOf(key: keyof IntakeValues): string {
  return FIELD_OF[key] ?? key;
}

// Before the first "Enrol participant", a field that is still empty is not an error yet.
const REQUIRED: Partial<Record<string, keyof IntakeValues>> = {
  preferred_name: 'preferred_name',
  'enrolment_consent.signature': 'signature',
};

interface ChoiceGroupProps {
  legend: string;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

/** A labelled group of checkboxes, with its help and its error read with the group. */
function ChoiceGroup({ legend, description, error, children }: ChoiceGroupProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={classNames('option-group', error && 'option-group--invalid')}
      aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="option-group__legend">{legend}</legend>
      <FieldDescription id={descriptionId}>{description}</FieldDescription>
      <FieldErrorMessage id={errorId} message={error} />
      <div className="option-group__options">{children}</div>
    </fieldset>
  );
}

interface IntakeFormProps {
  /** Called once the participant is enrolled and the form is clean. */
  onEnrolled: (participantId: string) => void;
}

/**
 * Intake: who the participant is, in their words, and their enrolment consent. Answers are
 * checked as people go (and again by the server, whose answers land on the same fields);
 * nothing typed is lost on an error, and leaving with unsaved answers asks first.
 */
export function IntakeForm({ onEnrolled }: IntakeFormProps) {
  const create = useCreateParticipant();
  const formRef = useRef<HTMLFormElement>(null);
  const addStrengthRef = useRef<HTMLButtonElement>(null);
  const [values, setValues] = useState<IntakeValues>(() => initialIntakeValues());
  const [isDirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const [editedSinceSend, setEditedSinceSend] = useState<ReadonlySet<string>>(() => new Set());
  const [focusFirstError, setFocusFirstError] = useState(0);
  const [focusStrength, setFocusStrength] = useState<number | null>(null);
  const [enrolledId, setEnrolledId] = useState<string | null>(null);
  const unsaved = useUnsavedChanges(isDirty);
  const idPrefix = useId();

  const clientErrors = useMemo(() => {
    const all = validateIntake(values);
    if (attempted) return all;
    return Object.fromEntries(
      Object.entries(all).filter(([name]) => {
        const requiredKey = REQUIRED[name];
        const isEmptyRequired = requiredKey !== undefined && !String(values[requiredKey]).trim();
        return visited.has(name) && !isEmptyRequired;
      }),
    );
  }, [values, attempted, visited]);

  const serverErrors = problemFieldErrors(create.error, { knownFields: INTAKE_FIELDS, rename: INTAKE_RENAMES });

  function errorFor(name: string): string | undefined {
    return clientErrors[name] ?? (editedSinceSend.has(name) ? undefined : serverErrors.fields[name]);
  }

  const shownErrors = Object.fromEntries(
    INTAKE_FIELDS.map((name) => [name, errorFor(name)] as const).filter(
      (entry): entry is readonly [string, string] => entry[1] !== undefined,
    ),
  );
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  // Once enrolled and clean, go to the participant's page (the unsaved-changes guard is off).
  useEffect(() => {
    if (enrolledId && !isDirty) onEnrolled(enrolledId);
  }, [enrolledId, isDirty, onEnrolled]);

  // After a refused "Enrol participant", start at the first answer that needs another look.
  useEffect(() => {
    if (focusFirstError === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .option-group--invalid input, button[type="submit"]')?.focus();
  }, [focusFirstError]);

  useEffect(() => {
    if (focusStrength === null) return;
    document.getElementById(`${idPrefix}-strength-${focusStrength}`)?.focus();
    setFocusStrength(null);
  }, [focusStrength, idPrefix]);

  function change<K extends keyof IntakeValues>(key: K, value: IntakeValues[K], fieldName: string = fieldOf(key)) {
    setValues((current) => ({ ...current, [key]: value }));
    setDirty(true);
    setEditedSinceSend((current) => (current.has(fieldName) ? current : new Set(current).add(fieldName)));
  }

  function visit(fieldName: string) {
    setVisited((current) => (current.has(fieldName) ? current : new Set(current).add(fieldName)));
  }

  function toggle<T extends string>(key: 'substances' | 'recovery_pathways', all: readonly { value: T }[], value: T, on: boolean) {
    const current = values[key] as readonly string[];
    const next = all.map((choice) => choice.value).filter((choice) => (choice === value ? on : current.includes(choice)));
    change(key, next as IntakeValues[typeof key]);
  }

  function setStrength(index: number, text: string) {
    change(
      'strengths',
      values.strengths.map((strength, at) => (at === index ? text : strength)),
      `strengths.${index}`,
    );
  }

  function addStrength() {
    change('strengths', [...values.strengths, '']);
    setFocusStrength(values.strengths.length);
  }

  function removeStrength(index: number) {
    const next = values.strengths.filter((_, at) => at !== index);
    change('strengths', next.length > 0 ? next : ['']);
    addStrengthRef.current?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    // Empty strength boxes are dropped now, so the server's "strengths.N" matches box N.
    const compacted = compactStrengths(values.strengths);
    const prepared = { ...values, strengths: compacted.length > 0 ? compacted : [''] };
    setValues(prepared);
    setAttempted(true);
    if (Object.keys(validateIntake(prepared)).length > 0) {
      setFocusFirstError((count) => count + 1);
      return;
    }
    setEditedSinceSend(new Set());
    create.mutate(toParticipantCreate(prepared), {
      onSuccess: (participant) => {
        setDirty(false);
        setEnrolledId(participant.id);
      },
      onError: () => setFocusFirstError((count) => count + 1),
    });
  }

  const now = new Date();
  const personName = values.preferred_name.trim() || 'the participant';
  const languageError = errorFor('primary_language');

  return (
    <>
    <form ref={formRef} className="form intake-form" onSubmit={onSubmit} noValidate>
      <p className="form__intro">
        Record what {personName} chooses to share. Only the
        name they would like to be called and their signed consent are needed; everything else can be added later.
      </p>
      <FormError
        error={hasClientErrors ? (create.error ?? 'invalid') : create.error}
        fieldErrors={{ fields: shownErrors, other: hasClientErrors ? [] : serverErrors.other }}
      />

      <section className="form-part" aria-labelledby={`${idPrefix}-about`}>
        <h2 id={`${idPrefix}-about`} className="form-part__title">
          About them
        </h2>
        <TextField
          label="Preferred name"
          name="preferred_name"
          required
          autoComplete="off"
          maxLength={200}
          description="The name they would like to be called."
          value={values.preferred_name}
          onChange={(event) => change('preferred_name', event.target.value)}
          onBlur={() => visit('preferred_name')}
          error={errorFor('preferred_name')}
        />
        <TextField
          label="Legal name"
          name="legal_name"
          autoComplete="off"
          maxLength={200}
          description="Optional. Only if it differs and is needed, for example for billing."
          value={values.legal_name}
          onChange={(event) => change('legal_name', event.target.value)}
          onBlur={() => visit('legal_name')}
          error={errorFor('legal_name')}
        />
        <div className="fields-2up">
          <TextField
            label="Pronouns"
            name="pronouns"
            autoComplete="off"
            maxLength={40}
            description="Optional, for example she/her, he/him, they/them."
            value={values.pronouns}
            onChange={(event) => change('pronouns', event.target.value)}
            onBlur={() => visit('pronouns')}
            error={errorFor('pronouns')}
          />
          <TextField
            label="Gender identity"
            name="gender_identity"
            autoComplete="off"
            maxLength={60}
            description="Optional, in their words."
            value={values.gender_identity}
            onChange={(event) => change('gender_identity', event.target.value)}
            onBlur={() => visit('gender_identity')}
            error={errorFor('gender_identity')}
          />
          <TextField
            label="Birth year"
            name="birth_year"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            description={`Optional. Four digits, ${MIN_BIRTH_YEAR} to ${maxBirthYear(now)}.`}
            value={values.birth_year}
            onChange={(event) => change('birth_year', event.target.value)}
            onBlur={() => visit('birth_year')}
            error={errorFor('birth_year')}
          />
          <SelectField
            label="Primary language"
            name="primary_language"
            value={values.language}
            onChange={(event) => change('language', event.target.value)}
            error={values.language === OTHER_LANGUAGE ? undefined : languageError}
          >
            {LANGUAGES.map((language) => (
              <option key={language.value} value={language.value}>
                {language.label}
              </option>
            ))}
            <option value={OTHER_LANGUAGE}>Another language…</option>
          </SelectField>
        </div>
        {values.language === OTHER_LANGUAGE && (
          <TextField
            label="Language tag"
            name="other_language"
            autoComplete="off"
            spellCheck={false}
            maxLength={35}
            description="A short language code, such as so (Somali), ne (Nepali) or pt-BR (Brazilian Portuguese)."
            value={values.other_language}
            onChange={(event) => change('other_language', event.target.value)}
            onBlur={() => visit('primary_language')}
            error={languageError}
          />
        )}
      </section>

      <section className="form-part" aria-labelledby={`${idPrefix}-contact`}>
        <h2 id={`${idPrefix}-contact`} className="form-part__title">
          Contact
        </h2>
        <div className="fields-2up">
          <TextField
            label="Email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            description="Optional."
            value={values.email}
            onChange={(event) => change('email', event.target.value)}
            onBlur={() => visit('email')}
            error={errorFor('email')}
          />
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            autoComplete="off"
            maxLength={40}
            description="Optional."
            value={values.phone}
            onChange={(event) => change('phone', event.target.value)}
            onBlur={() => visit('phone')}
            error={errorFor('phone')}
          />
        </div>
      </section>

      <section className="form-part" aria-labelledby={`${idPrefix}-recovery`}>
        <h2 id={`${idPrefix}-recovery`} className="form-part__title">
          Recovery
        </h2>
        <ChoiceGroup
          legend="Substances"
          description="Optional. Any they choose to share."
          error={errorFor('substances')}
        >
          {SUBSTANCES.map((choice) => (
            <Checkbox
              key={choice.value}
              label={choice.label}
              name="substances"
              value={choice.value}
              checked={values.substances.includes(choice.value)}
              onChange={(event) => toggle('substances', SUBSTANCES, choice.value, event.target.checked)}
            />
          ))}
        </ChoiceGroup>
        <ChoiceGroup
          legend="Recovery pathways"
          description="Optional. Every pathway is welcome, medication included."
          error={errorFor('recovery_pathways')}
        >
          {RECOVERY_PATHWAYS.map((choice) => (
            <Checkbox
              key={choice.value}
              label={choice.label}
              name="recovery_pathways"
              value={choice.value}
              checked={values.recovery_pathways.includes(choice.value)}
              onChange={(event) => toggle('recovery_pathways', RECOVERY_PATHWAYS, choice.value, event.target.checked)}
            />
          ))}
        </ChoiceGroup>
        <TextField
          className="field-short"
          label="Recovery start date"
          name="recovery_start_date"
          type="date"
          max={toDateValue(now)}
          description="Optional. The date they count their recovery from; a later use never resets it here."
          value={values.recovery_start_date}
          onChange={(event) => change('recovery_start_date', event.target.value)}
          onBlur={() => visit('recovery_start_date')}
          error={errorFor('recovery_start_date')}
        />
        <fieldset
          className={classNames('option-group', errorFor('strengths') && 'option-group--invalid')}
          aria-describedby={`${idPrefix}-strengths-help`}
        >
          <legend className="option-group__legend">Strengths</legend>
          <p id={`${idPrefix}-strengths-help`} className="field__description">
            Optional. In their own words: what helps them, what they are proud of, who is on their side.
          </p>
          <FieldErrorMessage id={`${idPrefix}-strengths-error`} message={errorFor('strengths')} />
          <ol className="strength-list">
            {values.strengths.map((strength, index) => (
              // The boxes have no identity beyond their position.
              <li key={index} className="strength-list__item">
                <TextField
                  id={`${idPrefix}-strength-${index}`}
                  label={`Strength ${index + 1}`}
                  name="strengths"
                  autoComplete="off"
                  maxLength={200}
                  value={strength}
                  onChange={(event) => setStrength(index, event.target.value)}
                  onBlur={() => visit(`strengths.${index}`)}
                  error={errorFor(`strengths.${index}`)}
                />
                {values.strengths.length > 1 && (
                  <Button variant="quiet" className="strength-list__remove" onClick={() => removeStrength(index)}>
                    Remove{' '}<span className="visually-hidden">strength {index + 1}</span>
                  </Button>
                )}
              </li>
            ))}
          </ol>
          {values.strengths.length < MAX_STRENGTHS && (
            <Button ref={addStrengthRef} variant="secondary" onClick={addStrength}>
              Add another strength
            </Button>
          )}
        </fieldset>
      </section>

      <section className="form-part consent-section" aria-labelledby={`${idPrefix}-consent`}>
        <h2 id={`${idPrefix}-consent`} className="form-part__title">
          Enrolment consent
        </h2>
        <div className="consent-section__explanation" id={`${idPrefix}-consent-explanation`}>
          <p>Before {personName} signs, go through this together:</p>
          <ul>
            <li>Taking part in peer recovery support is voluntary. Nothing else they receive depends on it.</li>
            <li>They can revoke this consent, or stop taking part, at any time, and it applies from then on.</li>
            <li>Their records are confidential and protected by federal law (42 CFR Part 2).</li>
          </ul>
        </div>
        {errorFor('enrolment_consent') && (
          <FieldErrorMessage id={`${idPrefix}-consent-error`} message={errorFor('enrolment_consent')} />
        )}
        <div className="fields-2up">
          <TextField
            label="Signed at"
            name="signed_at"
            type="datetime-local"
            required
            max={toDateTimeLocalValue(now)}
            description="The date and time they signed, in this device's time zone."
            value={values.signed_at}
            onChange={(event) => change('signed_at', event.target.value)}
            onBlur={() => visit('enrolment_consent.signed_at')}
            error={errorFor('enrolment_consent.signed_at')}
          />
          <TextField
            label="Signature"
            name="signature"
            required
            autoComplete="off"
            maxLength={200}
            description="The participant types their full name to sign."
            aria-describedby={`${idPrefix}-consent-explanation`}
            value={values.signature}
            onChange={(event) => change('signature', event.target.value)}
            onBlur={() => visit('enrolment_consent.signature')}
            error={errorFor('enrolment_consent.signature')}
          />
        </div>
      </section>

      <div className="form-submit">
        <Button type="submit" isLoading={create.isPending}>
          Enrol participant
        </Button>
      </div>
    </form>
    <UnsavedChangesDialog state={unsaved} />
    </>
  );
}
