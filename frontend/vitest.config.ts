import { availableParallelism } from 'node:os';

import { defineConfig, mergeConfig } from 'vitest/config';

import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/testing/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      unstubGlobals: true,
      css: false,
      // A worker per core: with the default, a run on this project's two-core machines took
      // 130 s against 80 s with both cores busy.
      maxWorkers: availableParallelism(),
      // A test that types a whole intake, keystroke by keystroke, took more than the
      // default 5 s on a slower two-core machine with both workers busy.
      testTimeout: 20_000,
      // One jsdom per worker rather than one per test file: 106 s against 47 s for the
      // whole run. The files a worker runs then share module state, so setup.ts resets
      // what the app keeps between renders (the session, the token store, storage) after
      // each test, and spies and stubbed globals are restored.
      isolate: false,
    },
  }),
);
