import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { makeSafetyPlan, PARTICIPANT_ID } from '../testing/crisis-data';

import { SafetyPlanSection } from './safety-plan-section';

const STEP_TITLES = [
  'Step 1: My warning signs',
  'Step 2: Things I can do on my own',
  'Step 3: People and places that take my mind off things',
  'Step 4: People I can ask for help',
  'Step 5: Professionals and crisis lines I can call',
  'Step 6: Making my surroundings safe',
];

function renderSection({ canEdit = true } = {}) {
  return renderApp({
    path: '/',
    routes: [
      {
        path: '/',
        element: <SafetyPlanSection participantId={PARTICIPANT_ID} participantName="José" canEdit={canEdit} />,
      },
    ],
  });
}

const V1 = makeSafetyPlan({ version: 1, written_by_role: 'specialist', environment_safety: [] });
const V2 = makeSafetyPlan();

function versions() {
  return json({ items: [V2, V1], next_cursor: null });
}

describe('SafetyPlanSection', () => {
  it('shows the six steps under their plain-language titles', async () => {
    mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/safety-plan': () => json(V2, 200, { ETag: '"plan-v2"' }),
      'GET /participants/{participant_id}/safety-plan/versions': versions,
    });
    renderSection();

    expect(await screen.findByText(/^Version 2, saved .* by José\.$/)).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent).slice(0, 6)).toEqual(STEP_TITLES);
    expect(screen.getByText('Skipping Mass two Sundays in a row')).toBeInTheDocument();
    expect(screen.getByText('Nothing written yet.')).toBeInTheDocument(); // step 3 is empty
  });

  it('writes the first version from the blank one, sending its ETag', async () => {
    const blank = makeSafetyPlan({
      version: 0,
      warning_signs: [],
      internal_coping: [],
      people_to_ask: [],
      environment_safety: [],
      written_by_role: null,
      written_by_user_id: null,
      created_at: null,
    });
    const written = makeSafetyPlan({ version: 1, written_by_role: 'specialist', warning_signs: ['Not sleeping'], internal_coping: [], people_to_ask: [], environment_safety: [] });
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/safety-plan': () => json(blank, 200, { ETag: '"plan-v0"' }),
      'PUT /participants/{participant_id}/safety-plan': () => json(written, 201, { ETag: '"plan-v1"' }),
    });
    const { user } = renderSection();

    expect(await screen.findByText(/No safety plan yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Write the safety plan' }));
    const form = screen.getByRole('form', { name: 'Edit the safety plan' });
    const step1 = within(form).getByRole('group', { name: 'Step 1: My warning signs' });
    await user.click(within(step1).getByRole('button', { name: 'Add a line to step 1' }));
    await waitFor(() => expect(within(step1).getByLabelText('Warning sign 1')).toHaveFocus());
    await user.keyboard('  Not sleeping  ');
    // An empty line is left out when saving.
    await user.click(within(step1).getByRole('button', { name: 'Add a line to step 1' }));
    await user.click(within(form).getByRole('button', { name: 'Save the safety plan' }));

    expect(await screen.findByText('The safety plan is saved as version 1.')).toBeInTheDocument();
    const [request] = mock.calls('PUT /participants/{participant_id}/safety-plan');
    expect(request!.headers.get('If-Match')).toBe('"plan-v0"');
    expect(await request!.json()).toEqual({
      warning_signs: ['Not sleeping'],
      internal_coping: [],
      social_distractions: [],
      people_to_ask: [],
      professionals: ['988 Suicide & Crisis Lifeline: call or text 988, any time'],
      environment_safety: [],
    });
  });

  it('on 412 keeps what was typed, says to load the latest version, then saves on top of it', async () => {
    const byJose = makeSafetyPlan({ version: 3, internal_coping: ['Walk the dog', 'Call my brother'] });
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/safety-plan': [
        () => json(V2, 200, { ETag: '"plan-v2"' }),
        () => json(byJose, 200, { ETag: '"plan-v3"' }),
      ],
      'GET /participants/{participant_id}/safety-plan/versions': versions,
      'PUT /participants/{participant_id}/safety-plan': [
        () => problem(412, 'The resource was changed by someone else; reload it and try again.'),
        () => json(makeSafetyPlan({ version: 4 }), 200, { ETag: '"plan-v4"' }),
      ],
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Edit the safety plan' }));
    const form = screen.getByRole('form', { name: 'Edit the safety plan' });
    const step6 = within(form).getByRole('group', { name: 'Step 6: Making my surroundings safe' });
    await user.click(within(step6).getByRole('button', { name: 'Remove step to stay safe 1' }));
    await user.click(within(step6).getByRole('button', { name: 'Add a line to step 6' }));
    await waitFor(() => expect(within(step6).getByLabelText('Step to stay safe 1')).toHaveFocus());
    await user.keyboard('Ana keeps the spare key');
    await user.click(within(form).getByRole('button', { name: 'Save the safety plan' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else saved a newer version of this safety plan while you were editing it.');
    expect(within(step6).getByLabelText('Step to stay safe 1')).toHaveValue('Ana keeps the spare key');

    await user.click(within(alert).getByRole('button', { name: 'Load the latest version' }));
    expect(await within(form).findByText(/The latest version is loaded: Version 3/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save the safety plan' }));
    expect(await screen.findByText('The safety plan is saved as version 4.')).toBeInTheDocument();

    const [first, second] = mock.calls('PUT /participants/{participant_id}/safety-plan');
    expect(first!.headers.get('If-Match')).toBe('"plan-v2"');
    expect(second!.headers.get('If-Match')).toBe('"plan-v3"');
    expect((await second!.json()).environment_safety).toEqual(['Ana keeps the spare key']);
  });

  it('opens an earlier version read-only', async () => {
    mockApi({
      ...signedInRoutes('admin'),
      'GET /participants/{participant_id}/safety-plan': () => json(V2, 200, { ETag: '"plan-v2"' }),
      'GET /participants/{participant_id}/safety-plan/versions': versions,
      'GET /participants/{participant_id}/safety-plan/versions/{version}': () => json(V1),
    });
    const { user } = renderSection({ canEdit: false });

    expect(await screen.findByText(/^Version 2, saved/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit the safety plan/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'View version 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Safety plan, version 1' });
    expect(await within(dialog).findByText(/by a peer specialist\. Read only\./)).toBeInTheDocument();
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(STEP_TITLES);
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
  });
});
