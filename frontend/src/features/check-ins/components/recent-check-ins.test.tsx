import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { RequireAuth } from '@/app/layout/require-auth';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { makeCheckIn, PARTICIPANT_ID } from '../testing/check-in-data';
import { RecentCheckIns } from './recent-check-ins';

const LIST = 'GET /participants/{participant_id}/check-ins';

describe('RecentCheckIns', () => {
  it('lists check-ins with their risk and its reasons, newest first, and shows more on request', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      [LIST]: [
        () =>
          json({
            items: [
              makeCheckIn({
                id: 'c2',
                mood: 2,
                craving: 8,
                used_since_last: true,
                wants_contact: true,
                note: 'Rough night.',
                risk_level: 'high',
                risk_reasons: ['strong craving', 'reported use with low mood'],
                entered_by_role: 'specialist',
              }),
            ],
            next_cursor: 'next',
          }),
        () => json({ items: [makeCheckIn({ id: 'c1' })], next_cursor: null }),
      ],
    });
    const { user } = renderApp({
      routes: [
        {
          element: <RequireAuth />,
          children: [{ path: '/', element: <RecentCheckIns participantId={PARTICIPANT_ID} pageSize={1} /> }],
        },
      ],
    });

    const list = await screen.findByRole('list', { name: 'Recent check-ins' });
    const [first] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('High risk');
    expect(first).toHaveTextContent('Mood 2 (Low) · Craving 8 of 10 · Used since last check-in: yes');
    expect(first).toHaveTextContent('Why: Strong craving, reported use with low mood');
    expect(first).toHaveTextContent('Asked to be contacted');
    expect(first).toHaveTextContent('Rough night.');
    expect(first).toHaveTextContent("Entered by staff on the participant's behalf");

    await user.click(screen.getByRole('button', { name: 'Show more check-ins' }));
    expect(await within(list).findByText('Low risk')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show more check-ins' })).not.toBeInTheDocument();
    expect(new URL(mock.calls(LIST)[1]!.url).searchParams.get('cursor')).toBe('next');
  });
});
