import { useId, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';

import { useAgreeToGoal } from '../api/agree-to-goal';
import { useCreateStep } from '../api/create-step';
import type { Goal } from '../types';

import { EditGoal } from './edit-goal';
import { formatDate, formatInstantDate, GOAL_STATUS_LABELS, possessive } from './plan-labels';
import { StepForm } from './step-form';
import { StepItem } from './step-item';

interface GoalCardProps {
  goal: Goal;
  planId: string;
  mode: 'staff' | 'participant';
  participantName?: string | undefined;
  readOnly: boolean;
  trackDirty: (key: string) => (dirty: boolean) => void;
}

/** One goal: the participant's words, its status and agreement, and its steps. */
export function GoalCard({ goal, planId, mode, participantName, readOnly, trackDirty }: GoalCardProps) {
  const [editing, setEditing] = useState(false);
  const [addingStep, setAddingStep] = useState(false);
  const agree = useAgreeToGoal(planId);
  const addStep = useCreateStep(planId, goal.id);
  const statementId = useId();
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const addStepButtonRef = useRef<HTMLButtonElement>(null);

  const whose = mode === 'participant' ? 'your' : possessive(participantName ?? 'the participant');
  const agreedBy = mode === 'participant' ? 'You agreed' : `${participantName ?? 'The participant'} agreed`;

  if (editing) {
    return (
      <li className="goal goal--editing">
        <EditGoal
          goal={goal}
          planId={planId}
          mode={mode}
          participantName={participantName}
          onDirtyChange={trackDirty(`edit-goal-${goal.id}`)}
          onDone={() => {
            setEditing(false);
            requestAnimationFrame(() => editButtonRef.current?.focus());
          }}
        />
      </li>
    );
  }

  return (
    <li className="goal">
      <article className="goal__card" aria-labelledby={statementId}>
        <h4 id={statementId} className="goal__statement">
          {goal.statement}
        </h4>
        <p className="goal__meta">
          <span className={`goal-status goal-status--${goal.status}`}>
            <span className="visually-hidden">Status: </span>
            {GOAL_STATUS_LABELS[goal.status]}
          </span>
          {goal.target_date && <span className="goal__target">Target date {formatDate(goal.target_date)}</span>}
        </p>
        {goal.awaiting_agreement ? (
          <div className="goal__agreement">
            <p className="agreement-badge">
              <span aria-hidden="true" className="agreement-badge__mark">
                ?
              </span>
              Waiting for {whose} agreement
            </p>
            {mode === 'participant' && !readOnly && (
              <Button
                aria-label={`Agree to goal: ${goal.statement}`}
                isLoading={agree.isPending}
                onClick={() => agree.mutate(goal)}
              >
                Agree
              </Button>
            )}
          </div>
        ) : (
          goal.agreed_by_participant_at && (
            <p className="goal__agreed">
              {agreedBy} on {formatInstantDate(goal.agreed_by_participant_at)}
            </p>
          )
        )}
        {agree.error != null && <FormError error={agree.error} />}

        {goal.steps.length > 0 ? (
          <ul className="step-list" aria-label={`Steps for: ${goal.statement}`}>
            {goal.steps.map((step) => (
              <StepItem
                key={step.id}
                step={step}
                planId={planId}
                readOnly={readOnly}
                onDirtyChange={trackDirty(`edit-step-${step.id}`)}
              />
            ))}
          </ul>
        ) : (
          <p className="goal__no-steps">No steps yet.</p>
        )}

        {addingStep && (
          <StepForm
            title={`Add a step to: ${goal.statement}`}
            submitLabel="Save step"
            isPending={addStep.isPending}
            error={addStep.error}
            onDirtyChange={trackDirty(`add-step-${goal.id}`)}
            onCancel={() => {
              setAddingStep(false);
              addStep.reset();
              requestAnimationFrame(() => addStepButtonRef.current?.focus());
            }}
            onSubmit={(values) =>
              addStep.mutate(
                { description: values.description, due_date: values.dueDate || null },
                {
                  onSuccess: () => {
                    setAddingStep(false);
                    requestAnimationFrame(() => addStepButtonRef.current?.focus());
                  },
                },
              )
            }
          />
        )}

        {!readOnly && (
          <div className="goal__actions">
            {!addingStep && (
              <Button
                ref={addStepButtonRef}
                variant="secondary"
                aria-label={`Add a step to: ${goal.statement}`}
                onClick={() => setAddingStep(true)}
              >
                Add a step
              </Button>
            )}
            <Button
              ref={editButtonRef}
              variant="quiet"
              aria-label={`Edit goal: ${goal.statement}`}
              onClick={() => setEditing(true)}
            >
              Edit goal
            </Button>
          </div>
        )}
      </article>
    </li>
  );
}
