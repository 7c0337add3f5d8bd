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

export type { Versioned } from '@/lib/api-client';
