import { useId, useState, type FormEvent, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { problemFieldErrors } from '@/lib/problem';

import type { Dimension, GoalStatus } from '../types';

import { DIMENSIONS, GOAL_STATUS_OPTIONS } from './plan-labels';

export interface GoalFormValues {
  dimension: Dimension | '';
  statement: string;
  status: GoalStatus;
  /** `YYYY-MM-DD` or empty. */
  targetDate: string;
}

export const EMPTY_GOAL: GoalFormValues = { dimension: '', statement: '', status: 'in-progress', targetDate: '' };

const FIELDS = ['dimension', 'statement', 'status', 'target_date'] as const;
type Field = (typeof FIELDS)[number];

interface GoalFormProps {
  mode: 'staff' | 'participant';
  /** Staff mode: whose words the goal is in ("Write it the way Jose says it"). */
  participantName?: string | undefined;
  initial: GoalFormValues;
  submitLabel: string;
  isPending: boolean;
  /** The save's error: a 422 lands next to its field, anything else above the form. */
  error: unknown;
  onSubmit: (values: GoalFormValues & { dimension: Dimension }) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** Shown at the top of the form, e.g. that someone else changed the goal meanwhile. */
  notice?: ReactNode;
  /** A line under the heading, e.g. that a change asks for agreement again. */
  hint?: ReactNode;
  title: string;
  /** The title's heading level: 3 at the top of the plan, 4 inside a dimension. */
  headingLevel?: 3 | 4;
}

/** Adding or changing a goal: its dimension, the statement in the participant's words, status, target date. */
export function GoalForm({
  mode,
  participantName,
  initial,
  submitLabel,
  isPending,
  error,
  onSubmit,
  onCancel,
  onDirtyChange,
  notice,
  hint,
  title,
  headingLevel = 4,
}: GoalFormProps) {
  const titleId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const serverErrors = problemFieldErrors(error, { knownFields: FIELDS });
  const errors = { ...serverErrors.fields, ...missing };
  const isDirty =
    values.dimension !== initial.dimension ||
    values.statement !== initial.statement ||
    values.status !== initial.status ||
    values.targetDate !== initial.targetDate;
  useReportDirty(isDirty, onDirtyChange);

  function set<K extends keyof GoalFormValues>(key: K, value: GoalFormValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextMissing: Partial<Record<Field, string>> = {};
    if (!values.dimension) nextMissing.dimension = 'Choose the dimension this goal belongs to.';
    if (!values.statement.trim()) {
      nextMissing.statement = mode === 'participant' ? 'Write your goal.' : 'Write the goal.';
    }
    setMissing(nextMissing);
    if (Object.keys(nextMissing).length > 0 || !values.dimension) return;
    onSubmit({ ...values, dimension: values.dimension, statement: values.statement.trim() });
  }

  const statementLabel = mode === 'participant' ? 'My goal, in my words' : 'Goal, in their words';
  const statementHelp =
    mode === 'participant'
      ? 'Say it the way you would say it.'
      : `Write it the way ${participantName ?? 'the participant'} says it.`;

  return (
    <form className="form goal-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Heading id={titleId} className="goal-form__title">
        {title}
      </Heading>
      {hint && <p className="form__intro">{hint}</p>}
      {notice}
      <FormError error={error} fieldErrors={serverErrors} />
      <SelectField
        label="Dimension"
        name="dimension"
        required
        placeholder="Choose a dimension"
        options={DIMENSIONS.map(({ value, label }) => ({ value, label }))}
        value={values.dimension}
        onChange={(event) => set('dimension', event.target.value as Dimension | '')}
        error={errors.dimension}
      />
      <TextAreaField
        label={statementLabel}
        name="statement"
        required
        rows={3}
        maxLength={1000}
        description={statementHelp}
        value={values.statement}
        onChange={(event) => set('statement', event.target.value)}
        error={errors.statement}
      />
      <SelectField
        label="Status"
        name="status"
        options={GOAL_STATUS_OPTIONS}
        value={values.status}
        onChange={(event) => set('status', event.target.value as GoalStatus)}
        error={errors.status}
      />
      <TextField
        label="Target date"
        name="target_date"
        type="date"
        description="Optional."
        value={values.targetDate}
        onChange={(event) => set('targetDate', event.target.value)}
        error={errors.target_date}
      />
      <div className="button-row">
        <Button type="submit" isLoading={isPending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
