// Compiles dsl/ and src/ to dist/ with tsc. Kept as a script (not a bare `tsc` in package.json)
// so that `npm install` on a fresh clone builds with the pinned compiler and fails loudly.
import { spawnSync } from 'node:child_process';
import { rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
rmSync(join(root, 'dist'), { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
process.exit(r.status ?? 1);
