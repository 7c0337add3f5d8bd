import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { VersionedSpecialist } from '../types';

export async function getSpecialist(specialistId: string, signal?: AbortSignal): Promise<VersionedSpecialist> {
  const { value, etag } = await unwrapVersioned(
    api
      .GET('/specialists/{specialist_id}', { params: { path: { specialist_id: specialistId } }, signal }),
  );
  return { value, etag };
}

export function specialistQueryKey(specialistId: string) {
  return ['specialist', specialistId] as const;
}

export function specialistQueryOptions(specialistId: string) {
  return queryOptions({
    queryKey: specialistQueryKey(specialistId),
    queryFn: ({ signal }) => getSpecialist(specialistId, signal),
  });
}

/** One profile (`value`) and its ETag: read when editing starts, since lists carry no ETags. */
export function useSpecialist(specialistId: string) {
  return useQuery(specialistQueryOptions(specialistId));
}
