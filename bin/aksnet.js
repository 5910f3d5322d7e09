#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// An aksnet run is short, and most of its time goes to code that runs only a few times (ELK's first
// layouts): with V8's default tier-up budget, TurboFan compiles functions whose optimised code never
// pays off. An eight times larger budget still optimises what stays hot (a 200-spoke layout, a watch
// session) and cut CPU time by about 30 % for one view of example a and for a 200-spoke topology.
// Set before anything else is compiled; an explicit --interrupt-budget on the command line wins.
if (!process.execArgv.some((a) => a.startsWith('--interrupt-budget'))) v8.setFlagsFromString('--interrupt-budget=1048576');

// V8's compile cache (Node 22.1+; absent on Node 20, where this is a no-op): later runs skip parsing
// and compiling aksnet and its dependencies. AKSNET_NO_CACHE=1 turns it off, as it does aksnet's own caches.
if (typeof module.enableCompileCache === 'function' && !(process.env.AKSNET_NO_CACHE && process.env.AKSNET_NO_CACHE !== '0')) {
  try {
    module.enableCompileCache();
  } catch {
    // A cache directory that cannot be created only costs the saving.
  }
}

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
