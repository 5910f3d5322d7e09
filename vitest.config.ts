import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests never write to the user's cache (~/.cache/aksnet): every process of a run, the CLIs the tests start
// included, shares one temporary cache folder, removed when the run ends (test/global-setup.ts). A test of a
// cache sets its own folder.
process.env.AKSNET_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'aksnet-test-cache-'));

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
