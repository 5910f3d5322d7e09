/**
 * A watch session stopped by Ctrl+C or SIGTERM ends its process, even when something the run started would keep
 * Node's event loop alive (src/workflow/watch.ts: STOP_GRACE_MS).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'aksnet-watch-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('watch loop: stopping', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`ends the process on ${signal} although a handle the run left would keep it alive`, async () => {
      const watchJs = pathToFileURL(join(repo, 'dist/src/workflow/watch.js')).href;
      const script =
        `const { watchLoop } = await import(${JSON.stringify(watchJs)});\n` +
        `const code = await watchLoop({ roots: [${JSON.stringify(dir)}], run: async () => {\n` +
        // A run that leaves an interval behind: the event loop never empties by itself.
        `  setInterval(() => {}, 1000);\n` +
        `  return { inputs: [], summary: 'ran' };\n` +
        `} });\n` +
        `process.exitCode = code;\n`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stdout.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr.on('data', (d: Buffer) => (log += d.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      const end = Date.now() + 30_000;
      while (!log.includes('watching') && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(log).toContain('watching');
      child.kill(signal);
      const outcome = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 20_000))]);
      if (outcome === 'still running') child.kill('SIGKILL');
      expect(outcome).toBe(0);
    }, 60_000);
  }
});
