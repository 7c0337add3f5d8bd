import '@testing-library/jest-dom/vitest';

import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

import { resetSession } from '@/lib/auth/session';
import { resetTokenStore } from '@/lib/auth/token-store';

// findBy* and waitFor give up after 1 s by default: too short on a two-core machine that
// runs a test file on each core, where a first render with its queries can take longer.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  resetSession();
  resetTokenStore();
  localStorage.clear();
  sessionStorage.clear();
  vi.useRealTimers();
});
