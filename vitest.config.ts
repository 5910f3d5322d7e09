import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ (when the sources changed) before any test, so CLI tests never run a stale build.
    globalSetup: ['test/global-setup.ts'],
    // CLI and PDF tests start processes and browsers; two cores are shared by all of them.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
