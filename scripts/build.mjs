// Compiles dsl/ and src/ to dist/ with the pinned tsc. The output goes to a fresh directory that is
// swapped in at the end, so a build running beside tests never leaves dist/ half-written and stale
// files of deleted modules (e.g. removed rules) never linger. Type errors are printed and make the
// exit code 1, but the emitted JavaScript is still swapped in so unrelated work can run.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from './source-hash.mjs';
import { bundleRules } from './bundle-rules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // Installed without dev dependencies: a published package ships dist/ already.
  if (existsSync(join(root, 'dist', 'src', 'index.js'))) process.exit(0);
  console.error('aksnet build: typescript is not installed; run `npm install` first.');
  process.exit(1);
}
const out = join(root, `.dist-build-${process.pid}`);
const old = join(root, `.dist-old-${process.pid}`);
rmSync(out, { recursive: true, force: true });
// Hashed before compiling: dist/ then reflects at least these sources (test/global-setup.ts reads it).
const hash = sourceHash(root);
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--outDir', out], { stdio: 'inherit' });
if (!existsSync(join(out, 'src'))) {
  rmSync(out, { recursive: true, force: true });
  process.exit(r.status || 1);
}
// One module for the whole rule catalogue (see bundle-rules.mjs); without it the rules load file by file.
try {
  await bundleRules(out);
} catch (e) {
  console.error(`aksnet build: the rule catalogue was not bundled (rules will load file by file): ${e.message ?? e}`);
}
writeFileSync(join(out, '.source-hash'), hash);
if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), old);
renameSync(out, join(root, 'dist'));
rmSync(old, { recursive: true, force: true });
process.exit(r.status ?? 1);
