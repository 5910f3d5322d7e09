/**
 * Vitest global setup: builds dist/ before any test runs, so the tests that start the CLI
 * (`node bin/aksnet.js …`: readme, watch, cli, safety, report) never run a stale build, also when
 * one file is run alone. The build is skipped when dist/ was built from exactly the current sources
 * (scripts/build.mjs stores their hash in dist/.source-hash).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { distIsFresh } from './helpers/build.js';

const root = join(import.meta.dirname, '..');


/** Removes the run's temporary folder (set in vitest.config.ts), never a folder the user named. */
function teardown(): void {
  const dir = process.env.AKSNET_TEST_TMP;
  if (dir && basename(dir).startsWith('aksnet-test-run-')) rmSync(dir, { recursive: true, force: true });
}

export default function setup(): () => void {
  if (distIsFresh()) return teardown;
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  if (!existsSync(join(root, 'dist/src/cli/main.js'))) throw new Error(`the build produced no dist/:\n${r.stdout}${r.stderr}`);
  // Type errors make the build exit 1 but still emit dist/ (see scripts/build.mjs); the tests then run
  // against what was emitted, and `npm run typecheck` reports the errors.
  if (r.status !== 0) process.stderr.write(`warning: the build reported errors:\n${r.stdout}${r.stderr}\n`);
  return teardown;
}
