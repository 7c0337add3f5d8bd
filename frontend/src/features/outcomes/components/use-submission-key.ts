import { useCallback, useRef } from 'react';

function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context randomUUID is missing: build a version 4 UUID by hand.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An `Idempotency-Key` per submission: the same answers sent again (a double click, a retry
 * after a dropped connection) reuse the key, so the server stores the survey once; changed
 * answers are a new submission with a new key (the server refuses a key reused with another body).
 */
export function useSubmissionKey() {
  const last = useRef<{ key: string; body: string } | null>(null);
  return useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (!last.current || last.current.body !== text) last.current = { key: randomUuid(), body: text };
    return last.current.key;
  }, []);
}
