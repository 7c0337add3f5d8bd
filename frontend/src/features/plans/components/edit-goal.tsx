import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import type { Schemas } from '@/lib/api-client';
import { isProblemError } from '@/lib/problem';

import { useGoal } from '../api/get-goal';
import { useUpdateGoal } from '../api/update-goal';
import type { Goal, Versioned } from '../types';

import { GoalForm, type GoalFormValues } from './goal-form';
import { dimensionLabel, formatDate, GOAL_STATUS_LABELS } from './plan-labels';

interface EditGoalProps {
  goal: Goal;
  planId: string;
  mode: 'staff' | 'participant';
  participantName?: string | undefined;
  onDone: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * Changes a goal. The goal is read afresh (`GET /goals/{id}`) when the form opens and its ETag
 * goes with the change (`If-Match`): if someone changed the goal meanwhile (412), nothing is
 * lost: the form keeps what was typed and offers to load the latest version.
 */
export function EditGoal(props: EditGoalProps) {
  const current = useGoal(props.goal.id);
  if (current.isPending) return <Loading label="Loading the goal…" />;
  if (current.isError) {
    return (
      <div className="stack">
        <FormError error={current.error} />
        <Button variant="secondary" onClick={props.onDone}>
          Close
        </Button>
      </div>
    );
  }
  return <EditGoalForm {...props} loaded={current.data} reload={current.refetch} />;
}

function toValues(goal: Goal): GoalFormValues {
  return {
    dimension: goal.dimension,
    statement: goal.statement,
    status: goal.status,
    targetDate: goal.target_date ?? '',
  };
}

function EditGoalForm({
  planId,
  mode,
  participantName,
  onDone,
  onDirtyChange,
  loaded,
  reload,
}: EditGoalProps & {
  loaded: Versioned<Goal>;
  reload: () => Promise<{ data?: Versioned<Goal> | undefined }>;
}) {
  const update = useUpdateGoal(planId);
  // The version being edited: the one read when the form opened, or the one loaded after a conflict.
  const [base, setBase] = useState(loaded);
  const [initial] = useState(() => toValues(loaded.value));
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const conflict = isProblemError(update.error) && update.error.status === 412;

  async function loadLatest() {
    setReloading(true);
    try {
      const result = await reload();
      if (result.data) {
        setBase(result.data);
        setReloaded(true);
        update.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  function submit(values: GoalFormValues & { dimension: Goal['dimension'] }) {
    // Send what the person changed, where it differs from the goal as it now reads: a field
    // they did not touch keeps whatever someone else gave it.
    const current = toValues(base.value);
    const changed = (key: keyof GoalFormValues) => values[key] !== initial[key] && values[key] !== current[key];
    const changes: Schemas['GoalUpdate'] = {};
    if (changed('dimension')) changes.dimension = values.dimension;
    if (changed('statement')) changes.statement = values.statement;
    if (changed('status')) changes.status = values.status;
    if (changed('targetDate')) changes.target_date = values.targetDate || null;
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate({ goalId: base.value.id, etag: base.etag ?? '', changes }, { onSuccess: onDone });
  }

  let notice = null;
  if (conflict) {
    notice = (
      <div role="alert" className="conflict-notice">
        <p className="conflict-notice__message">
          Someone else changed this goal while you were editing it. Nothing was saved, and what you
          typed is still here.
        </p>
        <Button variant="secondary" onClick={() => void loadLatest()} isLoading={reloading}>
          Load the latest version
        </Button>
      </div>
    );
  } else if (reloaded) {
    const latest = base.value;
    notice = (
      <div role="status" className="conflict-notice conflict-notice--info">
        <p className="conflict-notice__message">The latest version is loaded. It now reads:</p>
        <blockquote className="conflict-notice__quote">{latest.statement}</blockquote>
        <p>
          {dimensionLabel(latest.dimension)} · {GOAL_STATUS_LABELS[latest.status]}
          {latest.target_date ? ` · target date ${formatDate(latest.target_date)}` : ''}
        </p>
        <p>Your changes are still in the form: save to use them, or cancel to keep the latest version.</p>
      </div>
    );
  }

  const hint =
    mode === 'staff'
      ? `Changing the goal asks ${participantName ?? 'the participant'} to agree to it again.`
      : undefined;

  return (
    <GoalForm
      mode={mode}
      participantName={participantName}
      initial={initial}
      title="Edit goal"
      submitLabel="Save changes"
      isPending={update.isPending}
      error={conflict ? null : update.error}
      onSubmit={submit}
      onCancel={onDone}
      onDirtyChange={onDirtyChange}
      notice={notice}
      hint={hint}
    />
  );
}

