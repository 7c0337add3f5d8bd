import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import type { Role } from '@/lib/auth/current-user';
import { makeUser, signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';
const PLAN_ID = '00000000-0000-4000-8000-0000000000c1';
const T0 = '2026-03-01T10:00:00Z';

const PARTICIPANT: Schemas['ParticipantRead'] = {
  id: PARTICIPANT_ID,
  organisation_id: '00000000-0000-4000-8000-0000000000aa',
  preferred_name: 'Jose',
  legal_name: null,
  pronouns: null,
  email: null,
  phone: null,
  primary_language: 'en',
  gender_identity: null,
  birth_year: null,
  substances: [],
  recovery_pathways: [],
  recovery_start_date: '2025-01-01',
  strengths: [],
  status: 'active',
  risk_level: 'low',
  days_in_recovery: 412,
  days_since_last_reported_use: 20,
  last_reported_use_at: '2026-02-12T12:00:00Z',
  enrolled_at: T0,
  withdrawn_at: null,
  withdrawal_reason: null,
  created_at: T0,
  updated_at: T0,
};

const PROGRESS = { goals: 0, achieved: 0, awaiting_agreement: 0, steps_total: 0, steps_done: 0, percent: 0 };
const PLAN = {
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
};

function pageRoutes(role: Role) {
  const empty = () => json({ items: [], next_cursor: null });
  return {
    ...signedInRoutes(role),
    'GET /me': () => json(makeUser(role)),
    'GET /participants/{participant_id}': () => json(PARTICIPANT, 200, { ETag: '"p-v1"' }),
    'GET /participants/{participant_id}/consents': empty,
    'GET /participants/{participant_id}/plans': () => json({ items: [PLAN], next_cursor: null }),
    'GET /plans/{plan_id}': () =>
      json({ ...PLAN, goals: [], progress: { health: PROGRESS, home: PROGRESS, purpose: PROGRESS, community: PROGRESS } }),
    'GET /participants/{participant_id}/check-ins/trend': () =>
      json({ participant_id: PARTICIPANT_ID, first_day: '2026-03-01', last_day: '2026-03-01', timezone: 'UTC', days: [] }),
    'GET /participants/{participant_id}/check-ins': empty,
    'GET /participants/{participant_id}/encounters': empty,
    'GET /participants/{participant_id}/assessments/trend': () =>
      json({
        instrument: 'barc10',
        points: [],
        summary: { count: 0, first_total: null, latest_total: null, change: null, latest_meets_threshold: null },
      }),
    'GET /participants/{participant_id}/assessments': empty,
    'GET /participants/{participant_id}/outcome-surveys': empty,
    'GET /outcomes/due': empty,
    'GET /caseload': empty,
    'GET /participants/{participant_id}/matches': empty,
    'GET /participants/{participant_id}/matching-preferences': () =>
      json({ participant_id: PARTICIPANT_ID, languages: [], priorities: [], updated_at: null }, 200, { ETag: '"m-0"' }),
    'GET /participants/{participant_id}/match-suggestions': () => json({ items: [] }),
    'GET /participants/{participant_id}/crisis-contacts': () => json({ items: [] }),
    'GET /participants/{participant_id}/safety-plan': () =>
      json(
        {
          participant_id: PARTICIPANT_ID,
          version: 0,
          warning_signs: [],
          internal_coping: [],
          social_distractions: [],
          people_to_ask: [],
          professionals: ['988 Suicide & Crisis Lifeline: call or text 988, any time'],
          environment_safety: [],
          written_by_user_id: null,
          written_by_role: null,
          created_at: null,
        },
        200,
        { ETag: '"plan-0"' },
      ),
  };
}

describe('participant page', () => {
  it('is titled with the preferred name and has a section for each part of the record', async () => {
    const mock = mockApi(pageRoutes('specialist'));
    renderApp({ path: `/participants/${PARTICIPANT_ID}` });

    expect(await screen.findByRole('heading', { level: 1, name: 'Jose' })).toBeInTheDocument();
    expect(screen.getByText('412 days in recovery')).toBeInTheDocument();
    expect(screen.getByText('Last reported use: 20 days ago')).toBeInTheDocument();

    const sections = [
      'Profile',
      'Peer match',
      'Crisis plan',
      'Consents',
      'Recovery plan',
      'Check-ins',
      'Encounters',
      'Assessments',
      'Outcome surveys',
    ];
    for (const name of sections) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(sections);

    for (const name of ['Health', 'Home', 'Purpose', 'Community']) {
      expect(await screen.findByRole('region', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Add goal' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit profile' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record a check-in' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Crisis contacts' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Safety plan' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Add a crisis contact' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Write the safety plan' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Record an outcome survey' })).toBeInTheDocument();
    expect(mock.unhandled).toEqual([]);
  });

  it('moves focus to a section from the in-page navigation', async () => {
    mockApi(pageRoutes('specialist'));
    const { user } = renderApp({ path: `/participants/${PARTICIPANT_ID}` });
    const nav = await screen.findByRole('navigation', { name: 'On this page' });
    Element.prototype.scrollIntoView = () => {};
    await user.click(within(nav).getByRole('link', { name: 'Encounters' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Encounters' })).toHaveFocus();
  });

  it('asks before leaving while a form on the page has unsaved changes', async () => {
    mockApi(pageRoutes('specialist'));
    const { user, router } = renderApp({ path: `/participants/${PARTICIPANT_ID}` });

    await user.click(await screen.findByRole('button', { name: 'Add goal' }));
    await user.type(screen.getByLabelText(/^Goal, in their words/), 'Get my license back');
    await user.click(screen.getByRole('link', { name: 'Caseload' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe(`/participants/${PARTICIPANT_ID}`);
    expect(screen.getByLabelText(/^Goal, in their words/)).toHaveValue('Get my license back');
  });

  it('still guards the page while the check-in form is open', async () => {
    mockApi(pageRoutes('specialist'));
    const { user } = renderApp({ path: `/participants/${PARTICIPANT_ID}` });

    await user.click(await screen.findByRole('button', { name: 'Add goal' }));
    await user.type(screen.getByLabelText(/^Goal, in their words/), 'Get my license back');
    await user.click(screen.getByRole('button', { name: 'Record a check-in' }));
    await user.click(screen.getByRole('link', { name: 'Caseload' }));

    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeInTheDocument();
  });

  it('counts answers in the check-in form as unsaved changes, and asks before closing it', async () => {
    mockApi(pageRoutes('specialist'));
    const { user } = renderApp({ path: `/participants/${PARTICIPANT_ID}` });

    await user.click(await screen.findByRole('button', { name: 'Record a check-in' }));
    const form = screen.getByRole('heading', { name: 'Record a check-in with Jose' }).parentElement!;
    await user.click(within(form).getAllByRole('radio')[0]!);
    await user.click(screen.getByRole('link', { name: 'Caseload' }));
    const leave = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(leave).getByRole('button', { name: 'Stay on this page' }));

    await user.click(screen.getByRole('button', { name: 'Close the check-in form' }));
    const discard = screen.getByRole('dialog', { name: 'Discard this check-in?' });
    await user.click(within(discard).getByRole('button', { name: 'Discard and close' }));
    expect(screen.getByRole('button', { name: 'Record a check-in' })).toBeInTheDocument();
  });

  it('lets an admin read the record without the controls that change it', async () => {
    mockApi(pageRoutes('admin'));
    renderApp({ path: `/participants/${PARTICIPANT_ID}` });

    expect(await screen.findByRole('heading', { level: 1, name: 'Jose' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Health' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add goal' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log an encounter' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take a BARC-10' })).not.toBeInTheDocument();
    expect(await screen.findByText(/No safety plan yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Write the safety plan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a crisis contact' })).not.toBeInTheDocument();
  });

  it('counts an unsaved safety plan as unsaved changes', async () => {
    mockApi(pageRoutes('specialist'));
    const { user } = renderApp({ path: `/participants/${PARTICIPANT_ID}` });

    await user.click(await screen.findByRole('button', { name: 'Write the safety plan' }));
    await user.click(screen.getByRole('button', { name: 'Add a line to step 1' }));
    await user.type(screen.getByLabelText('Warning sign 1'), 'Not sleeping');
    await user.click(screen.getByRole('link', { name: 'Caseload' }));

    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeInTheDocument();
  });

  it('says when the record cannot be found', async () => {
    mockApi({
      ...pageRoutes('specialist'),
      'GET /participants/{participant_id}': () => problem(404, 'Not found.'),
    });
    renderApp({ path: `/participants/${PARTICIPANT_ID}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Participant not found' })).toBeInTheDocument();
  });
});

describe('my plan', () => {
  it("shows the participant's own plan in their words", async () => {
    mockApi({
      ...pageRoutes('participant'),
      'GET /plans/{plan_id}': () =>
        json({
          ...PLAN,
          goals: [
            {
              id: 'g1',
              plan_id: PLAN_ID,
              participant_id: PARTICIPANT_ID,
              dimension: 'purpose',
              statement: 'Finish my GED',
              status: 'in-progress',
              target_date: null,
              agreed_by_participant_at: null,
              created_by_user_id: null,
              updated_by_user_id: null,
              created_at: T0,
              updated_at: T0,
              steps: [],
              awaiting_agreement: true,
            },
          ],
          progress: { health: PROGRESS, home: PROGRESS, purpose: { ...PROGRESS, goals: 1 }, community: PROGRESS },
        }),
    });
    const { user } = renderApp({ path: '/me/plan' });

    expect(await screen.findByRole('heading', { level: 1, name: 'My plan' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Your goals, in your words' })).toBeInTheDocument();
    const purpose = await screen.findByRole('region', { name: 'Purpose' });
    expect(within(purpose).getByText('Waiting for your agreement')).toBeInTheDocument();
    expect(within(purpose).getByRole('button', { name: 'Agree to goal: Finish my GED' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(screen.getByLabelText(/^My goal, in my words/)).toBeInTheDocument();
  });
});
