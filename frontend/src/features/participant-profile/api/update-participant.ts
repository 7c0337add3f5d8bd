import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { ParticipantChanges, VersionedParticipant } from '../types';

import { participantQueryKey } from './get-participant';

export interface UpdateParticipantInput {
  /** The ETag of the version the person started editing. */
  etag: string;
  changes: ParticipantChanges;
}

export async function updateParticipant(
  participantId: string,
  { etag, changes }: UpdateParticipantInput,
): Promise<VersionedParticipant> {
  const { value, etag: newEtag } = await unwrapVersioned(
    api
      .PATCH('/participants/{participant_id}', {
        params: {
          path: { participant_id: participantId },
          header: { 'If-Match': etag },
        },
        body: changes,
      }),
  );
  return { value, etag: newEtag };
}

/** Changes the profile; a 412 means someone else changed it since it was read. */
export function useUpdateParticipant(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateParticipantInput) => updateParticipant(participantId, input),
    onSuccess: (updated) => queryClient.setQueryData(participantQueryKey(participantId), updated),
  });
}
