import { useId, type ReactNode } from 'react';

import type { OutcomeSurvey, Timepoint } from '../types';

import { DAY_COUNTS, EMPLOYMENT_SHORT, formatDay, HOUSING_SHORT, SATISFACTION, TIMEPOINTS } from './outcome-labels';

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

function satisfaction(survey: OutcomeSurvey): string {
  if (survey.timepoint === 'intake') return 'Not asked';
  if (survey.satisfaction === null) return 'Not answered';
  const label = SATISFACTION.find((point) => point.value === survey.satisfaction)?.label;
  return label ? `${survey.satisfaction} (${label})` : String(survey.satisfaction);
}

const ROWS: { label: string; value: (survey: OutcomeSurvey) => ReactNode }[] = [
  ...DAY_COUNTS.map((count) => ({ label: count.short, value: (survey: OutcomeSurvey) => survey[count.name] })),
  { label: 'Housing', value: (survey) => HOUSING_SHORT[survey.housing] },
  { label: 'Work or study', value: (survey) => EMPLOYMENT_SHORT[survey.employment] },
  { label: 'In treatment', value: (survey) => yesNo(survey.in_treatment) },
  { label: 'Social support', value: (survey) => yesNo(survey.social_support) },
  { label: 'Satisfaction (1–5)', value: satisfaction },
];

/**
 * The surveys side by side: one column per timepoint (empty ones say "Not taken"), one row per
 * measure, the past-30-day counts first.
 */
export function SurveyAnswersTable({ surveys }: { surveys: readonly OutcomeSurvey[] }) {
  const captionId = useId();
  const byTimepoint = new Map<Timepoint, OutcomeSurvey>(surveys.map((survey) => [survey.timepoint, survey]));
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table outcome-answers">
        <caption id={captionId}>Outcome survey answers (counts are for the past 30 days)</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {TIMEPOINTS.map((timepoint) => {
              const survey = byTimepoint.get(timepoint.value);
              return (
                <th key={timepoint.value} scope="col">
                  {timepoint.label}
                  <span className="outcome-answers__date">
                    {survey ? (
                      <>
                        <time dateTime={survey.administered_on}>{formatDay(survey.administered_on)}</time>
                        {survey.version > 1 && ' · corrected'}
                      </>
                    ) : (
                      'Not taken'
                    )}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {TIMEPOINTS.map((timepoint) => {
                const survey = byTimepoint.get(timepoint.value);
                return survey ? (
                  <td key={timepoint.value}>{row.value(survey)}</td>
                ) : (
                  <td key={timepoint.value} className="data-table__gap">
                    –
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
