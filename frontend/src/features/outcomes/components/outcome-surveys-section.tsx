import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useOutcomeSurveys } from '../api/get-outcome-surveys';
import { useParticipantDueSurvey } from '../api/get-participant-due-survey';
import type { DueItem, OutcomeSurvey, Timepoint } from '../types';

import { CorrectSurvey } from './correct-survey-form';
import { DueStatusBadge } from './due-status-badge';
import { formatDay, timepointLabel, windowNote } from './outcome-labels';
import { RecordSurveyForm } from './record-survey-form';
import { SurveyAnswersTable } from './survey-answers-table';

interface OutcomeSurveysSectionProps {
  participantId: string;
  participantName: string;
  /** Only the discharge survey can be taken once someone has left the program. */
  participantActive: boolean;
  /** Staff working with the participant record and correct surveys (admins read them only). */
  canRecord: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

type Mode = { kind: 'record' } | { kind: 'correct'; surveyId: string } | null;

/**
 * The participant's outcome surveys (intake, six-month follow-up, discharge): the next one owed
 * and its window, the answers side by side, recording a survey and correcting one.
 */
export function OutcomeSurveysSection({
  participantId,
  participantName,
  participantActive,
  canRecord,
  onDirtyChange,
}: OutcomeSurveysSectionProps) {
  const surveys = useOutcomeSurveys(participantId);
  const due = useParticipantDueSurvey(participantId);
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const startRef = useRef<HTMLDivElement>(null);

  // The form is gone after a save: the confirmation takes the focus.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (surveys.isPending) return <Loading label="Loading outcome surveys…" />;
  if (surveys.isError) {
    return (
      <div className="stack">
        <FormError error={surveys.error} />
        <Button variant="secondary" onClick={() => void surveys.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const taken = surveys.data.map((survey) => survey.timepoint);
  const allTaken = taken.length >= 3;

  function close() {
    setMode(null);
    requestAnimationFrame(() => startRef.current?.querySelector('button')?.focus());
  }

  function saved(what: string) {
    return (survey: OutcomeSurvey) => {
      setMode(null);
      setNotice(`${what}: the ${timepointLabel(survey.timepoint).toLowerCase()} survey of ${formatDay(survey.administered_on)}.`);
    };
  }

  return (
    <div className="outcome-surveys">
      <p className="section-intro">
        Asked at intake, six months later and at discharge, about the past 30 days. The organisation reports them,
        without names, to show what the program changes.
      </p>
      <NextSurvey
        due={due.data}
        isPending={due.isPending}
        isError={due.isError}
        taken={taken}
        participantActive={participantActive}
      />

      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="notice">
          {notice}
        </p>
      )}

      {surveys.data.length === 0 ? <p>No outcome survey has been recorded yet.</p> : <SurveyAnswersTable surveys={surveys.data} />}

      {canRecord &&
        (mode?.kind === 'record' ? (
          <RecordSurveyForm
            participantId={participantId}
            participantName={participantName}
            taken={taken}
            participantActive={participantActive}
            due={due.data ?? null}
            onDirtyChange={onDirtyChange}
            onCancel={close}
            onSaved={saved('Saved')}
          />
        ) : mode?.kind === 'correct' ? (
          <CorrectSurvey
            key={mode.surveyId}
            participantId={participantId}
            surveyId={mode.surveyId}
            onDirtyChange={onDirtyChange}
            onCancel={close}
            onSaved={saved('Corrected')}
          />
        ) : (
          <div ref={startRef} className="button-row">
            {!allTaken && (
              <Button
                onClick={() => {
                  setNotice(null);
                  setMode({ kind: 'record' });
                }}
              >
                Record an outcome survey
              </Button>
            )}
            {surveys.data.map((survey) => (
              <Button
                key={survey.id}
                variant="secondary"
                onClick={() => {
                  setNotice(null);
                  setMode({ kind: 'correct', surveyId: survey.id });
                }}
              >
                Correct the {timepointLabel(survey.timepoint).toLowerCase()} survey
              </Button>
            ))}
          </div>
        ))}
    </div>
  );
}

interface NextSurveyProps {
  due: DueItem | null | undefined;
  isPending: boolean;
  isError: boolean;
  taken: readonly Timepoint[];
  participantActive: boolean;
}

/** The next survey owed and its window, as the server reckons it. */
function NextSurvey({ due, isPending, isError, taken, participantActive }: NextSurveyProps) {
  let content;
  if (isPending) {
    content = <p className="quiet-text">Checking which survey is next…</p>;
  } else if (isError) {
    content = <p className="quiet-text">Which survey is next could not be loaded. The surveys below are up to date.</p>;
  } else if (due) {
    content = (
      <p className="outcome-next__text">
        <DueStatusBadge status={due.status} />{' '}
        <strong>{timepointLabel(due.timepoint)}</strong>: due on {formatDay(due.due_on)}. Window{' '}
        {formatDay(due.window_opens_on)} to {formatDay(due.window_closes_on)} ({windowNote(due).toLowerCase()}).
      </p>
    );
  } else if (taken.includes('discharge')) {
    content = <p>Every survey is done: the discharge survey closes the series.</p>;
  } else if (!participantActive) {
    content = <p>They have left the program: only the discharge survey can still be recorded.</p>;
  } else {
    content = (
      <p>
        {taken.includes('intake') && taken.includes('followup_6mo')
          ? 'Intake and six-month follow-up are done. The discharge survey is taken when they leave the program.'
          : 'No survey is due in the next six months.'}
      </p>
    );
  }
  return (
    <div className="outcome-next" aria-live="polite">
      <h3 className="outcome-next__title">Next survey</h3>
      {content}
    </div>
  );
}
