import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { RequireAuth } from '@/app/layout/require-auth';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem, type Handler } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { makeDueItem, makeSurvey, PARTICIPANT_ID } from '../testing/outcome-data';
import type { OutcomeSurvey } from '../types';

import { OutcomeSurveysSection } from './outcome-surveys-section';

const LIST = 'GET /participants/{participant_id}/outcome-surveys';
const CREATE = 'POST /participants/{participant_id}/outcome-surveys';
const DUE = 'GET /outcomes/due';
const READ = 'GET /outcome-surveys/{survey_id}';
const CORRECT = 'PATCH /outcome-surveys/{survey_id}';

function surveys(...items: OutcomeSurvey[]): Handler {
  return () => json({ items, next_cursor: null });
}

function renderSection(routes: Parameters<typeof mockApi>[0], { active = true, canRecord = true } = {}) {
  const mock = mockApi({
    ...signedInRoutes('specialist'),
    [LIST]: surveys(),
    [DUE]: () => json({ items: [makeDueItem({ timepoint: 'intake', due_on: '2026-03-01', window_opens_on: '2026-03-01', window_closes_on: '2026-03-31' })], next_cursor: null }),
    ...routes,
  });
  const rendered = renderApp({
    routes: [
      {
        element: <RequireAuth />,
        children: [
          {
            path: '/',
            element: (
              <OutcomeSurveysSection
                participantId={PARTICIPANT_ID}
                participantName="José"
                participantActive={active}
                canRecord={canRecord}
              />
            ),
          },
        ],
      },
    ],
  });
  return { mock, ...rendered };
}

const COUNTS = [
  ['Days they drank alcohol', '3'],
  ['Days they used drugs', '0'],
  ['Times arrested', '0'],
  ['Emergency room visits', '1'],
  ['Nights in hospital as an inpatient', '0'],
] as const;

async function answerEverything(user: UserEvent) {
  for (const [label, value] of COUNTS) {
    await user.type(screen.getByRole('spinbutton', { name: new RegExp(`^${label}`) }), value);
  }
  await user.selectOptions(screen.getByRole('combobox', { name: /^Housing/ }), 'stable');
  await user.selectOptions(screen.getByRole('combobox', { name: /^Work or study/ }), 'employed_part_time');
  await user.click(within(screen.getByRole('group', { name: 'Were they in treatment in the past 30 days?' })).getByRole('radio', { name: 'Yes' }));
  await user.click(within(screen.getByRole('group', { name: /people to turn to/ })).getByRole('radio', { name: 'No' }));
}

async function openForm(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Record an outcome survey' }));
  return screen.getByRole('form', { name: 'Record an outcome survey with José' });
}

describe('outcome surveys on the participant page', () => {
  it('shows the next survey owed, found in the due list, with its window', async () => {
    const other = makeDueItem({ participant_id: 'someone-else', preferred_name: 'Zoë' });
    const { mock } = renderSection({
      [DUE]: [
        () => json({ items: [other], next_cursor: 'page-2' }),
        () => json({ items: [makeDueItem({ status: 'overdue' })], next_cursor: null }),
      ],
      [LIST]: surveys(makeSurvey()),
    });

    expect(await screen.findByText('Overdue')).toBeInTheDocument();
    expect(screen.getByText(/Six-month follow-up/, { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText(/Window .* to /)).toHaveTextContent(/closed \d+ days? ago/);
    const [first, second] = mock.calls(DUE).map((request) => new URL(request.url).searchParams);
    expect(first?.get('horizon_days')).toBe('180');
    expect(second?.get('cursor')).toBe('page-2');
    // The intake survey in the table, the follow-up and discharge not taken yet.
    const table = screen.getByRole('table', { name: /outcome survey answers/i });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Measure',
      expect.stringMatching(/^IntakeMar 2, 2026/),
      'Six-month follow-upNot taken',
      'DischargeNot taken',
    ]);
    expect(within(table).getByRole('row', { name: /Days drinking alcohol/ })).toHaveTextContent('12');
  });

  it('does not ask about satisfaction at intake, and does at the follow-up and discharge', async () => {
    const { user } = renderSection({});
    await openForm(user);

    const timepoint = screen.getByRole('combobox', { name: /^Survey/ });
    expect(timepoint).toHaveValue('intake');
    expect(screen.queryByRole('group', { name: /satisfied/ })).not.toBeInTheDocument();
    expect(screen.getByText('Satisfaction with the program is not asked at intake.')).toBeInTheDocument();
    // Every count says what it is about.
    expect(screen.getByRole('spinbutton', { name: /^Days they drank alcohol/ })).toHaveAccessibleDescription(
      'In the past 30 days (0 to 30).',
    );

    await user.selectOptions(timepoint, 'discharge');
    const satisfaction = screen.getByRole('group', { name: 'How satisfied are they with the program?' });
    await user.click(within(satisfaction).getByRole('radio', { name: '4 Satisfied' }));
    await user.selectOptions(timepoint, 'intake');
    expect(screen.queryByRole('group', { name: /satisfied/ })).not.toBeInTheDocument();
  });

  it('checks every answer before sending, and focuses the first one to change', async () => {
    const { mock, user } = renderSection({});
    await openForm(user);
    await user.type(screen.getByRole('spinbutton', { name: /^Days they used drugs/ }), '31');
    await user.click(screen.getByRole('button', { name: 'Save intake survey' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Some answers need another look');
    const alcohol = screen.getByRole('spinbutton', { name: /^Days they drank alcohol/ });
    expect(alcohol).toHaveFocus();
    expect(alcohol).toHaveAccessibleDescription(/Enter a number from 0 to 30\./);
    expect(screen.getByRole('spinbutton', { name: /^Days they used drugs/ })).toHaveAccessibleDescription(
      /Enter a whole number from 0 to 30\./,
    );
    expect(screen.getByRole('combobox', { name: /^Housing/ })).toHaveAccessibleDescription(/Choose their housing\./);
    expect(screen.getByRole('group', { name: 'Were they in treatment in the past 30 days?' })).toHaveAccessibleDescription(
      /Choose yes or no\./,
    );
    expect(mock.calls(CREATE)).toHaveLength(0);
  });

  it('records the survey with an Idempotency-Key that a retry of the same answers reuses', async () => {
    const saved = makeSurvey({ administered_on: '2026-03-02', alcohol_days: 3 });
    const { mock, user } = renderSection({
      [CREATE]: [() => problem(500, 'Something went wrong on our side.'), () => json(saved, 201)],
      [LIST]: [surveys(), surveys(saved)],
    });
    await openForm(user);
    await answerEverything(user);
    await user.click(screen.getByRole('button', { name: 'Save intake survey' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');

    await user.click(screen.getByRole('button', { name: 'Save intake survey' }));
    expect(await screen.findByText('Saved: the intake survey of Mar 2, 2026.')).toHaveFocus();

    const [first, second] = mock.calls(CREATE);
    const key = first?.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers.get('Idempotency-Key')).toBe(key);
    expect(await second?.json()).toEqual({
      timepoint: 'intake',
      alcohol_days: 3,
      drug_days: 0,
      arrests: 0,
      er_visits: 1,
      inpatient_nights: 0,
      housing: 'stable',
      employment: 'employed_part_time',
      in_treatment: true,
      social_support: false,
    });
    expect(await screen.findByRole('table', { name: /outcome survey answers/i })).toBeInTheDocument();
  });

  it('says a timepoint already recorded (409) is corrected instead, and keeps the answers', async () => {
    const { user } = renderSection({
      [CREATE]: () => problem(409, 'The intake survey has already been taken; correct it instead.'),
    });
    await openForm(user);
    await answerEverything(user);
    await user.click(screen.getByRole('button', { name: 'Save intake survey' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The intake survey has already been recorded for this participant, and each survey is taken once. To change its answers, use “Correct” on it instead.',
    );
    expect(screen.getByRole('spinbutton', { name: /^Days they drank alcohol/ })).toHaveValue(3);
    expect(screen.getByRole('combobox', { name: /^Housing/ })).toHaveValue('stable');
  });

  it('says when the follow-up window opens when it is too early (422), and cannot pick a taken timepoint', async () => {
    const { user } = renderSection({
      [LIST]: surveys(makeSurvey()),
      [DUE]: () =>
        json({
          items: [makeDueItem({ status: 'upcoming', window_opens_on: '2099-08-03', window_closes_on: '2099-11-01', due_on: '2099-09-02' })],
          next_cursor: null,
        }),
      [CREATE]: () => problem(422, 'The six-month follow-up window opens on 2099-08-03.'),
    });
    await openForm(user);
    const timepoint = screen.getByRole('combobox', { name: /^Survey/ });
    expect(timepoint).toHaveValue('followup_6mo');
    expect(timepoint).toHaveAccessibleDescription(/cannot be recorded before Aug 3, 2099/);
    expect(within(timepoint).getByRole('option', { name: 'Intake (already recorded)' })).toBeDisabled();

    await answerEverything(user);
    await user.click(screen.getByRole('button', { name: 'Save six-month follow-up survey' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'It is too early for the six-month follow-up: its window opens on Aug 3, 2099. Record it on or after that day.',
    );
  });

  it('offers only the discharge survey once they have left the program', async () => {
    const { user } = renderSection({ [DUE]: () => json({ items: [], next_cursor: null }) }, { active: false });
    expect(await screen.findByText(/only the discharge survey can still be recorded/)).toBeInTheDocument();
    await openForm(user);
    const timepoint = screen.getByRole('combobox', { name: /^Survey/ });
    expect(timepoint).toHaveValue('discharge');
    expect(within(timepoint).getByRole('option', { name: /^Intake \(only discharge/ })).toBeDisabled();
  });

  it('corrects a survey with If-Match; after a 412 it keeps the change and sends it against the latest version', async () => {
    const v1 = makeSurvey();
    const v2 = makeSurvey({ version: 2, housing: 'homeless' });
    const v3 = makeSurvey({ version: 3, housing: 'homeless', alcohol_days: 10 });
    const { mock, user } = renderSection({
      [LIST]: [surveys(v1), surveys(v3)],
      [READ]: [() => json(v1, 200, { ETag: '"s-v1"' }), () => json(v2, 200, { ETag: '"s-v2"' })],
      [CORRECT]: [
        () => problem(412, 'The resource was changed by someone else; reload it and try again.'),
        () => json(v3, 200, { ETag: '"s-v3"' }),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Correct the intake survey' }));
    const form = await screen.findByRole('form', { name: 'Correct the intake survey' });
    const alcohol = within(form).getByRole('spinbutton', { name: /^Days they drank alcohol/ });
    expect(alcohol).toHaveValue(12);
    await user.clear(alcohol);
    await user.type(alcohol, '10');
    await user.click(within(form).getByRole('button', { name: 'Save the correction' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('Someone else corrected this survey');
    expect(alcohol).toHaveValue(10);
    await user.click(within(form).getByRole('button', { name: 'Load the latest version' }));
    expect(await within(form).findByText(/The latest version is loaded/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save the correction' }));

    expect(await screen.findByText('Corrected: the intake survey of Mar 2, 2026.')).toBeInTheDocument();
    const [first, second] = mock.calls(CORRECT);
    expect(first?.headers.get('If-Match')).toBe('"s-v1"');
    expect(second?.headers.get('If-Match')).toBe('"s-v2"');
    // Only what the person changed: the other correction (housing) is left alone.
    expect(await second?.json()).toEqual({ alcohol_days: 10 });
    await waitFor(() => expect(screen.getByRole('row', { name: /Days drinking alcohol/ })).toHaveTextContent('10'));
  });

  it('lets those who only read see the surveys without the buttons that change them', async () => {
    renderSection({ [LIST]: surveys(makeSurvey()) }, { canRecord: false });
    expect(await screen.findByRole('table', { name: /outcome survey answers/i })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record an outcome survey' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Correct/ })).not.toBeInTheDocument();
  });
});
