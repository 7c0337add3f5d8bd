import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

import { resetSession } from '@/lib/auth/session';
import { resetTokenStore } from '@/lib/auth/token-store';

afterEach(() => {
  cleanup();
  resetSession();
  resetTokenStore();
  localStorage.clear();
  sessionStorage.clear();
  vi.useRealTimers();
});
