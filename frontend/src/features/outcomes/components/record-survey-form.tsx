import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';

import { useCreateOutcomeSurvey } from '../api/create-outcome-survey';
import type { DueItem, OutcomeSurvey, OutcomeSurveyCreate, Timepoint } from '../types';

import { formatDay, timepointLabel, TIMEPOINTS, today } from './outcome-labels';
import { SurveyFields } from './survey-fields';
import {
  EMPTY_SURVEY,
  measuresOf,
  surveyProblem,
  validateSurvey,
  type SurveyErrors,
  type SurveyValues,
} from './survey-values';
import { useSubmissionKey } from './use-submission-key';

interface RecordSurveyFormProps {
  participantId: string;
  participantName: string;
  /** The timepoints already taken: each is taken once. */
  taken: readonly Timepoint[];
  /** Only the discharge survey can be taken once someone has left the program. */
  participantActive: boolean;
  /** The next survey they owe, to start with it and to tell its window. */
  due: DueItem | null;
  onSaved: (survey: OutcomeSurvey) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

function available(timepoint: Timepoint, taken: readonly Timepoint[], active: boolean): boolean {
  return !taken.includes(timepoint) && (active || timepoint === 'discharge');
}

function whyUnavailable(timepoint: Timepoint, taken: readonly Timepoint[]): string {
  return taken.includes(timepoint) ? 'already recorded' : 'only discharge once they have left';
}

/** When each survey is taken, for the timepoint's help text. */
function timepointHelp(timepoint: Timepoint | '', due: DueItem | null): string {
  if (timepoint === 'intake') return 'Taken in their first 30 days in the program.';
  if (timepoint === 'discharge') return 'Taken when they leave the program.';
  if (timepoint === 'followup_6mo') {
    if (due?.timepoint === 'followup_6mo') {
      const window = `${formatDay(due.window_opens_on)} to ${formatDay(due.window_closes_on)}`;
      return due.window_opens_on > today()
        ? `Six months after intake. Its window is ${window}: it cannot be recorded before ${formatDay(due.window_opens_on)}.`
        : `Six months after intake. Its window is ${window}.`;
    }
    return 'Six months after intake, from 30 days before that day to 60 days after it.';
  }
  return 'Intake, six-month follow-up, or discharge.';
}

/**
 * Records one outcome survey (POST with an Idempotency-Key). Timepoints already taken cannot
 * be chosen; the server's 409 (taken meanwhile) and 422 (a follow-up before its window) are
 * told in plain words, and what was typed stays.
 */
export function RecordSurveyForm({
  participantId,
  participantName,
  taken,
  participantActive,
  due,
  onSaved,
  onCancel,
  onDirtyChange,
}: RecordSurveyFormProps) {
  const save = useCreateOutcomeSurvey(participantId);
  const submissionKey = useSubmissionKey();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [timepoint, setTimepoint] = useState<Timepoint | ''>(() => {
    if (due && available(due.timepoint, taken, participantActive)) return due.timepoint;
    return TIMEPOINTS.find((item) => available(item.value, taken, participantActive))?.value ?? '';
  });
  const [values, setValues] = useState<SurveyValues>(EMPTY_SURVEY);
  const [attempted, setAttempted] = useState(false);
  const [focusFirstError, setFocusFirstError] = useState(0);
  const isDirty = Object.entries(values).some(([name, value]) => value !== EMPTY_SURVEY[name as keyof SurveyValues]);
  useReportDirty(isDirty, onDirtyChange);

  const clientErrors: SurveyErrors = attempted ? validateSurvey(values, timepoint) : {};
  const server = surveyProblem(save.error, timepoint);
  const errors: SurveyErrors = { ...server.fieldErrors.fields, ...clientErrors };
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  // After a refused submission: focus the first answer to change, or bring the reason into view.
  useEffect(() => {
    if (focusFirstError === 0 || !formRef.current) return;
    const field = formRef.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else formRef.current.querySelector<HTMLElement>('.form-error')?.scrollIntoView?.({ block: 'nearest' });
  }, [focusFirstError]);

  function change(changes: Partial<SurveyValues>) {
    setValues((current) => ({ ...current, ...changes }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setAttempted(true);
    if (!timepoint || Object.keys(validateSurvey(values, timepoint)).length > 0) {
      setFocusFirstError((count) => count + 1);
      return;
    }
    const body: OutcomeSurveyCreate = {
      timepoint,
      ...measuresOf(values, timepoint),
      ...(values.administered_on ? { administered_on: values.administered_on } : {}),
    };
    save.mutate(
      { body, idempotencyKey: submissionKey(body) },
      { onSuccess: onSaved, onError: () => setFocusFirstError((count) => count + 1) },
    );
  }

  return (
    <form ref={formRef} className="form form-part outcome-survey-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} className="form-part__title">
        Record an outcome survey with {participantName}
      </h3>
      <p className="form__intro">Every answer is needed, except satisfaction.</p>
      <FormError
        error={hasClientErrors ? 'invalid' : server.error}
        fieldErrors={hasClientErrors ? { fields: clientErrors, other: [] } : server.fieldErrors}
      />
      <SelectField
        label="Survey"
        name="timepoint"
        required
        placeholder={timepoint ? undefined : 'Choose one'}
        description={timepointHelp(timepoint, due)}
        value={timepoint}
        onChange={(event) => {
          const next = event.target.value as Timepoint | '';
          setTimepoint(next);
          // Satisfaction is not asked at intake: an answer given for another timepoint goes.
          if (next === 'intake') change({ satisfaction: null });
        }}
        error={errors.timepoint}
      >
        {TIMEPOINTS.map((item) => {
          const open = available(item.value, taken, participantActive);
          return (
            <option key={item.value} value={item.value} disabled={!open}>
              {open ? item.label : `${item.label} (${whyUnavailable(item.value, taken)})`}
            </option>
          );
        })}
      </SelectField>
      <SurveyFields timepoint={timepoint} values={values} errors={errors} onChange={change} idPrefix={formId} />
      <div className="button-row">
        <Button type="submit" isLoading={save.isPending}>
          Save {timepoint ? `${timepointLabel(timepoint).toLowerCase()} survey` : 'survey'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
