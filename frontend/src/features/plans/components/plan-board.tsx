import { useId, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { useDirtyTracker } from '@/hooks/use-dirty-tracker';

import { useActivePlan } from '../api/get-active-plan';
import { usePlan } from '../api/get-plan';
import { useCreateGoal } from '../api/create-goal';
import { useStartPlan } from '../api/start-plan';
import type { DimensionProgress, Goal, Plan } from '../types';

import { GoalCard } from './goal-card';
import { EMPTY_GOAL, GoalForm } from './goal-form';
import { DIMENSIONS, formatInstantDate, possessive } from './plan-labels';

export interface PlanBoardProps {
  participantId: string;
  /** `staff` works with the participant; `participant` is the person's own plan (agree, own goals). */
  mode: 'staff' | 'participant';
  /** Staff mode: the participant's preferred name ("Waiting for Jose's agreement"). */
  participantName?: string;
  /** Read the plan without changing it (admins read care records but never write them). */
  readOnly?: boolean;
  /**
   * Whether a form on the board has unsaved changes. The page gathers these and asks before
   * leaving (a router holds one navigation blocker, so the board does not hold its own).
   */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The recovery plan laid out by SAMHSA's four dimensions (health, home, purpose, community):
 * each goal in the participant's words, whether it waits for their agreement, its steps, and
 * progress per dimension.
 */
export function PlanBoard({ participantId, mode, participantName, readOnly = false, onDirtyChange }: PlanBoardProps) {
  const active = useActivePlan(participantId);
  const plan = usePlan(active.data?.id);
  const dirty = useDirtyTracker(onDirtyChange);

  if (active.isPending || (active.data && plan.isPending)) {
    return <Loading label={mode === 'participant' ? 'Loading your plan…' : 'Loading the recovery plan…'} />;
  }
  const error = active.error ?? plan.error;
  if (error) {
    return (
      <div className="stack">
        <FormError error={error} />
        <Button
          variant="secondary"
          onClick={() => void (active.isError ? active.refetch() : plan.refetch())}
        >
          Try again
        </Button>
      </div>
    );
  }
  if (!active.data || !plan.data) {
    return <NoPlan participantId={participantId} mode={mode} participantName={participantName} readOnly={readOnly} />;
  }
  return (
    <PlanContent
      plan={plan.data}
      mode={mode}
      participantName={participantName}
      readOnly={readOnly}
      trackDirty={dirty.track}
    />
  );
}

function NoPlan({
  participantId,
  mode,
  participantName,
  readOnly,
}: Pick<PlanBoardProps, 'participantId' | 'mode' | 'participantName'> & { readOnly: boolean }) {
  const start = useStartPlan(participantId);
  const name = participantName ?? 'the participant';
  const title = mode === 'participant' ? 'You have no recovery plan yet' : 'No recovery plan yet';
  const body =
    mode === 'participant'
      ? 'A plan holds your goals, in your words, for your health, your home, your purpose and your community.'
      : `A plan holds ${possessive(name)} goals, in their words, across the four dimensions of recovery: health, home, purpose and community.`;
  return (
    <EmptyState
      headingLevel={3}
      title={title}
      action={
        readOnly ? undefined : (
          <Button isLoading={start.isPending} onClick={() => start.mutate({})}>
            {mode === 'participant' ? 'Start my plan' : 'Start a recovery plan'}
          </Button>
        )
      }
    >
      <p>{body}</p>
      <FormError error={start.error} />
    </EmptyState>
  );
}

interface PlanContentProps {
  plan: Plan;
  mode: 'staff' | 'participant';
  participantName?: string | undefined;
  readOnly: boolean;
  trackDirty: (key: string) => (dirty: boolean) => void;
}

function PlanContent({ plan, mode, participantName, readOnly, trackDirty }: PlanContentProps) {
  const [adding, setAdding] = useState(false);
  const createGoal = useCreateGoal(plan.id);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const waiting = plan.goals.filter((goal) => goal.awaiting_agreement).length;

  function closeAdd() {
    setAdding(false);
    createGoal.reset();
    requestAnimationFrame(() => addButtonRef.current?.focus());
  }

  return (
    <div className="plan-board">
      <div className="plan-board__intro">
        {plan.title && <p className="plan-board__title">{plan.title}</p>}
        <p className="plan-board__started">Started {formatInstantDate(plan.started_at)}</p>
        {plan.strengths.length > 0 && (
          <p>
            <strong>Strengths:</strong> {plan.strengths.join(', ')}
          </p>
        )}
        {plan.barriers.length > 0 && (
          <p>
            <strong>What stands in the way:</strong> {plan.barriers.join(', ')}
          </p>
        )}
        {waiting > 0 && (
          <p className="notice plan-board__waiting">
            {mode === 'participant'
              ? `${waiting === 1 ? 'One goal is' : `${waiting} goals are`} waiting for your agreement. Read ${waiting === 1 ? 'it' : 'them'}, and agree when ${waiting === 1 ? 'it says' : 'they say'} what you want.`
              : `${waiting === 1 ? 'One goal is' : `${waiting} goals are`} waiting for ${possessive(participantName ?? 'the participant')} agreement.`}
          </p>
        )}
      </div>

      {!readOnly &&
        (adding ? (
          <GoalForm
            mode={mode}
            participantName={participantName}
            initial={EMPTY_GOAL}
            title={mode === 'participant' ? 'Add a goal of my own' : 'Add a goal'}
            headingLevel={3}
            hint={
              mode === 'participant'
                ? 'Goals you write are agreed as soon as you save them.'
                : `${participantName ?? 'The participant'} will be asked to agree to it.`
            }
            submitLabel="Save goal"
            isPending={createGoal.isPending}
            error={createGoal.error}
            onDirtyChange={trackDirty('add-goal')}
            onCancel={closeAdd}
            onSubmit={(values) =>
              createGoal.mutate(
                {
                  dimension: values.dimension,
                  statement: values.statement,
                  status: values.status,
                  target_date: values.targetDate || null,
                },
                { onSuccess: closeAdd },
              )
            }
          />
        ) : (
          <div className="plan-board__actions">
            <Button ref={addButtonRef} onClick={() => setAdding(true)}>
              Add goal
            </Button>
          </div>
        ))}

      <div className="plan-board__dimensions">
        {DIMENSIONS.map((dimension) => (
          <DimensionPanel
            key={dimension.value}
            label={dimension.label}
            description={dimension.description}
            progress={plan.progress[dimension.value]}
            goals={plan.goals.filter((goal) => goal.dimension === dimension.value)}
            planId={plan.id}
            mode={mode}
            participantName={participantName}
            readOnly={readOnly}
            trackDirty={trackDirty}
          />
        ))}
      </div>
    </div>
  );
}

interface DimensionPanelProps extends Omit<PlanContentProps, 'plan'> {
  label: string;
  description: string;
  progress: DimensionProgress;
  goals: Goal[];
  planId: string;
}

function progressText(progress: DimensionProgress): string {
  if (progress.goals === 0) return 'No goals yet';
  if (progress.steps_total > 0) {
    return `${progress.steps_done} of ${progress.steps_total} steps done (${progress.percent}%)`;
  }
  return `${progress.achieved} of ${progress.goals} goals achieved (${progress.percent}%)`;
}

function DimensionPanel({ label, description, progress, goals, planId, ...goalProps }: DimensionPanelProps) {
  const headingId = useId();
  return (
    <section className="dimension" aria-labelledby={headingId}>
      <header className="dimension__header">
        <h3 id={headingId} className="dimension__title">
          {label}
        </h3>
        <p className="dimension__description">{description}</p>
        <p className="dimension__progress">
          {progress.goals > 0 && (
            <progress className="dimension__bar" value={progress.percent} max={100} aria-hidden="true" />
          )}
          <span>{progressText(progress)}</span>
        </p>
      </header>
      {goals.length > 0 ? (
        <ul className="goal-list">
          {goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} planId={planId} {...goalProps} />
          ))}
        </ul>
      ) : (
        <p className="dimension__empty">No goals in {label.toLowerCase()} yet.</p>
      )}
    </section>
  );
}
