/**
 * dist/ built from exactly the current sources (scripts/build.mjs stores their hash in dist/.source-hash), and a
 * build only when it is not: test/global-setup.ts builds before any test, so a test file that makes sure of dist/
 * finds it fresh and never rebuilds. A rebuild during the run swaps dist/ under the CLI processes other test files
 * are running (a `validate --watch` once failed to resolve the DSL's own `./types.js` in the middle of the swap).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sourceHash } from '../../scripts/source-hash.mjs';

const root = resolve(import.meta.dirname, '../..');

/** Whether dist/ holds a build of the current sources. */
export function distIsFresh(): boolean {
  const stamp = join(root, 'dist', '.source-hash');
  return existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceHash(root);
}

/** Builds dist/ unless it is fresh; returns the build's output (empty when none ran), throws when none exists after. */
export function ensureBuilt(): { status: number | null; output: string } {
  if (distIsFresh()) return { status: 0, output: '' };
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  if (!existsSync(join(root, 'dist/src/cli/main.js'))) throw new Error(`the build produced no dist/:\n${output}`);
  return { status: r.status, output };
}
