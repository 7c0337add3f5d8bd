import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { isProblemError } from '@/lib/problem';

import { useDeleteStep } from '../api/delete-step';
import { useUpdateStep } from '../api/update-step';
import type { Step } from '../types';

import { formatDate } from './plan-labels';
import { StepForm, type StepFormValues } from './step-form';

interface StepItemProps {
  step: Step;
  planId: string;
  readOnly: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

function isConflict(error: unknown): boolean {
  return isProblemError(error) && error.status === 412;
}

/** One step: a checkbox to mark it done, and (unless read-only) edit and remove. */
export function StepItem({ step, planId, readOnly, onDirtyChange }: StepItemProps) {
  const toggle = useUpdateStep(planId);
  const edit = useUpdateStep(planId);
  const remove = useDeleteStep(planId);
  // The step as it read when editing began (null: not editing).
  const [editStart, setEditStart] = useState<Step | null>(null);
  const editing = editStart !== null;
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  // The box follows the click at once; it falls back to the record if the change is refused.
  const [optimisticDone, setOptimisticDone] = useState<boolean | null>(null);
  const checked = optimisticDone ?? step.done;
  const due = step.due_date ? `Due ${formatDate(step.due_date)}` : undefined;

  function closeEditor() {
    setEditStart(null);
    edit.reset();
    // Back to where the person was.
    requestAnimationFrame(() => editButtonRef.current?.focus());
  }

  function saveEdit(values: StepFormValues) {
    // What the person changed, where it differs from the step as it now reads.
    const started = editStart ?? step;
    const changes: { description?: string; due_date?: string | null } = {};
    if (values.description !== started.description && values.description !== step.description) {
      changes.description = values.description;
    }
    const startedDue = started.due_date ?? '';
    if (values.dueDate !== startedDue && values.dueDate !== (step.due_date ?? '')) {
      changes.due_date = values.dueDate || null;
    }
    if (Object.keys(changes).length === 0) {
      closeEditor();
      return;
    }
    edit.mutate({ shown: step, changes }, { onSuccess: closeEditor });
  }

  if (editing) {
    return (
      <li className="step step--editing">
        <StepForm
          title={`Edit step: ${step.description}`}
          initial={{ description: editStart.description, dueDate: editStart.due_date ?? '' }}
          submitLabel="Save step"
          isPending={edit.isPending}
          error={isConflict(edit.error) ? null : edit.error}
          onSubmit={saveEdit}
          onCancel={closeEditor}
          onDirtyChange={onDirtyChange}
        />
        {isConflict(edit.error) && (
          <div role="alert" className="conflict-notice">
            <p className="conflict-notice__message">
              Someone else changed this step while you were editing it. Nothing was saved, and what
              you typed is still in the form.
            </p>
            <p>
              It now reads: <q>{step.description}</q>
              {step.due_date ? `, due ${formatDate(step.due_date)}` : ''}
              {step.done ? ' (done)' : ''}. Save again to use your version.
            </p>
          </div>
        )}
      </li>
    );
  }

  return (
    <li className={step.done ? 'step step--done' : 'step'}>
      {readOnly ? (
        <p className="step__text">
          <span className="step__state">{step.done ? 'Done: ' : 'To do: '}</span>
          {step.description}
          {due && <span className="step__due"> · {due}</span>}
        </p>
      ) : (
        <Checkbox
          label={step.description}
          description={due}
          checked={checked}
          disabled={toggle.isPending}
          onChange={(event) => {
            const done = event.target.checked;
            setOptimisticDone(done);
            toggle.mutate({ shown: step, changes: { done } }, { onSettled: () => setOptimisticDone(null) });
          }}
        />
      )}
      {!readOnly && (
        <div className="step__actions">
          <Button
            ref={editButtonRef}
            variant="quiet"
            aria-label={`Edit step: ${step.description}`}
            onClick={() => {
              toggle.reset();
              setEditStart(step);
            }}
          >
            Edit
          </Button>
          <Button
            variant="quiet"
            aria-label={`Remove step: ${step.description}`}
            onClick={() => setConfirmingRemoval(true)}
          >
            Remove
          </Button>
        </div>
      )}
      {toggle.error != null && (
        <div className="step__error">
          <FormError error={toggle.error} />
        </div>
      )}
      <Dialog
        open={confirmingRemoval}
        onClose={() => setConfirmingRemoval(false)}
        title="Remove this step?"
        description={
          <>
            <q>{step.description}</q> will be removed from the goal. This cannot be undone.
          </>
        }
      >
        <FormError error={remove.error} />
        <DialogActions>
          <Button variant="secondary" onClick={() => setConfirmingRemoval(false)}>
            Keep the step
          </Button>
          <Button
            variant="danger"
            isLoading={remove.isPending}
            onClick={() => remove.mutate(step.id, { onSuccess: () => setConfirmingRemoval(false) })}
          >
            Remove step
          </Button>
        </DialogActions>
      </Dialog>
    </li>
  );
}
