import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

const MARCUS_ID = '00000000-0000-4000-8000-0000000000c1';

function makeSpecialist(overrides: Partial<Schemas['SpecialistRead']> = {}): Schemas['SpecialistRead'] {
  return {
    id: MARCUS_ID,
    user_id: '00000000-0000-4000-8000-0000000000d1',
    display_name: 'Marcus Bell',
    max_caseload: 15,
    accepting_new: true,
    active_caseload: 4,
    substances: ['alcohol'],
    recovery_pathways: ['mutual_aid_12_step'],
    moud_affirming: false,
    languages: ['en'],
    gender: 'man',
    birth_decade: 1980,
    faith: null,
    veteran: false,
    justice_involved: false,
    lgbtq_affirming: false,
    region: null,
    ...overrides,
  };
}

function card(name: string) {
  return screen.getByRole('heading', { level: 2, name }).closest('li')!;
}

describe('specialists page', () => {
  it('lists profiles with their lived experience and caseload', async () => {
    mockApi({
      ...signedInRoutes('admin'),
      'GET /specialists': () =>
        json({ items: [makeSpecialist(), makeSpecialist({ id: 'lucia', display_name: 'Lucía Morales', accepting_new: false, gender: null })], next_cursor: null }),
    });
    renderApp({ path: '/specialists' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Specialists' })).toBeInTheDocument();
    const marcus = await screen.findByRole('heading', { level: 2, name: 'Marcus Bell' });
    const item = marcus.closest('li')!;
    expect(within(item).getByText('4 of 15 places taken')).toBeInTheDocument();
    expect(within(item).getByText('Twelve-step mutual aid')).toBeInTheDocument();
    expect(within(item).getByText('1980s')).toBeInTheDocument();
    expect(within(card('Lucía Morales')).getByText('Not taking new participants')).toBeInTheDocument();
    expect(screen.getByText('Showing 2 specialists.')).toBeInTheDocument();
  });

  it('reads the profile afresh and saves only what changed, with its ETag as If-Match', async () => {
    const mock = mockApi({
      ...signedInRoutes('supervisor'),
      'GET /specialists': () => json({ items: [makeSpecialist()], next_cursor: null }),
      'GET /specialists/{specialist_id}': () => json(makeSpecialist(), 200, { ETag: '"s-v1"' }),
      'PATCH /specialists/{specialist_id}': () =>
        json(makeSpecialist({ recovery_pathways: ['mutual_aid_12_step', 'smart_recovery'], region: 'Portland' }), 200, {
          ETag: '"s-v2"',
        }),
    });
    const { user } = renderApp({ path: '/specialists' });

    await user.click(await screen.findByRole('button', { name: 'Edit profile of Marcus Bell' }));
    const form = await screen.findByRole('form', { name: 'Edit Marcus Bell’s profile' });
    await user.click(within(form).getByRole('checkbox', { name: 'SMART Recovery' }));
    await user.type(within(form).getByLabelText(/^Area/), 'Portland');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Marcus Bell’s profile is saved.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit profile of Marcus Bell' })).toHaveFocus());
    const [patch] = mock.calls('PATCH /specialists/{specialist_id}');
    expect(new URL(patch!.url).pathname).toBe(`/api/v1/specialists/${MARCUS_ID}`);
    expect(patch!.headers.get('If-Match')).toBe('"s-v1"');
    expect(await patch!.json()).toEqual({ recovery_pathways: ['mutual_aid_12_step', 'smart_recovery'], region: 'Portland' });
  });

  it('on 412 keeps what was typed, shows what changed, and saves against the latest version', async () => {
    const mock = mockApi({
      ...signedInRoutes('admin'),
      'GET /specialists': () => json({ items: [makeSpecialist()], next_cursor: null }),
      'GET /specialists/{specialist_id}': [
        () => json(makeSpecialist(), 200, { ETag: '"s-v1"' }),
        () => json(makeSpecialist({ veteran: true }), 200, { ETag: '"s-v2"' }),
      ],
      'PATCH /specialists/{specialist_id}': [
        () => problem(412, 'The resource was changed by someone else; reload it and try again.'),
        () => json(makeSpecialist({ veteran: true, max_caseload: 12 }), 200, { ETag: '"s-v3"' }),
      ],
    });
    const { user } = renderApp({ path: '/specialists' });

    await user.click(await screen.findByRole('button', { name: 'Edit profile of Marcus Bell' }));
    const capacity = await screen.findByLabelText(/^Most participants at once/);
    await user.clear(capacity);
    await user.type(capacity, '12');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this profile');
    expect(capacity).toHaveValue('12');
    await user.click(screen.getByRole('button', { name: 'Load the latest version' }));
    expect(await screen.findByText('Veteran: yes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await screen.findByText('Marcus Bell’s profile is saved.');
    const patches = mock.calls('PATCH /specialists/{specialist_id}');
    expect(patches.map((request) => request.headers.get('If-Match'))).toEqual(['"s-v1"', '"s-v2"']);
    expect(await patches[1]!.json()).toEqual({ max_caseload: 12 });
  });

  it('says why a capacity below the caseload carried is refused (409), keeping the form', async () => {
    mockApi({
      ...signedInRoutes('admin'),
      'GET /specialists': () => json({ items: [makeSpecialist()], next_cursor: null }),
      'GET /specialists/{specialist_id}': () => json(makeSpecialist(), 200, { ETag: '"s-v1"' }),
      'PATCH /specialists/{specialist_id}': () =>
        problem(409, 'max_caseload cannot be below the 4 active matches this specialist has.'),
    });
    const { user } = renderApp({ path: '/specialists' });

    await user.click(await screen.findByRole('button', { name: 'Edit profile of Marcus Bell' }));
    const capacity = await screen.findByLabelText(/^Most participants at once/);
    expect(capacity).toHaveAccessibleDescription(/Now carrying 4 active matches/);
    await user.clear(capacity);
    await user.type(capacity, '3');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('cannot be below the 4 active matches');
    expect(capacity).toHaveValue('3');
  });

  it('is for admins and supervisors', async () => {
    mockApi(signedInRoutes('participant'));
    renderApp({ path: '/specialists' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available for your account' })).toBeInTheDocument();
  });
});
