import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { SummaryGrouping } from '../types';

import { outcomeKeys } from './query-keys';

export function getOutcomeSummary(groupBy: SummaryGrouping, signal?: AbortSignal) {
  return unwrap(api.GET('/outcomes/summary', { params: { query: { group_by: groupBy } }, signal }));
}

export function outcomeSummaryQueryOptions(groupBy: SummaryGrouping) {
  return queryOptions({
    queryKey: outcomeKeys.summary(groupBy),
    queryFn: ({ signal }) => getOutcomeSummary(groupBy, signal),
  });
}

/**
 * Each measure at intake, the six-month follow-up and discharge, and the change from intake,
 * for the organisation or per intake quarter. Cells covering too few people come suppressed.
 */
export function useOutcomeSummary(groupBy: SummaryGrouping) {
  // No placeholder from the other grouping: its groups are not quarters.
  return useQuery(outcomeSummaryQueryOptions(groupBy));
}
