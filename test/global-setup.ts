/**
 * Vitest global setup: builds dist/ before any test runs, so the tests that start the CLI
 * (`node bin/aksnet.js …`: readme, watch, cli, safety, report) never run a stale build, also when
 * one file is run alone. The build is skipped when dist/ was built from exactly the current sources
 * (a hash of src/, dsl/, package.json and tsconfig.json stored beside it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.source-hash');

/** The files the build reads, in a stable order. */
function sources(): string[] {
  const out: string[] = [join(root, 'package.json'), join(root, 'tsconfig.json')];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(m?ts|json)$/.test(e.name)) out.push(p);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'dsl'));
  return out;
}

export function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of sources()) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

export default function setup(): void {
  const hash = sourceHash();
  if (existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  // Type errors make the build exit 1 but still emit dist/ (see scripts/build.mjs); the tests then
  // run against what was emitted and `npm run typecheck` reports the errors.
  if (!existsSync(join(root, 'dist/src/cli/main.js'))) throw new Error(`the build produced no dist/:\n${r.stdout}${r.stderr}`);
  if (r.status !== 0) process.stderr.write(`warning: the build reported errors; dist/ may be incomplete:\n${r.stdout}${r.stderr}\n`);
  else writeFileSync(stamp, hash);
}
