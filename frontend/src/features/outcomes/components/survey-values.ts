/**
 * The survey form's answers as typed, their checks, and the request bodies built from them.
 * Pure functions, shared by recording a survey and correcting one.
 */
import { isProblemError, ProblemError, problemFieldErrors, type ProblemFieldErrors } from '@/lib/problem';

import type { Employment, Housing, OutcomeSurvey, OutcomeSurveyUpdate, Timepoint } from '../types';

import { DAY_COUNTS, formatDay, latestSurveyDay, timepointLabel, type DayCount } from './outcome-labels';

export interface SurveyValues {
  administered_on: string;
  alcohol_days: string;
  drug_days: string;
  arrests: string;
  er_visits: string;
  inpatient_nights: string;
  housing: Housing | '';
  employment: Employment | '';
  in_treatment: boolean | null;
  social_support: boolean | null;
  /** 1 to 5, or null: not answered (and never asked at intake). */
  satisfaction: number | null;
}

export const SURVEY_FIELDS = [
  'timepoint',
  'administered_on',
  ...DAY_COUNTS.map((count) => count.name),
  'housing',
  'employment',
  'in_treatment',
  'social_support',
  'satisfaction',
] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];
export type SurveyErrors = Partial<Record<SurveyField, string>>;

export const EMPTY_SURVEY: SurveyValues = {
  administered_on: '',
  alcohol_days: '',
  drug_days: '',
  arrests: '',
  er_visits: '',
  inpatient_nights: '',
  housing: '',
  employment: '',
  in_treatment: null,
  social_support: null,
  satisfaction: null,
};

/** Satisfaction with the program is asked at the follow-up and at discharge, not at intake. */
export function asksSatisfaction(timepoint: Timepoint | ''): boolean {
  return timepoint === 'followup_6mo' || timepoint === 'discharge';
}

export function valuesOf(survey: OutcomeSurvey): SurveyValues {
  return {
    administered_on: survey.administered_on,
    alcohol_days: String(survey.alcohol_days),
    drug_days: String(survey.drug_days),
    arrests: String(survey.arrests),
    er_visits: String(survey.er_visits),
    inpatient_nights: String(survey.inpatient_nights),
    housing: survey.housing,
    employment: survey.employment,
    in_treatment: survey.in_treatment,
    social_support: survey.social_support,
    satisfaction: survey.satisfaction,
  };
}

const WHOLE_NUMBER = /^\d{1,2}$/;

function dayCountError(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return 'Enter a number from 0 to 30.';
  if (!WHOLE_NUMBER.test(value) || Number(value) > 30) return 'Enter a whole number from 0 to 30.';
  return undefined;
}

/** What still needs an answer or another look, by field; empty when the survey can be sent. */
export function validateSurvey(values: SurveyValues, timepoint: Timepoint | '', latest = latestSurveyDay()): SurveyErrors {
  const errors: SurveyErrors = {};
  if (!timepoint) errors.timepoint = 'Choose which survey this is.';
  if (values.administered_on && values.administered_on > latest) {
    errors.administered_on = 'The day it was taken cannot be in the future.';
  }
  for (const { name } of DAY_COUNTS) {
    const message = dayCountError(values[name]);
    if (message) errors[name] = message;
  }
  if (!values.housing) errors.housing = 'Choose their housing.';
  if (!values.employment) errors.employment = 'Choose their work or study.';
  if (values.in_treatment === null) errors.in_treatment = 'Choose yes or no.';
  if (values.social_support === null) errors.social_support = 'Choose yes or no.';
  return errors;
}

/** The measures as the API takes them (call only once `validateSurvey` finds nothing). */
export function measuresOf(values: SurveyValues, timepoint: Timepoint) {
  const counts = Object.fromEntries(DAY_COUNTS.map(({ name }) => [name, Number(values[name])])) as Record<DayCount, number>;
  return {
    ...counts,
    housing: values.housing as Housing,
    employment: values.employment as Employment,
    in_treatment: values.in_treatment === true,
    social_support: values.social_support === true,
    ...(asksSatisfaction(timepoint) && values.satisfaction !== null ? { satisfaction: values.satisfaction } : {}),
  };
}

/** What a correction changes: the answers that differ from those it started from. */
export function correctionOf(values: SurveyValues, started: SurveyValues, timepoint: Timepoint): OutcomeSurveyUpdate {
  const changes: OutcomeSurveyUpdate = {};
  for (const { name } of DAY_COUNTS) {
    if (Number(values[name]) !== Number(started[name])) changes[name] = Number(values[name]);
  }
  if (values.housing !== started.housing) changes.housing = values.housing as Housing;
  if (values.employment !== started.employment) changes.employment = values.employment as Employment;
  if (values.in_treatment !== started.in_treatment) changes.in_treatment = values.in_treatment === true;
  if (values.social_support !== started.social_support) changes.social_support = values.social_support === true;
  if (asksSatisfaction(timepoint) && values.satisfaction !== started.satisfaction) changes.satisfaction = values.satisfaction;
  if (values.administered_on && values.administered_on !== started.administered_on) {
    changes.administered_on = values.administered_on;
  }
  return changes;
}

function rewritten(error: ProblemError, detail: string): ProblemError {
  return new ProblemError({ type: error.type, title: error.title, status: error.status, detail, errors: [] }, error.requestId);
}

// The server's 422s without a field (`detail` only) that are about the day the survey was taken.
const DAY_PROBLEMS: [RegExp, string][] = [
  [/cannot be in the future/i, 'The day it was taken cannot be in the future.'],
  [/before the participant enrolled/i, 'The day it was taken cannot be before they enrolled.'],
  [/before the intake survey/i, 'This survey cannot be dated before the intake survey.'],
];

/**
 * The server's answer in the form's words: a 409 for a timepoint already taken says to correct
 * that survey instead; a 422 for a follow-up before its window says when the window opens;
 * day problems go next to the date; other 422 issues go to their fields.
 */
export function surveyProblem(
  error: unknown,
  timepoint: Timepoint | '',
): { error: unknown; fieldErrors: ProblemFieldErrors } {
  const fieldErrors = problemFieldErrors(error, { knownFields: SURVEY_FIELDS });
  if (!isProblemError(error)) return { error, fieldErrors };
  const label = timepoint ? timepointLabel(timepoint).toLowerCase() : 'this';
  if (error.status === 409 && /already been taken/i.test(error.detail)) {
    return {
      error: rewritten(
        error,
        `The ${label} survey has already been recorded for this participant, and each survey is taken once. To change its answers, use “Correct” on it instead.`,
      ),
      fieldErrors,
    };
  }
  if (error.status === 422 && error.errors.length === 0) {
    const opens = /window opens on (\d{4}-\d{2}-\d{2})/i.exec(error.detail);
    if (opens?.[1]) {
      return {
        error: rewritten(
          error,
          `It is too early for the six-month follow-up: its window opens on ${formatDay(opens[1])}. Record it on or after that day.`,
        ),
        fieldErrors,
      };
    }
    const dayProblem = DAY_PROBLEMS.find(([pattern]) => pattern.test(error.detail));
    if (dayProblem) {
      return { error, fieldErrors: { fields: { administered_on: dayProblem[1] }, other: [] } };
    }
  }
  return { error, fieldErrors };
}
