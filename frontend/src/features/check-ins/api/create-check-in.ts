import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';
import { isProblemError, NETWORK_ERROR_STATUS } from '@/lib/problem';

import { checkInsQueryKey } from './query-keys';

export type CheckInCreate = Schemas['CheckInCreate'];
export type CheckIn = Schemas['CheckInRead'];

export interface CreateCheckInInput {
  body: CheckInCreate;
  /** Made once per submission (`crypto.randomUUID()`) and sent again on every retry of it. */
  idempotencyKey: string;
}

export function createCheckIn(participantId: string, { body, idempotencyKey }: CreateCheckInInput) {
  return unwrap(
    api.POST('/participants/{participant_id}/check-ins', {
      params: {
        path: { participant_id: participantId },
        header: { 'idempotency-key': idempotencyKey },
      },
      body,
    }),
  );
}

/**
 * A fresh key for one submission. `crypto.randomUUID` exists only in secure contexts (HTTPS,
 * localhost); elsewhere a version-4 UUID is made from `crypto.getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How many times a failed save is sent again by itself before the person is asked. */
export const CHECK_IN_AUTOMATIC_RETRIES = 2;

/**
 * Worth sending again with the same key: no answer at all (phones lose signal), a server or
 * gateway error, or a 409 saying the first attempt is still being saved. The key makes a
 * repeat harmless: the server stores the check-in once and replays its first answer.
 */
export function isRetryableCheckInError(error: unknown): boolean {
  if (!isProblemError(error)) return false;
  return error.status === NETWORK_ERROR_STATUS || error.status === 409 || error.status >= 500;
}

export function checkInRetryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 8000);
}

export function useCreateCheckIn(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCheckInInput) => createCheckIn(participantId, input),
    // react-query calls mutationFn again with the same variables, so the same key.
    retry: (failureCount, error) =>
      failureCount < CHECK_IN_AUTOMATIC_RETRIES && isRetryableCheckInError(error),
    retryDelay: checkInRetryDelay,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: checkInsQueryKey(participantId) }),
        // The participant's current risk is its latest check-in's: the caseload and the
        // participant's page show it.
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
        queryClient.invalidateQueries({ queryKey: ['participant', participantId] }),
      ]),
  });
}
