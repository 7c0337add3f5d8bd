import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { DueItem } from '../types';

import { outcomeKeys } from './query-keys';

// The farthest the due list looks ahead. A survey is owed at most about 152 days before its
// window opens (the follow-up, right after the intake survey), so every participant who owes
// one is on the list at this horizon.
const FULL_HORIZON_DAYS = 180;
const PAGE_SIZE = 100;
// A guard against a cursor that never ends; a caseload is far smaller than this.
const MAX_PAGES = 20;

/**
 * The next survey one participant owes, from `GET /outcomes/due`, or null when they owe none
 * (both surveys taken, or no longer active: discharge surveys are never listed). The list has
 * no participant filter, so it is read page by page until the participant turns up.
 */
export async function getParticipantDueSurvey(participantId: string, signal?: AbortSignal): Promise<DueItem | null> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result: { items: DueItem[]; next_cursor: string | null } = await unwrap(
      api.GET('/outcomes/due', {
        params: { query: { horizon_days: FULL_HORIZON_DAYS, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    const found = result.items.find((item) => item.participant_id === participantId);
    if (found) return found;
    if (!result.next_cursor) return null;
    cursor = result.next_cursor;
  }
  return null;
}

export function participantDueSurveyQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: outcomeKeys.dueFor(participantId),
    queryFn: ({ signal }) => getParticipantDueSurvey(participantId, signal),
  });
}

/** The participant's next outcome survey and its window, as the server reckons it. */
export function useParticipantDueSurvey(participantId: string) {
  return useQuery(participantDueSurveyQueryOptions(participantId));
}
