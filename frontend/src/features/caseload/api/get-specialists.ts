import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

export type Specialist = Schemas['SpecialistRead'];

/** The organisation's active specialists (one page of up to 100: enough for a filter). */
export function getSpecialists(signal?: AbortSignal) {
  return unwrap(api.GET('/specialists', { params: { query: { limit: 100 } }, signal }));
}

export function specialistsQueryOptions() {
  return queryOptions({
    queryKey: ['specialists'],
    queryFn: ({ signal }) => getSpecialists(signal),
    staleTime: 5 * 60_000,
  });
}

export function useSpecialists(options: { enabled?: boolean } = {}) {
  return useQuery({ ...specialistsQueryOptions(), enabled: options.enabled ?? true });
}
