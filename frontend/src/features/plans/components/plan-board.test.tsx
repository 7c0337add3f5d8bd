import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem, type Handler } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { PlanBoard, type PlanBoardProps } from './plan-board';

const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';
const PLAN_ID = '00000000-0000-4000-8000-0000000000c1';
const T0 = '2026-03-01T10:00:00Z';

function makeStep(overrides: Partial<Schemas['StepRead']> = {}): Schemas['StepRead'] {
  return {
    id: '00000000-0000-4000-8000-000000005001',
    goal_id: '00000000-0000-4000-8000-000000000601',
    participant_id: PARTICIPANT_ID,
    description: 'Call the clinic on Monday',
    due_date: null,
    done: false,
    done_at: null,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

function makeGoal(overrides: Partial<Schemas['GoalRead']> = {}): Schemas['GoalRead'] {
  return {
    id: '00000000-0000-4000-8000-000000000601',
    plan_id: PLAN_ID,
    participant_id: PARTICIPANT_ID,
    dimension: 'health',
    statement: 'Sleep through the night most nights',
    status: 'in-progress',
    target_date: null,
    agreed_by_participant_at: T0,
    created_by_user_id: null,
    updated_by_user_id: null,
    created_at: T0,
    updated_at: T0,
    steps: [],
    awaiting_agreement: false,
    ...overrides,
  };
}

const EMPTY_PROGRESS = { goals: 0, achieved: 0, awaiting_agreement: 0, steps_total: 0, steps_done: 0, percent: 0 };

function makePlan(goals: Schemas['GoalRead'][]): Schemas['PlanRead'] {
  return {
    id: PLAN_ID,
    participant_id: PARTICIPANT_ID,
    status: 'active',
    title: null,
    strengths: [],
    barriers: [],
    started_at: T0,
    archived_at: null,
    created_by_user_id: null,
    created_at: T0,
    updated_at: T0,
    goals,
    progress: { health: EMPTY_PROGRESS, home: EMPTY_PROGRESS, purpose: EMPTY_PROGRESS, community: EMPTY_PROGRESS },
  };
}

function planRoutes(plan: Schemas['PlanRead'] | Handler[], role: 'specialist' | 'participant' = 'specialist') {
  const planHandler = Array.isArray(plan) ? plan : () => json(plan, 200, { ETag: '"plan-v1"' });
  return {
    ...signedInRoutes(role),
    'GET /participants/{participant_id}/plans': () =>
      json({ items: [{ ...makePlan([]), goals: undefined, progress: undefined }], next_cursor: null }),
    'GET /plans/{plan_id}': planHandler,
  };
}

function renderBoard(props: Partial<PlanBoardProps> = {}) {
  return renderApp({
    path: '/',
    routes: [
      {
        path: '/',
        element: <PlanBoard participantId={PARTICIPANT_ID} mode="staff" participantName="Jose" {...props} />,
      },
    ],
  });
}

describe('PlanBoard', () => {
  it('groups goals by dimension and says which wait for the participant', async () => {
    mockApi(
      planRoutes(
        makePlan([
          makeGoal({ id: 'g-health', dimension: 'health', statement: 'Sleep through the night most nights' }),
          makeGoal({
            id: 'g-home',
            dimension: 'home',
            statement: 'Find a room of my own by summer',
            awaiting_agreement: true,
            agreed_by_participant_at: null,
          }),
          makeGoal({ id: 'g-community', dimension: 'community', statement: 'Go to the Tuesday meeting', status: 'sustaining' }),
        ]),
      ),
    );
    renderBoard();

    const health = await screen.findByRole('region', { name: 'Health' });
    const home = screen.getByRole('region', { name: 'Home' });
    const purpose = screen.getByRole('region', { name: 'Purpose' });
    const community = screen.getByRole('region', { name: 'Community' });

    expect(within(health).getByRole('heading', { name: 'Sleep through the night most nights' })).toBeInTheDocument();
    expect(within(home).getByRole('heading', { name: 'Find a room of my own by summer' })).toBeInTheDocument();
    expect(within(community).getByText('Sustaining')).toBeInTheDocument();
    expect(within(purpose).getByText('No goals in purpose yet.')).toBeInTheDocument();
    expect(within(health).queryByText(/Find a room/)).not.toBeInTheDocument();

    // The waiting goal says so in words, not only by colour; the others do not.
    expect(within(home).getByText("Waiting for Jose's agreement")).toBeInTheDocument();
    expect(within(health).queryByText(/Waiting for/)).not.toBeInTheDocument();
    expect(screen.getByText("One goal is waiting for Jose's agreement.")).toBeInTheDocument();
    // Staff cannot agree on the participant's behalf.
    expect(screen.queryByRole('button', { name: /^Agree to goal/ })).not.toBeInTheDocument();
    expect(within(home).getByText('In progress')).toBeInTheDocument();
  });

  it('lets the participant agree to a waiting goal, guarding the wording with If-Match', async () => {
    const waiting = makeGoal({
      id: 'g-home',
      dimension: 'home',
      statement: 'Find a room of my own by summer',
      awaiting_agreement: true,
      agreed_by_participant_at: null,
      updated_at: '2026-03-02T09:00:00Z',
    });
    const agreed = { ...waiting, awaiting_agreement: false, agreed_by_participant_at: '2026-03-03T09:00:00Z' };
    const mock = mockApi({
      ...planRoutes(
        [() => json(makePlan([waiting])), () => json(makePlan([agreed]))],
        'participant',
      ),
      'GET /goals/{goal_id}': () => json(waiting, 200, { ETag: '"goal-v3"' }),
      'POST /goals/{goal_id}/agree': () => json(agreed, 200, { ETag: '"goal-v4"' }),
    });
    const { user } = renderBoard({ mode: 'participant', participantName: undefined });

    const home = await screen.findByRole('region', { name: 'Home' });
    expect(within(home).getByText('Waiting for your agreement')).toBeInTheDocument();

    await user.click(within(home).getByRole('button', { name: 'Agree to goal: Find a room of my own by summer' }));

    expect(await within(home).findByText(/You agreed on/)).toBeInTheDocument();
    expect(within(home).queryByText(/Waiting for/)).not.toBeInTheDocument();
    const [agreeRequest] = mock.calls('POST /goals/{goal_id}/agree');
    expect(new URL(agreeRequest!.url).pathname).toBe('/api/v1/goals/g-home/agree');
    expect(agreeRequest!.headers.get('If-Match')).toBe('"goal-v3"');
    expect(mock.unhandled).toEqual([]);
  });

  it('does not agree to a goal that changed since it was shown', async () => {
    const shown = makeGoal({ id: 'g-home', statement: 'Find a room', awaiting_agreement: true, agreed_by_participant_at: null });
    const mock = mockApi({
      ...planRoutes(makePlan([shown]), 'participant'),
      'GET /goals/{goal_id}': () =>
        json({ ...shown, statement: 'Find a room by May', updated_at: '2026-03-05T00:00:00Z' }, 200, { ETag: '"goal-v9"' }),
    });
    const { user } = renderBoard({ mode: 'participant' });

    await user.click(await screen.findByRole('button', { name: 'Agree to goal: Find a room' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This goal was changed since it was shown to you');
    expect(mock.calls('POST /goals/{goal_id}/agree')).toHaveLength(0);
  });

  it('adds a goal with the right body and shows a 422 next to the field', async () => {
    const mock = mockApi({
      ...planRoutes(makePlan([])),
      'POST /plans/{plan_id}/goals': () =>
        problem(422, 'The request is not valid.', {
          errors: [{ loc: ['body', 'statement'], msg: 'String should have at most 1000 characters', type: 'string_too_long' }],
        }),
    });
    const { user } = renderBoard();

    await user.click(await screen.findByRole('button', { name: 'Add goal' }));
    await user.selectOptions(screen.getByLabelText(/^Dimension/), 'purpose');
    await user.type(screen.getByLabelText(/^Goal, in their words/), '  Finish my GED this year ');
    await user.type(screen.getByLabelText(/^Target date/), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Save goal' }));

    const statement = screen.getByLabelText(/^Goal, in their words/);
    expect(await screen.findByText('String should have at most 1000 characters')).toBeInTheDocument();
    expect(statement).toHaveAttribute('aria-invalid', 'true');
    expect(statement).toHaveAccessibleDescription(/String should have at most 1000 characters/);
    // What was typed stays.
    expect(statement).toHaveValue('  Finish my GED this year ');

    const [request] = mock.calls('POST /plans/{plan_id}/goals');
    expect(new URL(request!.url).pathname).toBe(`/api/v1/plans/${PLAN_ID}/goals`);
    expect(await request!.json()).toEqual({
      dimension: 'purpose',
      statement: 'Finish my GED this year',
      status: 'in-progress',
      target_date: '2026-12-01',
    });
  });

  it('asks for a dimension and the goal before sending anything', async () => {
    const mock = mockApi(planRoutes(makePlan([])));
    const { user } = renderBoard({ mode: 'participant' });

    await user.click(await screen.findByRole('button', { name: 'Add goal' }));
    await user.click(screen.getByRole('button', { name: 'Save goal' }));

    expect(screen.getByLabelText(/^Dimension/)).toHaveAccessibleDescription(/Choose the dimension/);
    expect(screen.getByLabelText(/^My goal, in my words/)).toHaveAccessibleDescription(/Write your goal/);
    expect(mock.calls('POST /plans/{plan_id}/goals')).toHaveLength(0);
  });

  it('marks a step done with the If-Match of the step it read', async () => {
    const step = makeStep({ id: 'step-1', description: 'Call the clinic on Monday' });
    const done = { ...step, done: true, done_at: '2026-03-04T00:00:00Z', updated_at: '2026-03-04T00:00:00Z' };
    const goal = makeGoal({ id: 'g-1', steps: [step] });
    const mock = mockApi({
      ...planRoutes([() => json(makePlan([goal])), () => json(makePlan([{ ...goal, steps: [done] }]))]),
      'GET /steps/{step_id}': () => json(step, 200, { ETag: '"step-v1"' }),
      'PATCH /steps/{step_id}': () => json(done, 200, { ETag: '"step-v2"' }),
    });
    const { user } = renderBoard();

    const checkbox = await screen.findByRole('checkbox', { name: 'Call the clinic on Monday' });
    expect(checkbox).not.toBeChecked();
    await user.click(checkbox);

    await waitFor(() => expect(checkbox).toBeChecked());
    const [patch] = mock.calls('PATCH /steps/{step_id}');
    expect(new URL(patch!.url).pathname).toBe('/api/v1/steps/step-1');
    expect(patch!.headers.get('If-Match')).toBe('"step-v1"');
    expect(await patch!.json()).toEqual({ done: true });
  });

  it('does not overwrite a step someone else changed: nothing is sent and the box goes back', async () => {
    const step = makeStep({ id: 'step-1', description: 'Call the clinic on Monday' });
    const goal = makeGoal({ id: 'g-1', steps: [step] });
    const mock = mockApi({
      ...planRoutes(makePlan([goal])),
      'GET /steps/{step_id}': () =>
        json({ ...step, description: 'Call the clinic on Tuesday', updated_at: '2026-03-05T00:00:00Z' }, 200, {
          ETag: '"step-v7"',
        }),
    });
    const { user } = renderBoard();

    const checkbox = await screen.findByRole('checkbox', { name: 'Call the clinic on Monday' });
    await user.click(checkbox);

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this step');
    expect(checkbox).not.toBeChecked();
    expect(mock.calls('PATCH /steps/{step_id}')).toHaveLength(0);
  });

  it('edits a goal with the If-Match of the goal read, and on 412 keeps what was typed', async () => {
    const goal = makeGoal({ id: 'g-1', statement: 'Walk every morning', status: 'in-progress' });
    const changedElsewhere = { ...goal, status: 'improving' as const, updated_at: '2026-03-06T00:00:00Z' };
    const mock = mockApi({
      ...planRoutes(makePlan([goal])),
      'GET /goals/{goal_id}': [
        () => json(goal, 200, { ETag: '"goal-v1"' }),
        () => json(changedElsewhere, 200, { ETag: '"goal-v2"' }),
      ],
      'PATCH /goals/{goal_id}': [
        () => problem(412, 'The resource was changed by someone else; reload it and try again.'),
        () => json({ ...changedElsewhere, statement: 'Walk every morning before work' }, 200, { ETag: '"goal-v3"' }),
      ],
    });
    const { user } = renderBoard();

    await user.click(await screen.findByRole('button', { name: 'Edit goal: Walk every morning' }));
    const statement = await screen.findByLabelText(/^Goal, in their words/);
    expect(screen.getByText("Changing the goal asks Jose to agree to it again.")).toBeInTheDocument();
    await user.type(statement, ' before work');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this goal');
    expect(statement).toHaveValue('Walk every morning before work');
    await user.click(screen.getByRole('button', { name: 'Load the latest version' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Improving');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(mock.calls('PATCH /goals/{goal_id}')).toHaveLength(2));
    const [first, second] = mock.calls('PATCH /goals/{goal_id}');
    expect(first!.headers.get('If-Match')).toBe('"goal-v1"');
    expect(second!.headers.get('If-Match')).toBe('"goal-v2"');
    // Only what was changed here: the status someone else set stays theirs.
    expect(await second!.json()).toEqual({ statement: 'Walk every morning before work' });
  });

  it('offers to start a plan when there is none', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/plans': [
        () => json({ items: [], next_cursor: null }),
        () => json({ items: [makePlan([])], next_cursor: null }),
      ],
      'POST /participants/{participant_id}/plans': () => json(makePlan([]), 201),
      'GET /plans/{plan_id}': () => json(makePlan([])),
    });
    const { user } = renderBoard();

    await user.click(await screen.findByRole('button', { name: 'Start a recovery plan' }));
    expect(await screen.findByRole('region', { name: 'Health' })).toBeInTheDocument();
    expect(await mock.calls('POST /participants/{participant_id}/plans')[0]!.json()).toEqual({
      strengths: [],
      barriers: [],
      carry_over_open_goals: true,
    });
  });

  it('shows no controls when read-only', async () => {
    mockApi(planRoutes(makePlan([makeGoal({ steps: [makeStep()] })])));
    renderBoard({ readOnly: true });
    expect(await screen.findByRole('region', { name: 'Health' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add goal' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByText('Call the clinic on Monday')).toBeInTheDocument();
  });
});

