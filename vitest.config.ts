import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    // Every file of every project shares these workers, so integration and end-to-end files run side by
    // side: each starts its own store (a fresh PGlite, or its own database on PostgreSQL) and its own
    // server, and every Redis key and channel carries the store's own id. Vitest's default on a 2-core
    // machine would be one worker; an e2e file spends most of its time waiting on Chromium and its
    // server process, which are not the worker's CPU.
    maxWorkers: 3,
    // Waiting on a condition is bounded generously: a loaded machine is slower, never wrong.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The screen and the compiled server are built once, then the demo county is seeded once, for all files.
          globalSetup: ['test/e2e/buildScreen.ts', 'test/e2e/demoStore.ts'],
          testTimeout: 90_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
