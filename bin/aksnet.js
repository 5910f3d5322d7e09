#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('aksnet: the CLI is not built yet; run `npm install` (or `npm run build`) in the aksnet folder.\n');
  process.exit(2);
}
// A closed pipe (`aksnet rules | head`) is a normal way for a reader to stop, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
