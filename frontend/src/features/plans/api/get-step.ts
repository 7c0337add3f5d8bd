import { api, unwrapVersioned } from '@/lib/api-client';

import type { Step, Versioned } from '../types';

/** A step with its ETag, read just before a change (steps are shown from the plan, which has none). */
export async function getStep(stepId: string, signal?: AbortSignal): Promise<Versioned<Step>> {
  const { value, etag } = await unwrapVersioned(
    api.GET('/steps/{step_id}', { params: { path: { step_id: stepId } }, signal }),
  );
  return { value, etag };
}
