import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { RequireAuth } from '@/app/layout/require-auth';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import type { CheckInTrendDay } from '../api/get-check-in-trend';
import { emptyDay, makeTrend, PARTICIPANT_ID } from '../testing/check-in-data';
import { CheckInTrend, summarise } from './check-in-trend';

const TREND = 'GET /participants/{participant_id}/check-ins/trend';

function day(date: string, overrides: Partial<CheckInTrendDay> = {}): CheckInTrendDay {
  return {
    date,
    check_ins: 1,
    mood: 4,
    craving_max: 2,
    craving_mean: 2,
    used: false,
    risk_level: 'low',
    ...overrides,
  };
}

const DAYS = [
  day('2026-03-01', { mood: 2, craving_max: 7, craving_mean: 7, used: true, risk_level: 'high' }),
  emptyDay('2026-03-02'),
  emptyDay('2026-03-03'),
  day('2026-03-04', { check_ins: 2, mood: 3.5, craving_max: 4, craving_mean: 3, risk_level: 'low' }),
];

function renderTrend(days?: number) {
  return renderApp({
    routes: [
      {
        element: <RequireAuth />,
        children: [
          {
            path: '/',
            element: <CheckInTrend participantId={PARTICIPANT_ID} {...(days !== undefined && { days })} />,
          },
        ],
      },
    ],
  });
}

describe('CheckInTrend', () => {
  beforeEach(() => {
    // jsdom has no layout: recharts only needs the observer to exist.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  });

  it('names the chart, describes it in words, and offers a table where days without a check-in say so', async () => {
    const mock = mockApi({ ...signedInRoutes('specialist'), [TREND]: () => json(makeTrend(DAYS)) });
    const { user } = renderTrend(14);

    const figure = await screen.findByRole('figure', { name: 'Mood and craving, last 4 days' });
    expect(figure).toHaveAccessibleDescription(/3 check-ins on 2 of 4 days/);
    expect(figure).toHaveAccessibleDescription(/use reported on 1 day/i);

    const request = mock.calls(TREND)[0]!;
    const query = new URL(request.url).searchParams;
    expect(query.get('days')).toBe('14');
    expect(query.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);

    const toggle = within(figure).getByRole('button', { name: 'Show as table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide table');

    const table = within(figure).getByRole('table', { name: /check-ins by day/i });
    const rows = within(table).getAllByRole('row').slice(1); // after the header row
    expect(rows).toHaveLength(4);
    // Newest first; gaps are "No check-in", never zeros.
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['2', '3.5', '4', 'No', 'Low risk'],
      ['No check-in'],
      ['No check-in'],
      ['1', '2 (Low)', '7', 'Yes', 'High risk'],
    ]);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent(/Mar/);
  });

  it('changes the window to 90 days', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      [TREND]: (request) => {
        const days = Number(new URL(request.url).searchParams.get('days'));
        const start = Date.UTC(2026, 0, 1);
        return json(
          makeTrend(
            Array.from({ length: days }, (_, index) =>
              emptyDay(new Date(start + index * 86_400_000).toISOString().slice(0, 10)),
            ),
          ),
        );
      },
    });
    const { user } = renderTrend();

    expect(await screen.findByRole('figure', { name: 'Mood and craving, last 30 days' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '30 days' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '90 days' }));
    expect(await screen.findByRole('figure', { name: 'Mood and craving, last 90 days' })).toBeInTheDocument();
    expect(mock.calls(TREND).map((request) => new URL(request.url).searchParams.get('days'))).toEqual(['30', '90']);
    expect(screen.getByText('No check-ins in the last 90 days.')).toBeInTheDocument();
  });

  it('summarises direction, range and the latest day', () => {
    const days = [
      day('2026-03-01', { mood: 2 }),
      day('2026-03-02', { mood: 2 }),
      emptyDay('2026-03-03'),
      day('2026-03-04', { mood: 4 }),
      day('2026-03-05', { mood: 5, craving_max: 1 }),
    ];
    const text = summarise(days);
    expect(text).toContain('4 check-ins on 4 of 5 days.');
    expect(text).toContain('Mood averaged 3.3 out of 5 (lowest 2, highest 5).');
    expect(text).toContain('Mood has been higher lately.');
    expect(text).toContain('No use reported.');
    expect(text).toMatch(/Latest check-in .*: mood 5, craving 1\.$/);
    expect(summarise([emptyDay('2026-03-01')])).toBe('No check-ins in the last 1 day.');
  });
});
