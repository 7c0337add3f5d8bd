import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { Loading } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { isProblemError, problemFieldErrors } from '@/lib/problem';

import { useMatchingPreferences } from '../api/get-matching-preferences';
import { useReplaceMatchingPreferences } from '../api/replace-matching-preferences';
import type { Criterion, MatchingPreferences, MatchingPreferencesWrite, VersionedPreferences } from '../types';

import { FAITH_PREFERENCES, GENDER_PREFERENCES, PRIORITY_CHOICES } from './match-labels';
import { describePreferences } from './preferences-summary';

interface PreferenceValues {
  gender_preference: string;
  languages: string;
  faith_preference: string;
  veteran: boolean;
  justice_involved: boolean;
  wants_lgbtq_affirming: boolean;
  region: string;
  priorities: Criterion[];
}

const FIELDS = [
  'gender_preference',
  'languages',
  'faith_preference',
  'veteran',
  'justice_involved',
  'wants_lgbtq_affirming',
  'region',
  'priorities',
] as const;

// The API's pattern for a language tag (BCP 47, lower-case language first).
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function toValues(preferences: MatchingPreferences): PreferenceValues {
  return {
    gender_preference: preferences.gender_preference ?? '',
    languages: preferences.languages.join(', '),
    faith_preference: preferences.faith_preference ?? '',
    veteran: preferences.veteran,
    justice_involved: preferences.justice_involved,
    wants_lgbtq_affirming: preferences.wants_lgbtq_affirming,
    region: preferences.region ?? '',
    priorities: [...preferences.priorities],
  };
}

function languageList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((tag) => tag.trim()).filter(Boolean))];
}

function toBody(values: PreferenceValues): MatchingPreferencesWrite {
  return {
    gender_preference: values.gender_preference || null,
    languages: languageList(values.languages),
    faith_preference: (values.faith_preference || null) as MatchingPreferencesWrite['faith_preference'],
    veteran: values.veteran,
    justice_involved: values.justice_involved,
    wants_lgbtq_affirming: values.wants_lgbtq_affirming,
    region: values.region.trim() || null,
    // In the order they are offered, so the same choices always read the same.
    priorities: PRIORITY_CHOICES.map((choice) => choice.value).filter((value) => values.priorities.includes(value)),
  };
}

function sameBody(a: PreferenceValues, b: PreferenceValues): boolean {
  return JSON.stringify(toBody(a)) === JSON.stringify(toBody(b));
}

/** The participant's own matching preferences: loads them, then the form. */
export function MatchingPreferencesEditor({
  participantId,
  onDirtyChange,
}: {
  participantId: string;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}) {
  const preferences = useMatchingPreferences(participantId);
  if (preferences.isPending) return <Loading label="Loading your preferences…" />;
  if (preferences.isError) return <FormError error={preferences.error} />;
  return <MatchingPreferencesForm participantId={participantId} loaded={preferences.data} onDirtyChange={onDirtyChange} />;
}

interface MatchingPreferencesFormProps {
  participantId: string;
  /** The preferences as read when the form opened: their ETag goes with the change. */
  loaded: VersionedPreferences;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * What the participant wants in a peer. Saving replaces the whole set, with `If-Match`: when
 * someone else (their specialist, or another device) saved meanwhile (412), what they chose stays
 * in the form, "Load the latest version" shows what is saved now, and the next save is made
 * against it.
 */
export function MatchingPreferencesForm({ participantId, loaded, onDirtyChange }: MatchingPreferencesFormProps) {
  const save = useReplaceMatchingPreferences(participantId);
  const preferences = useMatchingPreferences(participantId);
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState(() => toValues(loaded.value));
  const [languageError, setLanguageError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [reloaded, setReloaded] = useState<{ term: string; value: string }[] | null>(null);
  const [reloading, setReloading] = useState(false);

  const conflict = isProblemError(save.error) && save.error.status === 412;
  const serverErrors = problemFieldErrors(conflict ? null : save.error, {
    knownFields: [...FIELDS],
  });
  const errors: Record<string, string | undefined> = { ...serverErrors.fields };
  if (languageError) errors.languages = languageError;
  useReportDirty(!sameBody(values, toValues(base.value)), onDirtyChange);

  function set<K extends keyof PreferenceValues>(key: K, value: PreferenceValues[K]) {
    setSaved(false);
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  function togglePriority(value: Criterion, on: boolean) {
    setSaved(false);
    setValues((previous) => ({
      ...previous,
      priorities: on ? [...previous.priorities, value] : previous.priorities.filter((item) => item !== value),
    }));
  }

  async function loadLatest() {
    setReloading(true);
    try {
      const result = await preferences.refetch();
      if (result.data) {
        setReloaded(describePreferences(result.data.value));
        setBase(result.data);
        save.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wrong = languageList(values.languages.toLowerCase()).filter((tag) => !LANGUAGE_TAG.test(tag));
    if (wrong.length > 0) {
      setLanguageError(`Use language codes such as es or fr; “${wrong[0]}” is not one.`);
      return;
    }
    setLanguageError(undefined);
    const body = toBody({ ...values, languages: values.languages.toLowerCase() });
    save.mutate(
      { etag: base.etag, preferences: body },
      {
        onSuccess: (result) => {
          setBase(result);
          setValues(toValues(result.value));
          setReloaded(null);
          setSaved(true);
        },
      },
    );
  }

  const genderOptions = [...GENDER_PREFERENCES];
  // A preference recorded in other words stays choosable, so saving never changes it unasked.
  if (values.gender_preference && !genderOptions.some((option) => option.value === values.gender_preference)) {
    genderOptions.push({ value: values.gender_preference, label: values.gender_preference });
  }

  return (
    <form className="form preferences-form" onSubmit={submit} noValidate aria-labelledby="preferences-form-title">
      <h2 id="preferences-form-title">What matters to you in a peer</h2>
      <p className="form__intro">
        Your team uses this to suggest a peer specialist. Share only what you want to: every answer is optional, and
        you can change it at any time.
      </p>
      {conflict && (
        <div role="alert" className="conflict-notice">
          <p className="conflict-notice__message">
            Your preferences were changed somewhere else while you were editing. Nothing was saved, and your choices are
            still here.
          </p>
          <Button variant="secondary" isLoading={reloading} onClick={() => void loadLatest()}>
            Load the latest version
          </Button>
        </div>
      )}
      {!conflict && reloaded && (
        <div role="status" className="conflict-notice conflict-notice--info">
          <p className="conflict-notice__message">The latest version is loaded.</p>
          {reloaded.length > 0 ? (
            <>
              <p>Saved now:</p>
              <ul>
                {reloaded.map((row) => (
                  <li key={row.term}>
                    {row.term}: {row.value}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>No preferences are saved now.</p>
          )}
          <p>Your choices are still in the form: save to use them.</p>
        </div>
      )}
      <FormError error={conflict ? null : save.error} fieldErrors={serverErrors} />
      <div className="form-grid">
        <SelectField
          label="Your peer’s gender"
          description="Only peers who fit are suggested."
          value={values.gender_preference}
          onChange={(event) => set('gender_preference', event.target.value)}
          error={errors.gender_preference}
        >
          <option value="">No preference</option>
          {genderOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Faith in recovery"
          value={values.faith_preference}
          onChange={(event) => set('faith_preference', event.target.value)}
          error={errors.faith_preference}
        >
          <option value="">No preference</option>
          {FAITH_PREFERENCES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Other languages you speak"
          description="Besides your main language. Language codes, separated by commas: es for Spanish, fr for French."
          autoComplete="off"
          value={values.languages}
          onChange={(event) => set('languages', event.target.value)}
          error={errors.languages}
        />
        <TextField
          label="Your area"
          description="A town or neighbourhood, if you would like a peer who knows it."
          maxLength={100}
          value={values.region}
          onChange={(event) => set('region', event.target.value)}
          error={errors.region}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">About you</legend>
        <div className="checkbox-grid">
          <Checkbox
            label="I have served in the military"
            checked={values.veteran}
            onChange={(event) => set('veteran', event.target.checked)}
          />
          <Checkbox
            label="I have been involved with the justice system"
            checked={values.justice_involved}
            onChange={(event) => set('justice_involved', event.target.checked)}
          />
          <Checkbox
            label="I would like an LGBTQ+ affirming peer"
            checked={values.wants_lgbtq_affirming}
            onChange={(event) => set('wants_lgbtq_affirming', event.target.checked)}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset" aria-describedby="priorities-description">
        <legend className="fieldset__legend">What you would most like to share with your peer</legend>
        <p id="priorities-description" className="field__description">
          Choose any. What you choose counts for more when your team looks for a peer.
        </p>
        {errors.priorities && <p className="field__error">{errors.priorities}</p>}
        <div className="checkbox-grid">
          {PRIORITY_CHOICES.map((choice) => (
            <Checkbox
              key={choice.value}
              label={choice.label}
              checked={values.priorities.includes(choice.value)}
              onChange={(event) => togglePriority(choice.value, event.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      <div role="status" className="preferences-form__saved">
        {saved && <p className="notice">Your preferences are saved.</p>}
      </div>
      <div className="button-row">
        <Button type="submit" isLoading={save.isPending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}
