import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// A test run leaves nothing behind: every process of the run, the CLIs and browsers the tests start included,
// keeps its temporary files and aksnet's cache (never the user's ~/.cache/aksnet) in one folder of its own,
// removed when the run ends (test/global-setup.ts). A test of a cache sets its own folder.
if (!process.env.AKSNET_TEST_TMP) {
  const run = mkdtempSync(join(tmpdir(), 'aksnet-test-run-'));
  // Open like /tmp (sticky, writable by all): some tests run the CLI as an unprivileged user.
  chmodSync(run, 0o1777);
  process.env.AKSNET_TEST_TMP = run;
  process.env.TMPDIR = run;
  process.env.AKSNET_CACHE_DIR = join(run, 'cache');
}

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
