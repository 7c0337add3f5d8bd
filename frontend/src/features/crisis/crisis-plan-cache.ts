/**
 * The participant's crisis plan, kept on the device (localStorage) so that who to call and
 * what helps can still be shown when the connection fails: the one record the app keeps in
 * web storage, on purpose (see architecture.test.ts). Nothing else goes here: no token, no
 * other record. It is keyed by participant, so one person never sees another's, and removed
 * when someone signs out on purpose (a shared device keeps nothing after that).
 */
import type { CrisisPlan } from './types';

const PREFIX = 'prss.crisis-plan.';

export interface StoredCrisisPlan {
  plan: CrisisPlan;
  /** The ETag `GET /me/crisis-plan` sent with it: revalidated with If-None-Match. */
  etag: string | null;
  /** When the server last confirmed this copy (ISO 8601). */
  checkedAt: string;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage switched off
  }
}

function isStoredCrisisPlan(value: unknown): value is StoredCrisisPlan {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const plan = entry.plan as Record<string, unknown> | undefined;
  return (
    typeof entry.checkedAt === 'string' &&
    typeof plan === 'object' &&
    plan !== null &&
    Array.isArray(plan.contacts) &&
    typeof plan.safety_plan === 'object' &&
    plan.safety_plan !== null
  );
}

export function readStoredCrisisPlan(participantId: string): StoredCrisisPlan | null {
  try {
    const text = storage()?.getItem(`${PREFIX}${participantId}`);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    return isStoredCrisisPlan(value) && value.plan.participant_id === participantId ? value : null;
  } catch {
    return null;
  }
}

export function storeCrisisPlan(participantId: string, entry: StoredCrisisPlan): void {
  try {
    storage()?.setItem(`${PREFIX}${participantId}`, JSON.stringify(entry));
  } catch {
    // Full or switched off: the plan still shows while the connection lasts.
  }
}

/** Removes every stored crisis plan (on sign-out). */
export function forgetStoredCrisisPlans(): void {
  const store = storage();
  if (!store) return;
  try {
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter(
      (key): key is string => key?.startsWith(PREFIX) ?? false,
    );
    for (const key of keys) store.removeItem(key);
  } catch {
    // Nothing more can be done.
  }
}
