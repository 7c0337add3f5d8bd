import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { NETWORK_ERROR_STATUS, ProblemError } from '@/lib/problem';

import { readStoredCrisisPlan, storeCrisisPlan, type StoredCrisisPlan } from '../crisis-plan-cache';

import { crisisKeys } from './query-keys';

export interface MyCrisisPlan extends StoredCrisisPlan {
  /** Shown from the copy on this device, not (yet) confirmed by the server. */
  fromDevice: boolean;
  /** Why the server could not confirm it, when it could not. */
  problem: ProblemError | null;
}

function fromDevice(stored: StoredCrisisPlan, problem: ProblemError | null): MyCrisisPlan {
  return { ...stored, fromDevice: true, problem };
}

function confirmed(participantId: string, entry: StoredCrisisPlan): MyCrisisPlan {
  storeCrisisPlan(participantId, entry);
  return { ...entry, fromDevice: false, problem: null };
}

// Offline, a dropped connection, or the server unwell: the copy on the device is the answer.
function worthTheStoredCopy(problem: ProblemError): boolean {
  return problem.status === NETWORK_ERROR_STATUS || problem.status >= 500;
}

/**
 * `GET /me/crisis-plan`, revalidated with If-None-Match against the copy on this device (304:
 * the copy is current). When the server cannot be reached or fails, the copy is returned,
 * marked `fromDevice`, with the reason; without a copy, the failure is thrown.
 */
export async function getMyCrisisPlan(participantId: string, signal?: AbortSignal): Promise<MyCrisisPlan> {
  const stored = readStoredCrisisPlan(participantId);
  let result;
  try {
    result = await api.GET('/me/crisis-plan', {
      ...(stored?.etag ? { headers: { 'If-None-Match': stored.etag } } : {}),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const problem = ProblemError.network(cause);
    if (stored) return fromDevice(stored, problem);
    throw problem;
  }
  // Cancelled meanwhile (the participant signed out, which clears every query): an answer
  // that arrives now must not put the plan back on a device that was just cleared of it.
  signal?.throwIfAborted();
  const { response, data } = result;
  const checkedAt = new Date().toISOString();
  if (response.status === 304 && stored) return confirmed(participantId, { ...stored, checkedAt });
  if (response.ok && data) return confirmed(participantId, { plan: data, etag: response.headers.get('ETag'), checkedAt });
  const problem = ProblemError.fromResponse(result.error, response);
  if (stored && worthTheStoredCopy(problem)) return fromDevice(stored, problem);
  throw problem;
}

export function myCrisisPlanQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: crisisKeys.myCrisisPlan(participantId),
    queryFn: ({ signal }) => getMyCrisisPlan(participantId, signal),
    // The copy on the device shows at once, then is checked with the server.
    initialData: () => {
      const stored = readStoredCrisisPlan(participantId);
      return stored ? fromDevice(stored, null) : undefined;
    },
    initialDataUpdatedAt: 0,
  });
}

/** The participant's own contacts and safety plan, from the server or, failing that, this device. */
export function useMyCrisisPlan(participantId: string | undefined) {
  return useQuery({ ...myCrisisPlanQueryOptions(participantId ?? ''), enabled: participantId !== undefined });
}
