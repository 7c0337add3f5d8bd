import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { isProblemError, problemFieldErrors } from '@/lib/problem';

import { specialistQueryOptions } from '../api/get-specialist';
import { useUpdateSpecialist } from '../api/update-specialist';
import type { Specialist, SpecialistChanges, VersionedSpecialist } from '../types';

import {
  BIRTH_DECADES,
  decadeLabel,
  FAITHS,
  GENDERS,
  labelOf,
  RECOVERY_PATHWAYS,
  SUBSTANCES,
} from './specialist-labels';

interface ProfileValues {
  substances: string[];
  recovery_pathways: string[];
  moud_affirming: boolean;
  languages: string;
  gender: string;
  birth_decade: string;
  faith: string;
  veteran: boolean;
  justice_involved: boolean;
  lgbtq_affirming: boolean;
  region: string;
  max_caseload: string;
  accepting_new: boolean;
}

const FIELDS = [
  'substances',
  'recovery_pathways',
  'moud_affirming',
  'languages',
  'gender',
  'birth_decade',
  'faith',
  'veteran',
  'justice_involved',
  'lgbtq_affirming',
  'region',
  'max_caseload',
  'accepting_new',
] as const;
type Field = (typeof FIELDS)[number];

const FIELD_LABELS: Record<Field, string> = {
  substances: 'Lived experience with',
  recovery_pathways: 'Recovery pathways',
  moud_affirming: 'MOUD-affirming',
  languages: 'Languages',
  gender: 'Gender',
  birth_decade: 'Born in the',
  faith: 'Faith',
  veteran: 'Veteran',
  justice_involved: 'Justice-involved',
  lgbtq_affirming: 'LGBTQ+ affirming',
  region: 'Area',
  max_caseload: 'Most participants at once',
  accepting_new: 'Taking new participants',
};

// The API's pattern for a language tag (BCP 47, lower-case language first).
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function toValues(profile: Specialist): ProfileValues {
  return {
    substances: [...profile.substances].sort(),
    recovery_pathways: [...profile.recovery_pathways].sort(),
    moud_affirming: profile.moud_affirming,
    languages: profile.languages.join(', '),
    gender: profile.gender ?? '',
    birth_decade: profile.birth_decade == null ? '' : String(profile.birth_decade),
    faith: profile.faith ?? '',
    veteran: profile.veteran,
    justice_involved: profile.justice_involved,
    lgbtq_affirming: profile.lgbtq_affirming,
    region: profile.region ?? '',
    max_caseload: String(profile.max_caseload),
    accepting_new: profile.accepting_new,
  };
}

function languageList(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[\s,]+/).filter(Boolean))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const left = [...a].sort();
  const right = [...b].sort();
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

/** The fields whose values differ. */
function changedFields(a: ProfileValues, b: ProfileValues): Field[] {
  return FIELDS.filter((field) => {
    const left = a[field];
    const right = b[field];
    if (Array.isArray(left) && Array.isArray(right)) return !sameList(left, right);
    if (field === 'languages') return !sameList(languageList(a.languages), languageList(b.languages));
    return String(left).trim() !== String(right).trim();
  });
}

/**
 * What the person changed (against what they started from) that differs from what is on record
 * now (`current`, newer after a conflict). Fields they did not touch are never sent, so someone
 * else's change to them stays.
 */
function toChanges(values: ProfileValues, started: ProfileValues, current: ProfileValues): SpecialistChanges {
  const changes: SpecialistChanges = {};
  const differsNow = new Set(changedFields(values, current));
  for (const field of changedFields(values, started).filter((name) => differsNow.has(name))) {
    switch (field) {
      case 'substances':
        changes.substances = values.substances as NonNullable<SpecialistChanges['substances']>;
        break;
      case 'recovery_pathways':
        changes.recovery_pathways = values.recovery_pathways as NonNullable<SpecialistChanges['recovery_pathways']>;
        break;
      case 'languages':
        changes.languages = languageList(values.languages);
        break;
      case 'gender':
        changes.gender = values.gender || null;
        break;
      case 'birth_decade':
        changes.birth_decade = values.birth_decade ? Number(values.birth_decade) : null;
        break;
      case 'faith':
        changes.faith = (values.faith || null) as SpecialistChanges['faith'];
        break;
      case 'region':
        changes.region = values.region.trim() || null;
        break;
      case 'max_caseload':
        changes.max_caseload = Number(values.max_caseload);
        break;
      default:
        changes[field] = values[field];
    }
  }
  return changes;
}

/** A field of the profile as text, for "Now on record". */
function describe(profile: Specialist, field: Field): string {
  switch (field) {
    case 'substances':
      return profile.substances.map((value) => labelOf(SUBSTANCES, value)).join(', ') || 'none';
    case 'recovery_pathways':
      return profile.recovery_pathways.map((value) => labelOf(RECOVERY_PATHWAYS, value)).join(', ') || 'none';
    case 'languages':
      return profile.languages.join(', ');
    case 'gender':
      return profile.gender ? labelOf(GENDERS, profile.gender) : 'not given';
    case 'birth_decade':
      return profile.birth_decade == null ? 'not given' : decadeLabel(profile.birth_decade);
    case 'faith':
      return profile.faith ? labelOf(FAITHS, profile.faith) : 'not given';
    case 'region':
      return profile.region ?? 'not given';
    case 'max_caseload':
      return String(profile.max_caseload);
    default:
      return profile[field] ? 'yes' : 'no';
  }
}

interface SpecialistProfileFormProps {
  /** The profile as read when editing began: its ETag goes with the change. */
  loaded: VersionedSpecialist;
  onDone: (saved: Specialist | null) => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * Edits a specialist's lived experience and capacity with `If-Match`. When someone else changed
 * the profile meanwhile (412), what was typed stays; "Load the latest version" shows what is now
 * on record and the next save is made against it. Capacity below the caseload carried is
 * refused (409) with the reason.
 */
export function SpecialistProfileForm({ loaded, onDone, onDirtyChange }: SpecialistProfileFormProps) {
  const specialistId = loaded.value.id;
  const update = useUpdateSpecialist(specialistId);
  const queryClient = useQueryClient();
  const [initial] = useState(() => toValues(loaded.value));
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [reloadedChanges, setReloadedChanges] = useState<Field[] | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);

  const conflict = isProblemError(update.error) && update.error.status === 412;
  const serverErrors = problemFieldErrors(conflict ? null : update.error, { knownFields: FIELDS });
  const errors = { ...serverErrors.fields, ...missing };
  const name = loaded.value.display_name;
  const titleId = `specialist-form-${specialistId}`;
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
    setReloadError(null);
    try {
      const latest = await queryClient.fetchQuery(specialistQueryOptions(specialistId));
      setReloadedChanges(changedFields(toValues(latest.value), toValues(base.value)));
      setBase(latest);
      update.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextMissing: typeof missing = {};
    const languages = languageList(values.languages);
    const wrong = languages.filter((tag) => !LANGUAGE_TAG.test(tag));
    if (languages.length === 0) nextMissing.languages = 'Enter at least one language code, such as en.';
    else if (wrong.length > 0) nextMissing.languages = `Use language codes such as en or es; “${wrong[0]}” is not one.`;
    const capacity = Number(values.max_caseload);
    if (!/^\d+$/.test(values.max_caseload.trim()) || capacity < 1 || capacity > 100) {
      nextMissing.max_caseload = 'Enter a whole number from 1 to 100.';
    }
    setMissing(nextMissing);
    if (Object.keys(nextMissing).length > 0) return;
    const changes = toChanges(values, initial, toValues(base.value));
    if (Object.keys(changes).length === 0) {
      onDone(null);
      return;
    }
    update.mutate({ etag: base.etag ?? '', changes }, { onSuccess: (saved) => onDone(saved.value) });
  }

  const genderOptions = [...GENDERS];
  // A gender recorded in other words stays choosable, so saving never changes it unasked.
  if (values.gender && !genderOptions.some((option) => option.value === values.gender)) {
    genderOptions.push({ value: values.gender, label: values.gender });
  }

  return (
    <form className="form specialist-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>Edit {name}’s profile</h3>
      {conflict && (
        <div role="alert" className="conflict-notice">
          <p className="conflict-notice__message">
            Someone else changed this profile while you were editing it. Nothing was saved, and what you typed is still
            here.
          </p>
          <FormError error={reloadError} />
          <Button variant="secondary" isLoading={reloading} onClick={() => void loadLatest()}>
            Load the latest version
          </Button>
        </div>
      )}
      {!conflict && reloadedChanges && (
        <div role="status" className="conflict-notice conflict-notice--info">
          <p className="conflict-notice__message">The latest version is loaded.</p>
          {reloadedChanges.length > 0 && (
            <>
              <p>Now on record:</p>
              <ul>
                {reloadedChanges.map((field) => (
                  <li key={field}>
                    {FIELD_LABELS[field]}: {describe(base.value, field)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>Your changes are still in the form: save to use them, or cancel to keep what is on record.</p>
        </div>
      )}
      <FormError error={conflict ? null : update.error} fieldErrors={serverErrors} />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">Recovery pathways they have lived</legend>
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
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Lived experience with substances</legend>
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
      <div className="form-grid">
        <TextField
          label="Languages"
          required
          autoComplete="off"
          description="Language codes, separated by commas: en, es. Participants are matched only with a shared language."
          value={values.languages}
          onChange={(event) => set('languages', event.target.value)}
          error={errors.languages}
        />
        <SelectField
          label="Gender"
          description="Participants who ask for a peer of a gender are matched on these words."
          value={values.gender}
          onChange={(event) => set('gender', event.target.value)}
          error={errors.gender}
        >
          <option value="">Not given</option>
          {genderOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Born in the"
          description="For life stage: people of an age share references."
          value={values.birth_decade}
          onChange={(event) => set('birth_decade', event.target.value)}
          error={errors.birth_decade}
        >
          <option value="">Not given</option>
          {BIRTH_DECADES.map((decade) => (
            <option key={decade} value={String(decade)}>
              {decadeLabel(decade)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Faith"
          value={values.faith}
          onChange={(event) => set('faith', event.target.value)}
          error={errors.faith}
        >
          <option value="">Not given</option>
          {FAITHS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Area"
          description="Optional: the town or neighbourhood they know and work in."
          maxLength={100}
          value={values.region}
          onChange={(event) => set('region', event.target.value)}
          error={errors.region}
        />
        <TextField
          label="Most participants at once"
          required
          inputMode="numeric"
          description={`From 1 to 100. Now carrying ${loaded.value.active_caseload} active ${
            loaded.value.active_caseload === 1 ? 'match' : 'matches'
          }.`}
          value={values.max_caseload}
          onChange={(event) => set('max_caseload', event.target.value)}
          error={errors.max_caseload}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Experience and stance</legend>
        <div className="checkbox-grid">
          <Checkbox
            label="MOUD-affirming"
            description="Supports recovery with medication: needed for participants who take it."
            checked={values.moud_affirming}
            onChange={(event) => set('moud_affirming', event.target.checked)}
          />
          <Checkbox label="Veteran" checked={values.veteran} onChange={(event) => set('veteran', event.target.checked)} />
          <Checkbox
            label="Justice-involved"
            checked={values.justice_involved}
            onChange={(event) => set('justice_involved', event.target.checked)}
          />
          <Checkbox
            label="LGBTQ+ affirming"
            checked={values.lgbtq_affirming}
            onChange={(event) => set('lgbtq_affirming', event.target.checked)}
          />
          <Checkbox
            label="Taking new participants"
            checked={values.accepting_new}
            onChange={(event) => set('accepting_new', event.target.checked)}
          />
        </div>
      </fieldset>
      <div className="button-row">
        <Button type="submit" isLoading={update.isPending}>
          Save profile
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
