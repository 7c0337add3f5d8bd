import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { cell, makeGroup, makeMeasure, makeSummary, SUPPRESSED } from '../testing/outcome-data';

const SUMMARY = 'GET /outcomes/summary';

// Housing has every figure; employment's discharge figure and both changes are suppressed.
const HOUSED = makeMeasure();
const EMPLOYED = makeMeasure({
  measure: 'employed',
  description: '% employed (full or part time)',
  intake: cell(21.6, 51),
  followup_6mo: cell(38.3, 47),
  discharge: SUPPRESSED,
  change_to_followup_6mo: SUPPRESSED,
  change_to_discharge: SUPPRESSED,
});
const SATISFACTION = makeMeasure({
  measure: 'satisfaction',
  description: 'mean satisfaction (1 to 5)',
  intake: SUPPRESSED,
  followup_6mo: cell(4.26, 47),
  discharge: cell(4.55, 42),
  change_to_followup_6mo: SUPPRESSED,
  change_to_discharge: SUPPRESSED,
});

describe('Outcomes dashboard', () => {
  beforeEach(() => {
    // jsdom has no layout: give the charts' containers a size, so recharts draws them.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ width: 320, height: 240 }));
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  });

  it('shows each measure with n, and suppressed figures as suppressed, never as zero or a gap', async () => {
    const mock = mockApi({
      ...signedInRoutes('supervisor'),
      [SUMMARY]: () => json(makeSummary([makeGroup([HOUSED, EMPLOYED, SATISFACTION])])),
    });
    const { user } = renderApp({ path: '/outcomes' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Outcomes' })).toBeInTheDocument();
    const employed = await screen.findByRole('figure', { name: 'Employed' });
    expect(employed).toHaveAccessibleDescription(
      '% employed (full or part time). Intake: 21.6% (n = 51). Six-month follow-up: 38.3% (n = 47). Discharge: Suppressed (fewer than 11 people).',
    );
    expect(within(employed).getByText('Change from intake: suppressed (fewer than 11 people have both surveys).')).toBeInTheDocument();
    const housed = screen.getByRole('figure', { name: 'Stably housed' });
    expect(within(housed).getByText(/by the follow-up \+44\.7 points \(n = 47\); by discharge \+45\.2 points \(n = 42\)/)).toBeInTheDocument();
    // Satisfaction is not asked at intake: its empty intake figure says so rather than "suppressed".
    const satisfaction = screen.getByRole('figure', { name: 'Satisfaction with the program' });
    expect(satisfaction).toHaveAccessibleDescription(/Intake: Not asked at intake\. Six-month follow-up: 4\.26 of 5 \(n = 47\)/);

    // The chart draws the suppressed bar with its word and says why under the axis.
    await waitFor(() => expect(within(employed).getByText('Suppressed')).toBeInTheDocument());
    expect(within(employed).getByText('fewer than 11')).toBeInTheDocument();
    expect(within(employed).getByText('n = 51')).toBeInTheDocument();
    expect(within(employed).getByText('21.6%')).toBeInTheDocument();
    expect(within(employed).queryByText(/^0(\.0)?%$/)).not.toBeInTheDocument();

    // The same figures as a table.
    const toggle = screen.getByRole('button', { name: 'Show the figures as a table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const table = screen.getByRole('table', { name: /Outcome figures for the whole organisation/ });
    const row = within(table).getByRole('row', { name: /^Employed/ });
    expect(within(row).getAllByRole('cell').map((td) => td.textContent)).toEqual([
      '21.6% (n = 51)',
      '38.3% (n = 47)',
      'Suppressed (fewer than 11 people)',
      'Suppressed (fewer than 11 people)',
      'Suppressed (fewer than 11 people)',
    ]);
    expect(new URL(mock.calls(SUMMARY)[0]!.url).searchParams.get('group_by')).toBe('organisation');
  });

  it('groups by intake quarter: starts with the latest quarter that has figures, and names an all-suppressed one', async () => {
    const allSuppressed = makeMeasure({
      intake: SUPPRESSED,
      followup_6mo: SUPPRESSED,
      discharge: SUPPRESSED,
      change_to_followup_6mo: SUPPRESSED,
      change_to_discharge: SUPPRESSED,
    });
    const mock = mockApi({
      ...signedInRoutes('admin'),
      [SUMMARY]: (request) =>
        new URL(request.url).searchParams.get('group_by') === 'intake_quarter'
          ? json(
              makeSummary([
                makeGroup([makeMeasure({ intake: cell(40, 12) })], '2025-Q2'),
                makeGroup([makeMeasure({ intake: cell(50, 13) })], '2025-Q3'),
                makeGroup([allSuppressed], '2026-Q2'),
              ]),
            )
          : json(makeSummary([makeGroup([HOUSED])])),
    });
    const { user } = renderApp({ path: '/outcomes' });
    await screen.findByRole('figure', { name: 'Stably housed' });

    await user.click(screen.getByRole('radio', { name: 'One intake quarter' }));
    const quarter = await screen.findByRole('combobox', { name: 'Intake quarter' });
    expect(quarter).toHaveValue('2025-Q3');
    expect(within(quarter).getAllByRole('option').map((option) => option.textContent)).toEqual([
      '2025-Q2',
      '2025-Q3',
      '2026-Q2 (every figure suppressed)',
    ]);
    expect(screen.getByText('Showing intake in 2025-Q3.')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Stably housed' })).toHaveAccessibleDescription(/Intake: 50\.0% \(n = 13\)/);

    await user.selectOptions(quarter, '2026-Q2');
    expect(screen.getByText(/Every figure is suppressed: fewer than 11 people answered each survey\./)).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Stably housed' })).toHaveAccessibleDescription(
      '% stably housed. Intake: Suppressed (fewer than 11 people). Six-month follow-up: Suppressed (fewer than 11 people). Discharge: Suppressed (fewer than 11 people).',
    );
    expect(mock.calls(SUMMARY).map((request) => new URL(request.url).searchParams.get('group_by'))).toEqual([
      'organisation',
      'intake_quarter',
    ]);
  });

  it('is for supervisors and admins only', async () => {
    mockApi(signedInRoutes('specialist'));
    renderApp({ path: '/outcomes' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available for your account' })).toBeInTheDocument();
  });
});
