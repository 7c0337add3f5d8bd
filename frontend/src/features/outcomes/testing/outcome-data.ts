/** Test data for the outcome screens (tests only). */
import type { DueItem, MeasureSummary, OutcomeSummary, OutcomeSurvey, SummaryCell, SummaryGroup } from '../types';

export const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';
export const ORGANISATION_ID = '00000000-0000-4000-8000-0000000000aa';

export function makeSurvey(overrides: Partial<OutcomeSurvey> = {}): OutcomeSurvey {
  return {
    id: '00000000-0000-4000-8000-0000000000d1',
    participant_id: PARTICIPANT_ID,
    timepoint: 'intake',
    administered_on: '2026-03-02',
    alcohol_days: 12,
    drug_days: 4,
    arrests: 1,
    er_visits: 2,
    inpatient_nights: 0,
    housing: 'unstable',
    employment: 'unemployed',
    in_treatment: true,
    satisfaction: null,
    social_support: false,
    recorded_by_role: 'specialist',
    recorded_by_user_id: '00000000-0000-4000-8000-000000000001',
    created_at: '2026-03-02T15:30:00Z',
    updated_at: '2026-03-02T15:30:00Z',
    corrected_at: null,
    version: 1,
    ...overrides,
  };
}

export function makeDueItem(overrides: Partial<DueItem> = {}): DueItem {
  return {
    participant_id: PARTICIPANT_ID,
    preferred_name: 'José Ramírez',
    timepoint: 'followup_6mo',
    due_on: '2026-09-02',
    window_opens_on: '2026-08-03',
    window_closes_on: '2026-11-01',
    status: 'due',
    ...overrides,
  };
}

export function cell(value: number, n: number): SummaryCell {
  return { value, n, suppressed: false };
}

export const SUPPRESSED: SummaryCell = { value: null, n: null, suppressed: true };

export function makeMeasure(overrides: Partial<MeasureSummary> = {}): MeasureSummary {
  return {
    measure: 'stably_housed',
    description: '% stably housed',
    intake: cell(35.3, 51),
    followup_6mo: cell(78.7, 47),
    discharge: cell(83.3, 42),
    change_to_followup_6mo: cell(44.7, 47),
    change_to_discharge: cell(45.2, 42),
    ...overrides,
  };
}

export function makeGroup(measures: MeasureSummary[], intakeQuarter: string | null = null): SummaryGroup {
  return { organisation_id: ORGANISATION_ID, intake_quarter: intakeQuarter, measures };
}

export function makeSummary(groups: SummaryGroup[]): OutcomeSummary {
  return { minimum_cell_size: 11, groups };
}
