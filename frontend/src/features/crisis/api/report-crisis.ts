import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { isProblemError, NETWORK_ERROR_STATUS, ProblemError } from '@/lib/problem';

import type { CrisisContact, CrisisEvent } from '../types';

export interface ReportCrisisInput {
  /** Made once when the button is pressed and sent again with every retry of that press. */
  idempotencyKey: string;
  note?: string;
}

/**
 * A failed "I need help now". When the database is down the server still answers (503) with
 * who to call and what to say: those travel with the error.
 */
export class CrisisReportProblem extends ProblemError {
  /** The contacts the failure answer carried (988 at least, on a 503), else none. */
  readonly contacts: CrisisContact[];
  /** What the server said to tell the person, when it said something. */
  readonly advice: string | null;

  constructor(problem: ProblemError, body: unknown) {
    super(problem, problem.requestId);
    const extra = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    this.contacts = Array.isArray(extra.contacts) ? extra.contacts.filter(isContact) : [];
    this.advice = typeof extra.message === 'string' && extra.message ? extra.message : null;
  }
}

function isContact(value: unknown): value is CrisisContact {
  if (typeof value !== 'object' || value === null) return false;
  const contact = value as Record<string, unknown>;
  return typeof contact.id === 'string' && typeof contact.name === 'string';
}

export async function reportCrisis(participantId: string, { idempotencyKey, note }: ReportCrisisInput): Promise<CrisisEvent> {
  let result;
  try {
    result = await api.POST('/participants/{participant_id}/crisis-events', {
      params: { path: { participant_id: participantId }, header: { 'idempotency-key': idempotencyKey } },
      body: note ? { note } : {},
    });
  } catch (cause) {
    throw new CrisisReportProblem(ProblemError.network(cause), null);
  }
  if (!result.response.ok || !result.data) {
    throw new CrisisReportProblem(ProblemError.fromResponse(result.error, result.response), result.error);
  }
  return result.data;
}

/** How many times a failed call for help is sent again by itself (same key) before "Try again". */
export const CRISIS_REPORT_AUTOMATIC_RETRIES = 2;

/**
 * Worth sending again with the same key: no answer, a server error (a 503 too: the database
 * may be back a moment later), or a 409 saying the first attempt is still being recorded.
 */
export function isRetryableCrisisReport(error: unknown): boolean {
  if (!isProblemError(error)) return false;
  return error.status === NETWORK_ERROR_STATUS || error.status === 409 || error.status >= 500;
}

/** "I need help now": alerts the specialist; the answer says who to call. */
export function useReportCrisis(participantId: string) {
  return useMutation({
    mutationFn: (input: ReportCrisisInput) => reportCrisis(participantId, input),
    // react-query calls mutationFn again with the same variables: the same key.
    retry: (failureCount, error) => failureCount < CRISIS_REPORT_AUTOMATIC_RETRIES && isRetryableCrisisReport(error),
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 4000),
  });
}

/**
 * A fresh key for one press of the button. `crypto.randomUUID` exists only in secure
 * contexts (HTTPS, localhost); elsewhere a version-4 UUID is made from `getRandomValues`.
 */
export function newCrisisReportKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
