import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem, type Handler } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { AssessmentsSection } from './assessments-section';

const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';

// As GET /assessment-instruments answers (app/assessments/scoring.py).
const INSTRUMENTS: Schemas['AssessmentInstruments'] = {
  "barc10": {
    "instrument": "barc10",
    "name": "Brief Assessment of Recovery Capital (BARC-10)",
    "citation": "Vilsaint CL, Kelly JF, Bergman BG, Groshkova T, Best D, White W. Development and validation of a Brief Assessment of Recovery Capital (BARC-10) for alcohol and drug use disorder. Drug and Alcohol Dependence. 2017;177:71-76.",
    "items": [
      {
        "number": 1,
        "text": "There are more important things to me in life than using substances."
      },
      {
        "number": 2,
        "text": "In general I am happy with my life."
      },
      {
        "number": 3,
        "text": "I have enough energy to complete the tasks I set myself."
      },
      {
        "number": 4,
        "text": "I am proud of the community I live in and feel a part of it."
      },
      {
        "number": 5,
        "text": "I get lots of support from friends."
      },
      {
        "number": 6,
        "text": "I regard my life as challenging and fulfilling without the need for using drugs or alcohol."
      },
      {
        "number": 7,
        "text": "My living space has helped to drive my recovery journey."
      },
      {
        "number": 8,
        "text": "I take full responsibility for my actions."
      },
      {
        "number": 9,
        "text": "I am happy dealing with a range of professional people."
      },
      {
        "number": 10,
        "text": "I am making good progress on my recovery journey."
      }
    ],
    "scale": [
      {
        "value": 1,
        "label": "Strongly disagree"
      },
      {
        "value": 2,
        "label": "Disagree"
      },
      {
        "value": 3,
        "label": "Somewhat disagree"
      },
      {
        "value": 4,
        "label": "Somewhat agree"
      },
      {
        "value": 5,
        "label": "Agree"
      },
      {
        "value": 6,
        "label": "Strongly agree"
      }
    ],
    "total_min": 10,
    "total_max": 60,
    "threshold": 47
  },
  "cssrs_screen": {
    "instrument": "cssrs_screen",
    "name": "Columbia-Suicide Severity Rating Scale (C-SSRS), screener",
    "citation": "Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale. American Journal of Psychiatry. 2011;168(12):1266-1277. Screener version, The Columbia Lighthouse Project.",
    "questions": [
      {
        "key": "wish_dead",
        "number": "1",
        "text": "Have you wished you were dead or wished you could go to sleep and not wake up?",
        "period": "past_month",
        "asked_when": null
      },
      {
        "key": "suicidal_thoughts",
        "number": "2",
        "text": "Have you actually had any thoughts of killing yourself?",
        "period": "past_month",
        "asked_when": null
      },
      {
        "key": "method",
        "number": "3",
        "text": "Have you been thinking about how you might do this?",
        "period": "past_month",
        "asked_when": {
          "key": "suicidal_thoughts",
          "answer": true
        }
      },
      {
        "key": "intent",
        "number": "4",
        "text": "Have you had these thoughts and had some intention of acting on them?",
        "period": "past_month",
        "asked_when": {
          "key": "suicidal_thoughts",
          "answer": true
        }
      },
      {
        "key": "plan",
        "number": "5",
        "text": "Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?",
        "period": "past_month",
        "asked_when": {
          "key": "suicidal_thoughts",
          "answer": true
        }
      },
      {
        "key": "behavior",
        "number": "6",
        "text": "Have you ever done anything, started to do anything, or prepared to do anything to end your life?",
        "period": "lifetime",
        "asked_when": null
      },
      {
        "key": "behavior_recent",
        "number": "6a",
        "text": "Was this within the past 3 months?",
        "period": "past_3_months",
        "asked_when": {
          "key": "behavior",
          "answer": true
        }
      }
    ],
    "triage": [
      {
        "risk": "high",
        "rule": "Yes to question 4 or 5, or behaviour within the past 3 months."
      },
      {
        "risk": "moderate",
        "rule": "Yes to question 3, or behaviour more than 3 months ago."
      },
      {
        "risk": "low",
        "rule": "Any other answers, including yes to question 1 or 2 alone."
      }
    ]
  }
};

const EMPTY_TREND = {
  instrument: 'barc10',
  points: [],
  summary: { count: 0, first_total: null, latest_total: null, change: null, latest_meets_threshold: null },
};

function makeAssessment(overrides: Partial<Schemas['AssessmentRead']> = {}): Schemas['AssessmentRead'] {
  return {
    id: 'assessment-1',
    participant_id: PARTICIPANT_ID,
    instrument: 'barc10',
    responses: [5, 5, 5, 5, 5, 5, 5, 5, 4, 4],
    total: 48,
    meets_threshold: true,
    risk: null,
    administered_at: '2026-03-04T10:00:00Z',
    administered_by_user_id: null,
    created_at: '2026-03-04T10:00:00Z',
    ...overrides,
  };
}

function routes(extra: Record<string, Handler | Handler[]> = {}) {
  return {
    ...signedInRoutes('specialist'),
    'GET /assessment-instruments': () => json(INSTRUMENTS),
    'GET /participants/{participant_id}/assessments/trend': () => json(EMPTY_TREND),
    'GET /participants/{participant_id}/assessments': () => json({ items: [], next_cursor: null }),
    ...extra,
  };
}

function renderSection() {
  return renderApp({
    path: '/',
    routes: [{ path: '/', element: <AssessmentsSection participantId={PARTICIPANT_ID} canAdminister /> }],
  });
}

describe('BARC-10', () => {
  it('needs every item, then posts the ten answers as integers in item order, once per submission', async () => {
    const mock = mockApi(
      routes({ 'POST /participants/{participant_id}/assessments': () => json(makeAssessment(), 201) }),
    );
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Take a BARC-10' }));
    const items = await screen.findAllByRole('group');
    expect(items).toHaveLength(10);
    expect(items[0]).toHaveAccessibleName('1. There are more important things to me in life than using substances.');
    expect(within(items[0]!).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual([
      '1', '2', '3', '4', '5', '6',
    ]);
    expect(within(items[0]!).getByRole('radio', { name: '6 Strongly agree' })).toBeInTheDocument();

    // Nine of ten answered: nothing is sent, and the open item says so.
    const answers = [5, 5, 5, 5, 5, 5, 5, 5, 4, 4];
    for (const [index, value] of answers.entries()) {
      if (index === 6) continue;
      await user.click(within(items[index]!).getByRole('radio', { name: new RegExp(`^${value} `) }));
    }
    await user.click(screen.getByRole('button', { name: 'Save BARC-10' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Item 7 still needs an answer.');
    expect(items[6]).toHaveAccessibleDescription(/Choose an answer from 1 to 6/);
    expect(within(items[6]!).getAllByRole('radio')[0]).toHaveFocus();
    expect(mock.calls('POST /participants/{participant_id}/assessments')).toHaveLength(0);

    await user.click(within(items[6]!).getByRole('radio', { name: '5 Agree' }));
    await user.click(screen.getByRole('button', { name: 'Save BARC-10' }));

    expect(await screen.findByText('BARC-10 saved. Total: 48 of 60.')).toBeInTheDocument();
    expect(screen.getByText('That is 47 or more: strong recovery capital.')).toBeInTheDocument();
    const posts = mock.calls('POST /participants/{participant_id}/assessments');
    expect(posts).toHaveLength(1);
    expect(await posts[0]!.json()).toEqual({ instrument: 'barc10', responses: answers });
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reuses the Idempotency-Key when the same answers are sent again after a failure', async () => {
    const mock = mockApi(
      routes({
        'POST /participants/{participant_id}/assessments': [
          () => problem(503, 'The service is busy. Please try again.'),
          () => json(makeAssessment({ total: 30, meets_threshold: false }), 201),
        ],
      }),
    );
    const { user } = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Take a BARC-10' }));
    for (const group of await screen.findAllByRole('group')) {
      await user.click(within(group).getByRole('radio', { name: '3 Somewhat disagree' }));
    }

    await user.click(screen.getByRole('button', { name: 'Save BARC-10' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The service is busy');
    await user.click(screen.getByRole('button', { name: 'Save BARC-10' }));
    expect(await screen.findByText(/That is under 47/)).toBeInTheDocument();

    const [first, second] = mock.calls('POST /participants/{participant_id}/assessments');
    expect(first!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'));
  });
});

describe('C-SSRS screen', () => {
  it('asks the follow-up questions only after a yes to question 2, and sends only the questions asked', async () => {
    const mock = mockApi(
      routes({
        'POST /participants/{participant_id}/assessments': () =>
          json(makeAssessment({ instrument: 'cssrs_screen', total: null, meets_threshold: null, risk: 'moderate' }), 201),
      }),
    );
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Take a C-SSRS screen' }));
    const question = (name: RegExp) => screen.getByRole('group', { name });
    await screen.findByRole('group', { name: /^1\. / });
    expect(screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent?.split('.')[0])).toEqual([
      '1',
      '2',
      '6',
    ]);

    await user.click(within(question(/^2\. /)).getByRole('radio', { name: 'Yes' }));
    expect(screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent?.split('.')[0])).toEqual([
      '1', '2', '3', '4', '5', '6',
    ]);
    await user.click(within(question(/^3\. /)).getByRole('radio', { name: 'Yes' }));

    // Changing question 2 back to no takes the follow-ups (and their answers) away.
    await user.click(within(question(/^2\. /)).getByRole('radio', { name: 'No' }));
    expect(screen.queryByRole('group', { name: /^3\. / })).not.toBeInTheDocument();

    await user.click(within(question(/^1\. /)).getByRole('radio', { name: 'Yes' }));
    await user.click(within(question(/^6\. /)).getByRole('radio', { name: 'Yes' }));
    expect(question(/^6a\. /)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save screen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Question 6a still needs an answer.');
    expect(mock.calls('POST /participants/{participant_id}/assessments')).toHaveLength(0);

    await user.click(within(question(/^6a\. /)).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Save screen' }));

    expect(await screen.findByText(/Talk together about safety today/)).toBeInTheDocument();
    expect(screen.getByText('Moderate risk')).toBeInTheDocument();
    const [post] = mock.calls('POST /participants/{participant_id}/assessments');
    expect(await post!.json()).toEqual({
      instrument: 'cssrs_screen',
      responses: { wish_dead: true, suicidal_thoughts: false, behavior: true, behavior_recent: false },
    });
    expect(post!.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('for high risk, says to stay with the person and shows the 988 line', async () => {
    const mock = mockApi(
      routes({
        'POST /participants/{participant_id}/assessments': () =>
          json(makeAssessment({ instrument: 'cssrs_screen', total: null, meets_threshold: null, risk: 'high' }), 201),
      }),
    );
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Take a C-SSRS screen' }));
    const question = (name: RegExp) => screen.getByRole('group', { name });
    await user.click(within(await screen.findByRole('group', { name: /^1\. / })).getByRole('radio', { name: 'Yes' }));
    await user.click(within(question(/^2\. /)).getByRole('radio', { name: 'Yes' }));
    await user.click(within(question(/^3\. /)).getByRole('radio', { name: 'Yes' }));
    await user.click(within(question(/^4\. /)).getByRole('radio', { name: 'Yes' }));
    await user.click(within(question(/^5\. /)).getByRole('radio', { name: 'No' }));
    await user.click(within(question(/^6\. /)).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Save screen' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('High risk');
    expect(alert).toHaveTextContent('Stay with the person and follow your crisis protocol.');
    expect(within(alert).getByRole('link', { name: /Call 988/ })).toHaveAttribute('href', 'tel:988');
    expect(await mock.calls('POST /participants/{participant_id}/assessments')[0]!.json()).toEqual({
      instrument: 'cssrs_screen',
      responses: { wish_dead: true, suicidal_thoughts: true, method: true, intent: true, plan: false, behavior: false },
    });
  });
});

describe('BARC-10 over time', () => {
  it('describes the trend in words and offers the numbers as a table', async () => {
    mockApi(
      routes({
        'GET /participants/{participant_id}/assessments/trend': () =>
          json({
            instrument: 'barc10',
            points: [
              { administered_at: '2026-01-05T10:00:00Z', total: 40, meets_threshold: false },
              { administered_at: '2026-02-05T10:00:00Z', total: 44, meets_threshold: false },
              { administered_at: '2026-03-05T10:00:00Z', total: 48, meets_threshold: true },
            ],
            summary: { count: 3, first_total: 40, latest_total: 48, change: 8, latest_meets_threshold: true },
          }),
      }),
    );
    const { user } = renderSection();

    expect(await screen.findByText(/^3 BARC-10s from .* Latest total 48 of 60 \(47 or more: strong recovery capital\), up 8 since the first\.$/)).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show the numbers as a table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(toggle);
    const table = screen.getByRole('table', { name: 'BARC-10 totals, oldest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getAllByRole('cell').map((cell) => cell.textContent).filter((text) => /^\d+$/.test(text ?? ''))).toEqual([
      '40', '44', '48',
    ]);
  });
});
