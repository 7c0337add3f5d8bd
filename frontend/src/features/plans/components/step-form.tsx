import { useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { problemFieldErrors } from '@/lib/problem';

export interface StepFormValues {
  description: string;
  /** `YYYY-MM-DD` or empty. */
  dueDate: string;
}

const FIELDS = ['description', 'due_date'] as const;

interface StepFormProps {
  title: string;
  initial?: StepFormValues;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: StepFormValues) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** A step towards a goal: what to do, and when (optional). */
export function StepForm({
  title,
  initial = { description: '', dueDate: '' },
  submitLabel,
  isPending,
  error,
  onSubmit,
  onCancel,
  onDirtyChange,
}: StepFormProps) {
  const titleId = useId();
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState<string | undefined>();
  const serverErrors = problemFieldErrors(error, { knownFields: FIELDS });
  useReportDirty(
    values.description !== initial.description || values.dueDate !== initial.dueDate,
    onDirtyChange,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const description = values.description.trim();
    setMissing(description ? undefined : 'Describe the step.');
    if (!description) return;
    onSubmit({ description, dueDate: values.dueDate });
  }

  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <p id={titleId} className="step-form__title">
        {title}
      </p>
      <FormError error={error} fieldErrors={serverErrors} />
      <TextField
        label="Step"
        name="description"
        required
        maxLength={1000}
        value={values.description}
        onChange={(event) => setValues((previous) => ({ ...previous, description: event.target.value }))}
        error={missing ?? serverErrors.fields.description}
      />
      <TextField
        label="Due date"
        name="due_date"
        type="date"
        description="Optional."
        value={values.dueDate}
        onChange={(event) => setValues((previous) => ({ ...previous, dueDate: event.target.value }))}
        error={serverErrors.fields.due_date}
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
