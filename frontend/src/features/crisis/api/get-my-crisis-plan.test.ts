import { describe, expect, it } from 'vitest';

import { json, mockApi } from '@/testing/fetch-mock';

import { readStoredCrisisPlan } from '../crisis-plan-cache';
import { makeCrisisPlan, PARTICIPANT_ID } from '../testing/crisis-data';

import { getMyCrisisPlan } from './get-my-crisis-plan';

describe('getMyCrisisPlan', () => {
  it('keeps the answer on the device', async () => {
    mockApi({ 'GET /me/crisis-plan': () => json(makeCrisisPlan(), 200, { ETag: '"plan-1"' }) });

    const plan = await getMyCrisisPlan(PARTICIPANT_ID);

    expect(plan.fromDevice).toBe(false);
    expect(readStoredCrisisPlan(PARTICIPANT_ID)).toMatchObject({ etag: '"plan-1"' });
  });

  it('does not keep an answer that arrives after the request was cancelled (sign-out)', async () => {
    const controller = new AbortController();
    mockApi({
      // The answer is already on its way when the participant signs out.
      'GET /me/crisis-plan': () => {
        controller.abort();
        return json(makeCrisisPlan(), 200, { ETag: '"plan-1"' });
      },
    });

    await expect(getMyCrisisPlan(PARTICIPANT_ID, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(readStoredCrisisPlan(PARTICIPANT_ID)).toBeNull();
  });
});
