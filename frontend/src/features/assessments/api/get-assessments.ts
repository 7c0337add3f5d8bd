import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export function getAssessments(participantId: string, cursor?: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/assessments', {
      params: { path: { participant_id: participantId }, query: { limit: 20, ...(cursor && { cursor }) } },
      signal,
    }),
  );
}

export function assessmentsQueryOptions(participantId: string) {
  return infiniteQueryOptions({
    queryKey: ['assessments', participantId, 'history'],
    queryFn: ({ pageParam, signal }) => getAssessments(participantId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

/** Every assessment of the participant, newest first, a page at a time. */
export function useAssessments(participantId: string) {
  return useInfiniteQuery(assessmentsQueryOptions(participantId));
}
