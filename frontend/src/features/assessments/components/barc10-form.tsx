import { useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { AlertIcon } from '@/components/ui/icons';
import { useReportDirty } from '@/hooks/use-dirty-tracker';

import { useCreateAssessment } from '../api/create-assessment';
import type { Assessment, Barc10Definition } from '../types';

import { useSubmissionKey } from './use-submission-key';

interface Barc10FormProps {
  participantId: string;
  definition: Barc10Definition;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * The Brief Assessment of Recovery Capital: the ten published items, each answered on the
 * 1–6 scale. Every item is required (the instrument has no rule for missing answers).
 */
export function Barc10Form({ participantId, definition, onSaved, onCancel, onDirtyChange }: Barc10FormProps) {
  const save = useCreateAssessment(participantId);
  const submissionKey = useSubmissionKey();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [answers, setAnswers] = useState<(number | null)[]>(() => definition.items.map(() => null));
  const [showMissing, setShowMissing] = useState(false);
  useReportDirty(answers.some((answer) => answer !== null), onDirtyChange);

  const open = definition.items.filter((_, index) => answers[index] === null).map((item) => item.number);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.length > 0) {
      setShowMissing(true);
      // Take the person to the first item still open.
      const first = formRef.current?.querySelector<HTMLInputElement>(`input[data-item="${open[0]}"]`);
      first?.focus();
      return;
    }
    const body = { instrument: 'barc10' as const, responses: answers.map(Number) };
    save.mutate({ body, idempotencyKey: submissionKey(body) }, { onSuccess: onSaved });
  }

  return (
    <form ref={formRef} className="form assessment-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{definition.name}</h3>
      <p className="form__intro">
        Read each statement aloud and ask how much they agree, from 1 (strongly disagree) to 6 (strongly agree).
        All ten are needed.
      </p>
      {showMissing && open.length > 0 && (
        <div role="alert" className="form-error">
          <AlertIcon className="form-error__icon" />
          <p className="form-error__message">
            {open.length === 1 ? `Item ${open[0]} still needs an answer.` : `Items ${open.join(', ')} still need an answer.`}
          </p>
        </div>
      )}
      <FormError error={save.error} />
      <ol className="likert-list">
        {definition.items.map((item, index) => {
          const legendId = `${formId}-item-${item.number}`;
          const errorId = `${legendId}-error`;
          const missing = showMissing && answers[index] === null;
          return (
            <li key={item.number} className="likert-list__item">
              <fieldset
                className={missing ? 'likert likert--invalid' : 'likert'}
                aria-describedby={missing ? errorId : undefined}
              >
                <legend id={legendId} className="likert__legend">
                  <span className="likert__number">{item.number}.</span> {item.text}
                </legend>
                {missing && (
                  <p id={errorId} className="field__error">
                    <AlertIcon />
                    <span className="visually-hidden">Error:</span> Choose an answer from 1 to 6.
                  </p>
                )}
                <div className="likert__scale">
                  {definition.scale.map((point) => (
                    <label key={point.value} className="likert__option">
                      <input
                        type="radio"
                        name={`${formId}-item-${item.number}`}
                        value={point.value}
                        data-item={item.number}
                        required
                        checked={answers[index] === point.value}
                        aria-invalid={missing || undefined}
                        onChange={() =>
                          setAnswers((previous) => previous.map((answer, at) => (at === index ? point.value : answer)))
                        }
                      />
                      <span className="likert__value">{point.value}</span>{' '}
                      <span className="likert__label">{point.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="form__intro">
        {open.length === 0 ? 'All ten answered.' : `${definition.items.length - open.length} of ${definition.items.length} answered.`}
      </p>
      <div className="button-row">
        <Button type="submit" isLoading={save.isPending}>
          Save BARC-10
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
