import { afterEach, describe, expect, it, vi } from 'vitest';

import { ProblemError } from '@/lib/problem';

import { isRetryableCheckInError, newIdempotencyKey } from './create-check-in';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('check-in submission', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('makes version-4 UUID keys, also where crypto.randomUUID is missing (plain HTTP)', () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) });
    const fallback = newIdempotencyKey();
    expect(fallback).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(fallback);
  });

  it('retries only what a repeat can fix', () => {
    const problem = (status: number) => new ProblemError({ type: 'about:blank', title: 't', status, detail: 'd' });
    expect(isRetryableCheckInError(ProblemError.network())).toBe(true);
    expect(isRetryableCheckInError(problem(503))).toBe(true);
    expect(isRetryableCheckInError(problem(409))).toBe(true);
    expect(isRetryableCheckInError(problem(422))).toBe(false);
    expect(isRetryableCheckInError(problem(404))).toBe(false);
    expect(isRetryableCheckInError(new Error('x'))).toBe(false);
  });
});
