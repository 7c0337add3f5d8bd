import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { RequireAuth } from '@/app/layout/require-auth';
import { makeUser, signedInRoutes } from '@/testing/data';
import { json, mockApi, problem, type Handler } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { emptyDay, makeCheckIn, makeTrend, PARTICIPANT_ID } from '../testing/check-in-data';
import { CheckInForm } from './check-in-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POST = 'POST /participants/{participant_id}/check-ins';

function participantApi(post: Handler | Handler[]) {
  return mockApi({
    ...signedInRoutes('participant'),
    [POST]: post,
    'GET /participants/{participant_id}/check-ins/trend': () => json(makeTrend([emptyDay('2026-03-01'), emptyDay('2026-03-02')])),
  });
}

type User = ReturnType<typeof renderApp>['user'];

async function answer(user: User, { mood = '4 Good', craving = '3', used = 'No' } = {}) {
  await user.click(await screen.findByRole('radio', { name: mood }));
  const cravingGroup = screen.getByRole('radiogroup', { name: /how strong are your cravings/i });
  await user.click(within(cravingGroup).getByRole('radio', { name: craving }));
  const usedGroup = screen.getByRole('radiogroup', { name: /have you used since your last check-in/i });
  await user.click(within(usedGroup).getByRole('radio', { name: used }));
}

describe('CheckInForm', () => {
  it('posts the answers with an Idempotency-Key, and retries a dropped connection with the same key', async () => {
    const mock = participantApi([
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(makeCheckIn({ mood: 4, craving: 3, sleep_hours: 6.5, note: 'Went to a meeting.' }), 201),
    ]);
    const { user } = renderApp({ path: '/me/check-in' });

    await answer(user);
    await user.type(screen.getByLabelText(/hours of sleep last night/i), '6.5');
    await user.type(screen.getByLabelText(/anything else you'd like to share/i), '  Went to a meeting. ');
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    expect(await screen.findByText('Thank you for checking in.', {}, { timeout: 4000 })).toBeInTheDocument();

    const posts = mock.calls(POST);
    expect(posts).toHaveLength(2);
    const [first, second] = posts;
    expect(new URL(first!.url).pathname).toBe(`/api/v1/participants/${PARTICIPANT_ID}/check-ins`);
    const key = first!.headers.get('Idempotency-Key');
    expect(key).toMatch(UUID);
    expect(second!.headers.get('Idempotency-Key')).toBe(key);
    const expected = {
      mood: 4,
      craving: 3,
      used_since_last: false,
      sleep_hours: 6.5,
      note: 'Went to a meeting.',
      wants_contact: false,
    };
    expect(await first!.json()).toEqual(expected);
    expect(await second!.json()).toEqual(expected);
    expect(mock.unhandled).toEqual([]);
  });

  it('keeps the key when the person presses Save again after an error, and makes a new one for changed answers', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const mock = participantApi([
      () => problem(503, 'The service is busy.'),
      () => problem(503, 'The service is busy.'),
      () => problem(503, 'The service is busy.'),
      () =>
        problem(422, 'Invalid.', {
          errors: [{ loc: ['body', 'note'], msg: 'String should have at most 2000 characters', type: 'string_too_long' }],
        }),
      () => json(makeCheckIn({ wants_contact: true }), 201),
    ]);
    const { user } = renderApp({ path: '/me/check-in', userOptions: { advanceTimers: vi.advanceTimersByTime } });

    await answer(user);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    // Two automatic retries (1 s, then 2 s later), then the person is told.
    await vi.advanceTimersByTimeAsync(4000);
    expect(await screen.findByRole('alert')).toHaveTextContent('The service is busy.');
    expect(mock.calls(POST)).toHaveLength(3);

    // Same answers, pressed again: still the same submission.
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByLabelText(/anything else you'd like to share/i)).toHaveAccessibleDescription(
      /at most 2000 characters/,
    );

    // Changed answers are a new submission: a new key (reusing the old one would be refused).
    await user.click(screen.getByLabelText("I'd like someone to contact me"));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByText(/you asked for someone to contact you/i)).toBeInTheDocument();

    const keys = mock.calls(POST).map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(5);
    expect(new Set(keys.slice(0, 4)).size).toBe(1);
    expect(keys[4]).toMatch(UUID);
    expect(keys[4]).not.toBe(keys[0]);
    expect((await mock.calls(POST)[4]!.json()).wants_contact).toBe(true);
  });

  it('after a crisis check-in, answers calmly with the 988 line and says the peer specialist will see it', async () => {
    participantApi(() =>
      json(
        makeCheckIn({
          mood: 1,
          craving: 9,
          wants_contact: true,
          risk_level: 'crisis',
          risk_reasons: ['asked for contact at the lowest mood'],
        }),
        201,
      ),
    );
    const { user } = renderApp({ path: '/me/check-in' });

    await answer(user, { mood: '1 Very low', craving: '9', used: 'No' });
    await user.click(screen.getByLabelText("I'd like someone to contact me"));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    const result = await screen.findByRole('region', { name: 'Thank you for checking in.' });
    expect(result).toHaveFocus();
    expect(within(result).getByText('Your peer specialist will see this.')).toBeInTheDocument();
    expect(within(result).getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    expect(within(result).getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
    // Calm: no risk label for the participant.
    expect(within(result).queryByText('Crisis')).not.toBeInTheDocument();
    expect(within(result).queryByText('High risk')).not.toBeInTheDocument();
  });

  it('a low-risk check-in does not bring up the crisis line', async () => {
    participantApi(() => json(makeCheckIn(), 201));
    const { user } = renderApp({ path: '/me/check-in' });

    await answer(user);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    const result = await screen.findByRole('region', { name: 'Thank you for checking in.' });
    expect(within(result).queryByRole('link', { name: 'Call 988' })).not.toBeInTheDocument();
    expect(within(result).queryByText('Your peer specialist will see this.')).not.toBeInTheDocument();
  });

  it('asks for the three answers before sending anything, and goes to the first one', async () => {
    const mock = participantApi(() => json(makeCheckIn(), 201));
    const { user } = renderApp({ path: '/me/check-in' });

    await user.click(await screen.findByRole('button', { name: 'Save check-in' }));

    const mood = screen.getByRole('radiogroup', { name: 'How is your mood today?' });
    expect(mood).toHaveAttribute('aria-invalid', 'true');
    expect(mood).toHaveAccessibleDescription(/choose how your mood is today/i);
    expect(screen.getByRole('radio', { name: '1 Very low' })).toHaveFocus();
    expect(screen.getByRole('radiogroup', { name: /have you used/i })).toHaveAccessibleDescription(
      /it's okay either way.*choose yes or no/i,
    );
    expect(mock.calls(POST)).toHaveLength(0);
  });

  it("shows staff the derived risk and its reasons when they check in on a participant's behalf", async () => {
    const onSaved = vi.fn();
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /me': () => json(makeUser('specialist')),
      [POST]: () =>
        json(
          makeCheckIn({
            mood: 2,
            craving: 8,
            risk_level: 'high',
            risk_reasons: ['strong craving'],
            entered_by_role: 'specialist',
          }),
          201,
        ),
    });
    const { user } = renderApp({
      routes: [
        {
          element: <RequireAuth />,
          children: [{ path: '/', element: <CheckInForm participantId={PARTICIPANT_ID} onSaved={onSaved} /> }],
        },
      ],
    });

    expect(await screen.findByText(/on the participant's behalf/i)).toBeInTheDocument();
    await answer(user, { mood: '2 Low', craving: '8', used: 'No' });
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    const result = await screen.findByRole('region', { name: /check-in saved/i });
    expect(within(result).getByText('High risk')).toBeInTheDocument();
    expect(within(result).getByText('Why: Strong craving')).toBeInTheDocument();
    expect(within(result).getByRole('link', { name: 'Call 988' })).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect((await mock.calls(POST)[0]!.json()).mood).toBe(2);

    // Another check-in starts from a clean form.
    await user.click(within(result).getByRole('button', { name: 'Start another check-in' }));
    expect(screen.getByRole('radio', { name: '2 Low' })).not.toBeChecked();
  });

  it('asks before leaving the page with unsaved answers', async () => {
    participantApi(() => json(makeCheckIn(), 201));
    const { user, router } = renderApp({ path: '/me/check-in' });

    await user.click(await screen.findByRole('radio', { name: '3 Okay' }));
    await user.click(screen.getByRole('link', { name: 'My plan' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/me/check-in');
    expect(screen.getByRole('radio', { name: '3 Okay' })).toBeChecked();
  });

  it('reports unsaved answers to a page that guards several forms, instead of guarding itself', async () => {
    const onDirtyChange = vi.fn();
    mockApi({ ...signedInRoutes('specialist'), [POST]: () => json(makeCheckIn({ entered_by_role: 'specialist' }), 201) });
    const { user } = renderApp({
      routes: [
        {
          element: <RequireAuth />,
          children: [
            { path: '/', element: <CheckInForm participantId={PARTICIPANT_ID} onDirtyChange={onDirtyChange} /> },
          ],
        },
      ],
    });

    await answer(user);
    expect(onDirtyChange).toHaveBeenLastCalledWith(true);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByRole('region', { name: /check-in saved/i });
    expect(onDirtyChange).toHaveBeenLastCalledWith(false);
  });
});
