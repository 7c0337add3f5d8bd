import type { Schemas } from '@/lib/api-client';

export type OutcomeSurvey = Schemas['OutcomeSurveyRead'];
export type OutcomeSurveyCreate = Schemas['OutcomeSurveyCreate'];
export type OutcomeSurveyUpdate = Schemas['OutcomeSurveyUpdate'];
export type Timepoint = OutcomeSurvey['timepoint'];
export type Housing = OutcomeSurvey['housing'];
export type Employment = OutcomeSurvey['employment'];

export type DueItem = Schemas['DueItem'];
export type DueStatus = DueItem['status'];

export type OutcomeSummary = Schemas['OutcomeSummary'];
export type SummaryGroup = Schemas['SummaryGroup'];
export type MeasureSummary = Schemas['MeasureSummary'];
export type SummaryCell = Schemas['Cell'];
export type SummaryGrouping = 'organisation' | 'intake_quarter';

/** A record with the ETag it was read with: the version a correction is about. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}
