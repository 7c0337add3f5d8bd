import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { SafetyPlan, SafetyPlanWrite, Versioned } from '../types';

import { crisisKeys } from './query-keys';

export interface WriteSafetyPlanInput {
  /** The ETag of the version the person started editing (version 0's too). */
  etag: string | null;
  plan: SafetyPlanWrite;
}

export async function writeSafetyPlan(
  participantId: string,
  { etag, plan }: WriteSafetyPlanInput,
): Promise<Versioned<SafetyPlan>> {
  const { value, etag: newEtag } = await unwrapVersioned(
    api
      .PUT('/participants/{participant_id}/safety-plan', {
        params: { path: { participant_id: participantId } },
        // Always sent, the blank version 0's too: if someone wrote the first version
        // meanwhile, the server answers 412 instead of silently replacing it.
        ...(etag ? { headers: { 'If-Match': etag } } : {}),
        body: plan,
      }),
  );
  return { value, etag: newEtag };
}

/** Writes a new version of the safety plan; a 412 means someone saved another one meanwhile. */
export function useWriteSafetyPlan(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WriteSafetyPlanInput) => writeSafetyPlan(participantId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(crisisKeys.safetyPlan(participantId), saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: crisisKeys.safetyPlanVersions(participantId) }),
        queryClient.invalidateQueries({ queryKey: crisisKeys.myCrisisPlan(participantId) }),
      ]);
    },
  });
}
