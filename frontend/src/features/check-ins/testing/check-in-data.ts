/** Test data for the check-in screens (tests only). */
import type { CheckIn } from '../api/create-check-in';
import type { CheckInTrend, CheckInTrendDay } from '../api/get-check-in-trend';

export const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';

export function makeCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    participant_id: PARTICIPANT_ID,
    recorded_at: '2026-03-02T15:30:00Z',
    mood: 4,
    craving: 2,
    used_since_last: false,
    sleep_hours: null,
    note: null,
    wants_contact: false,
    risk_level: 'low',
    risk_reasons: [],
    entered_by_role: 'participant',
    entered_by_user_id: '00000000-0000-4000-8000-000000000001',
    ...overrides,
  };
}

export function emptyDay(date: string): CheckInTrendDay {
  return { date, check_ins: 0, mood: null, craving_max: null, craving_mean: null, used: null, risk_level: null };
}

export function makeTrend(days: CheckInTrendDay[], participantId = PARTICIPANT_ID): CheckInTrend {
  return {
    participant_id: participantId,
    first_day: days[0]?.date ?? '2026-03-01',
    last_day: days[days.length - 1]?.date ?? '2026-03-01',
    timezone: 'UTC',
    days,
  };
}
