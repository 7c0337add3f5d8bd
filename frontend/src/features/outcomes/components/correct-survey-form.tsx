import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { isProblemError } from '@/lib/problem';

import { useCorrectOutcomeSurvey } from '../api/correct-outcome-survey';
import { useOutcomeSurvey } from '../api/get-outcome-survey';
import type { OutcomeSurvey, Versioned } from '../types';

import { formatDay, timepointLabel } from './outcome-labels';
import { SurveyFields } from './survey-fields';
import { correctionOf, surveyProblem, validateSurvey, valuesOf, type SurveyErrors, type SurveyValues } from './survey-values';

interface CorrectSurveyProps {
  participantId: string;
  surveyId: string;
  onSaved: (survey: OutcomeSurvey) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** Reads the survey with its ETag, then offers its answers for correction. */
export function CorrectSurvey({ surveyId, onCancel, ...props }: CorrectSurveyProps) {
  const survey = useOutcomeSurvey(surveyId);
  // The version the correction starts from is fixed when it opens; a reload is explicit.
  const [loaded, setLoaded] = useState<Versioned<OutcomeSurvey> | null>(null);
  useEffect(() => {
    if (!loaded && survey.data) setLoaded(survey.data);
  }, [loaded, survey.data]);

  if (!loaded) {
    if (survey.isError) {
      return (
        <div className="stack">
          <FormError error={survey.error} />
          <Button variant="secondary" onClick={onCancel}>
            Close
          </Button>
        </div>
      );
    }
    return <Loading label="Loading the survey…" />;
  }
  return (
    <CorrectSurveyForm
      loaded={loaded}
      reload={async () => (await survey.refetch()).data ?? null}
      onCancel={onCancel}
      {...props}
    />
  );
}

interface CorrectSurveyFormProps extends Omit<CorrectSurveyProps, 'surveyId'> {
  loaded: Versioned<OutcomeSurvey>;
  reload: () => Promise<Versioned<OutcomeSurvey> | null>;
}

/**
 * Corrects a survey's answers with `If-Match`. When someone else corrected it meanwhile (412),
 * what was typed stays; "Load the latest version" takes their version as the one to correct.
 */
function CorrectSurveyForm({ participantId, loaded, reload, onSaved, onCancel, onDirtyChange }: CorrectSurveyFormProps) {
  const correct = useCorrectOutcomeSurvey(participantId);
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const timepoint = loaded.value.timepoint;
  const [started] = useState(() => valuesOf(loaded.value));
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState<SurveyValues>(started);
  const [attempted, setAttempted] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const [focusFirstError, setFocusFirstError] = useState(0);
  useReportDirty(Object.keys(correctionOf(values, started, timepoint)).length > 0, onDirtyChange);

  const conflict = isProblemError(correct.error) && correct.error.status === 412;
  const clientErrors: SurveyErrors = attempted ? validateSurvey(values, timepoint) : {};
  const server = surveyProblem(conflict ? null : correct.error, timepoint);
  const errors: SurveyErrors = { ...server.fieldErrors.fields, ...clientErrors };
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  // After a refused submission, once the errors are on screen: the first answer to change.
  useEffect(() => {
    if (focusFirstError > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirstError]);

  async function loadLatest() {
    setReloading(true);
    try {
      const latest = await reload();
      if (latest) {
        setBase(latest);
        setReloaded(true);
        correct.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (correct.isPending) return;
    setAttempted(true);
    if (Object.keys(validateSurvey(values, timepoint)).length > 0) {
      setFocusFirstError((count) => count + 1);
      return;
    }
    const changes = correctionOf(values, started, timepoint);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    correct.mutate(
      { surveyId: base.value.id, etag: base.etag ?? '', changes },
      { onSuccess: (saved) => onSaved(saved.value), onError: () => setFocusFirstError((count) => count + 1) },
    );
  }

  const label = timepointLabel(timepoint).toLowerCase();
  return (
    <form ref={formRef} className="form form-part outcome-survey-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} className="form-part__title">
        Correct the {label} survey
      </h3>
      <p className="form__intro">
        Taken on {formatDay(base.value.administered_on)}. Change only what was recorded wrongly; integrators receive the
        corrected answers.
      </p>
      {conflict && (
        <div role="alert" className="conflict-notice">
          <p className="conflict-notice__message">
            Someone else corrected this survey while you were working on it. Nothing was saved, and your answers are still
            here.
          </p>
          <Button variant="secondary" isLoading={reloading} onClick={() => void loadLatest()}>
            Load the latest version
          </Button>
        </div>
      )}
      {!conflict && reloaded && (
        <div role="status" className="conflict-notice conflict-notice--info">
          <p className="conflict-notice__message">
            The latest version is loaded. Your changes are still in the form: save to apply them to it, or cancel to keep
            what is on record.
          </p>
        </div>
      )}
      <FormError
        error={hasClientErrors ? 'invalid' : server.error}
        fieldErrors={hasClientErrors ? { fields: clientErrors, other: [] } : server.fieldErrors}
      />
      <SurveyFields timepoint={timepoint} values={values} errors={errors} onChange={(changes) => setValues((current) => ({ ...current, ...changes }))} idPrefix={formId} />
      <div className="button-row">
        <Button type="submit" isLoading={correct.isPending}>
          Save the correction
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
