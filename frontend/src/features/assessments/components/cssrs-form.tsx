import { useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { AlertIcon } from '@/components/ui/icons';
import type { Schemas } from '@/lib/api-client';
import { useReportDirty } from '@/hooks/use-dirty-tracker';

import { useCreateAssessment } from '../api/create-assessment';
import type { Assessment, CssrsDefinition, CssrsQuestion } from '../types';

import { useSubmissionKey } from './use-submission-key';

const PERIODS: Record<CssrsQuestion['period'], string> = {
  past_month: 'In the past month',
  lifetime: 'Ever, in their life',
  past_3_months: 'In the past 3 months',
};

type Answers = Record<string, boolean>;

/**
 * The questions the skip logic asks, given the answers so far, in asking order: a question
 * with `asked_when` is asked only when that earlier question was asked and got that answer.
 */
export function askedQuestions(questions: readonly CssrsQuestion[], answers: Answers): CssrsQuestion[] {
  const asked: CssrsQuestion[] = [];
  const askedKeys = new Set<string>();
  for (const question of questions) {
    const condition = question.asked_when;
    if (!condition || (askedKeys.has(condition.key) && answers[condition.key] === condition.answer)) {
      asked.push(question);
      askedKeys.add(question.key);
    }
  }
  return asked;
}

interface CssrsFormProps {
  participantId: string;
  definition: CssrsDefinition;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * The C-SSRS screener, asked as its skip logic says: follow-up questions appear only when the
 * answer before them calls for them, and only the questions asked are sent.
 */
export function CssrsForm({ participantId, definition, onSaved, onCancel, onDirtyChange }: CssrsFormProps) {
  const save = useCreateAssessment(participantId);
  const submissionKey = useSubmissionKey();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [showMissing, setShowMissing] = useState(false);
  useReportDirty(Object.keys(answers).length > 0, onDirtyChange);

  const asked = askedQuestions(definition.questions, answers);
  const open = asked.filter((question) => answers[question.key] === undefined);

  function answer(key: string, value: boolean) {
    setAnswers((previous) => {
      const next = { ...previous, [key]: value };
      // Drop answers to questions the new answer no longer asks (they must not be sent).
      const stillAsked = new Set(askedQuestions(definition.questions, next).map((question) => question.key));
      return Object.fromEntries(Object.entries(next).filter(([name]) => stillAsked.has(name)));
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.length > 0) {
      setShowMissing(true);
      formRef.current?.querySelector<HTMLInputElement>(`input[data-question="${open[0]?.key}"]`)?.focus();
      return;
    }
    const responses = Object.fromEntries(asked.map((question) => [question.key, answers[question.key]]));
    const body = {
      instrument: 'cssrs_screen' as const,
      responses: responses as Schemas['CssrsResponses'],
    };
    save.mutate({ body, idempotencyKey: submissionKey(body) }, { onSuccess: onSaved });
  }

  return (
    <form ref={formRef} className="form assessment-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{definition.name}</h3>
      <p className="form__intro">
        Ask each question as written and choose their answer. Some questions follow only after a yes.
      </p>
      {showMissing && open.length > 0 && (
        <div role="alert" className="form-error">
          <AlertIcon className="form-error__icon" />
          <p className="form-error__message">
            {open.length === 1
              ? `Question ${open[0]?.number} still needs an answer.`
              : `Questions ${open.map((question) => question.number).join(', ')} still need an answer.`}
          </p>
        </div>
      )}
      <FormError error={save.error} />
      <ol className="cssrs-list">
        {asked.map((question) => {
          const name = `${formId}-${question.key}`;
          const missing = showMissing && answers[question.key] === undefined;
          return (
            <li key={question.key} className={question.asked_when ? 'cssrs-list__item cssrs-list__item--follow-up' : 'cssrs-list__item'}>
              <fieldset
                className={missing ? 'yes-no yes-no--invalid' : 'yes-no'}
                aria-describedby={`${name}-period${missing ? ` ${name}-error` : ''}`}
              >
                <legend className="yes-no__legend">
                  <span className="yes-no__number">{question.number}.</span> {question.text}
                </legend>
                <p id={`${name}-period`} className="field__description">
                  {PERIODS[question.period]}
                </p>
                {missing && (
                  <p id={`${name}-error`} className="field__error">
                    <AlertIcon />
                    <span className="visually-hidden">Error:</span> Choose yes or no.
                  </p>
                )}
                <div className="yes-no__options">
                  {[
                    { value: true, label: 'Yes' },
                    { value: false, label: 'No' },
                  ].map((option) => (
                    <label key={option.label} className="yes-no__option">
                      <input
                        type="radio"
                        name={name}
                        data-question={question.key}
                        value={option.label.toLowerCase()}
                        checked={answers[question.key] === option.value}
                        aria-invalid={missing || undefined}
                        onChange={() => answer(question.key, option.value)}
                      />
                      {option.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <Button type="submit" isLoading={save.isPending}>
          Save screen
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
