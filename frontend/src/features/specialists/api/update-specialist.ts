import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { SpecialistChanges, VersionedSpecialist } from '../types';

import { specialistQueryKey } from './get-specialist';

export interface UpdateSpecialistInput {
  /** The ETag of the version the person started editing. */
  etag: string;
  changes: SpecialistChanges;
}

export async function updateSpecialist(
  specialistId: string,
  { etag, changes }: UpdateSpecialistInput,
): Promise<VersionedSpecialist> {
  const { value, etag: newEtag } = await unwrapVersioned(
    api
      .PATCH('/specialists/{specialist_id}', {
        params: {
          path: { specialist_id: specialistId },
          header: { 'If-Match': etag },
        },
        body: changes,
      }),
  );
  return { value, etag: newEtag };
}

/**
 * Changes a profile; a 412 means someone else changed it since it was read, a 409 that the
 * capacity asked for is below the caseload already carried.
 */
export function useUpdateSpecialist(specialistId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSpecialistInput) => updateSpecialist(specialistId, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(specialistQueryKey(specialistId), updated);
      // Lists of specialists, suggestions and the caseload balance all follow the profile.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['specialists'] }),
        queryClient.invalidateQueries({ queryKey: ['match-suggestions'] }),
        queryClient.invalidateQueries({ queryKey: ['caseload-balance'] }),
      ]);
    },
  });
}
