import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { problemFieldErrors } from '@/lib/problem';

import type { SafetyPlan, SafetyPlanStep, SafetyPlanSteps } from '../types';

import { SAFETY_PLAN_STEPS, type SafetyPlanStepInfo } from './crisis-labels';

/** The server's limits: 20 lines a step, 500 characters a line. */
export const MAX_LINES = 20;
export const MAX_LINE_LENGTH = 500;

export function stepsOf(plan: SafetyPlan): SafetyPlanSteps {
  return Object.fromEntries(SAFETY_PLAN_STEPS.map(({ key }) => [key, [...plan[key]]])) as SafetyPlanSteps;
}

/** The plan as it is sent: lines trimmed, empty ones left out. */
export function cleanSteps(steps: SafetyPlanSteps): SafetyPlanSteps {
  return Object.fromEntries(
    SAFETY_PLAN_STEPS.map(({ key }) => [key, steps[key].map((line) => line.trim()).filter(Boolean)]),
  ) as SafetyPlanSteps;
}

function sameSteps(a: SafetyPlanSteps, b: SafetyPlanSteps): boolean {
  return SAFETY_PLAN_STEPS.every(({ key }) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

interface SafetyPlanFormProps {
  initial: SafetyPlanSteps;
  participantName: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (steps: SafetyPlanSteps) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** Shown above the steps, e.g. that someone else saved a newer version meanwhile. */
  notice?: ReactNode;
}

/** The six steps, each a list of lines to add to, change and remove; saved as a new version. */
export function SafetyPlanForm({
  initial,
  participantName,
  isPending,
  error,
  onSubmit,
  onCancel,
  onDirtyChange,
  notice,
}: SafetyPlanFormProps) {
  const titleId = useId();
  const [steps, setSteps] = useState(initial);
  const isDirty = !sameSteps(cleanSteps(steps), cleanSteps(initial));
  useReportDirty(isDirty, onDirtyChange);
  // A 422 names its line: `["body", "warning_signs", 2]` → "warning_signs.2".
  const serverErrors = problemFieldErrors(error);

  function setLine(step: SafetyPlanStep, index: number, text: string) {
    setSteps((previous) => ({ ...previous, [step]: previous[step].map((line, i) => (i === index ? text : line)) }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(cleanSteps(steps));
  }

  return (
    <form className="form safety-plan-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className="safety-plan-form__title">
        Edit the safety plan
      </h4>
      <p className="form__intro">
        Write it with {participantName}, in their words. Saving keeps this as a new version; earlier versions stay
        readable.
      </p>
      {notice}
      <FormError error={error} fieldErrors={serverErrors} />
      {SAFETY_PLAN_STEPS.map((step) => (
        <StepLines
          key={step.key}
          step={step}
          lines={steps[step.key]}
          errors={serverErrors.fields}
          onChange={(index, text) => setLine(step.key, index, text)}
          onAdd={() => setSteps((previous) => ({ ...previous, [step.key]: [...previous[step.key], ''] }))}
          onRemove={(index) =>
            setSteps((previous) => ({ ...previous, [step.key]: previous[step.key].filter((_, i) => i !== index) }))
          }
        />
      ))}
      <div className="button-row">
        <Button type="submit" isLoading={isPending}>
          Save the safety plan
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

interface StepLinesProps {
  step: SafetyPlanStepInfo;
  lines: string[];
  errors: Record<string, string>;
  onChange: (index: number, text: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

function StepLines({ step, lines, errors, onChange, onAdd, onRemove }: StepLinesProps) {
  const legendId = useId();
  const descriptionId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const lineName = step.line.toLowerCase();

  function add() {
    onAdd();
    // The new line's field takes the focus, ready to type.
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll('input');
      inputs?.[inputs.length - 1]?.focus();
    });
  }

  function remove(index: number) {
    onRemove(index);
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll('input');
      (inputs?.[Math.min(index, (inputs?.length ?? 1) - 1)] ?? addRef.current)?.focus();
    });
  }

  return (
    <fieldset className="fieldset safety-plan-form__step" aria-labelledby={legendId} aria-describedby={descriptionId}>
      <legend id={legendId} className="fieldset__legend">
        Step {step.number}: {step.title}
      </legend>
      <p id={descriptionId} className="field__description">
        {step.description}
        {step.key === 'professionals' && ' If it is taken out, it is added back when the plan is saved.'}
      </p>
      {lines.length > 0 && (
        <ol ref={listRef} className="safety-plan-form__lines">
          {lines.map((line, index) => (
            // A line has no identity beyond its place in the step.
            <li key={index} className="safety-plan-form__line">
              <TextField
                label={`${step.line} ${index + 1}`}
                value={line}
                maxLength={MAX_LINE_LENGTH}
                onChange={(event) => onChange(index, event.target.value)}
                error={errors[`${step.key}.${index}`]}
              />
              <Button variant="quiet" aria-label={`Remove ${lineName} ${index + 1}`} onClick={() => remove(index)}>
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      {lines.length < MAX_LINES ? (
        <Button ref={addRef} variant="secondary" onClick={add}>
          Add a line to step {step.number}
        </Button>
      ) : (
        <p className="field__description">A step holds at most {MAX_LINES} lines.</p>
      )}
    </fieldset>
  );
}
