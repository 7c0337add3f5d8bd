import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

export type Disclosure = Schemas['DisclosureRead'];

export const DISCLOSURES_PAGE_SIZE = 20;

export function getDisclosures(participantId: string, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/disclosures', {
      params: {
        path: { participant_id: participantId },
        query: { limit: DISCLOSURES_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      },
      signal,
    }),
  );
}

export function disclosuresQueryOptions(participantId: string) {
  return infiniteQueryOptions({
    queryKey: ['disclosures', participantId],
    queryFn: ({ pageParam, signal }) => getDisclosures(participantId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** The accounting of disclosures: to whom the participant's records went, newest first. */
export function useDisclosures(participantId: string | undefined) {
  return useInfiniteQuery({ ...disclosuresQueryOptions(participantId ?? ''), enabled: participantId !== undefined });
}
