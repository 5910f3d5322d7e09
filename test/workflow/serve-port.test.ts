/**
 * `aksnet serve` on a port another program holds: one clear message, exit code 2 (usage), and the process ends
 * instead of staying alive with its file watcher and evaluation worker and nothing served.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

describe('aksnet serve on a port in use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-serve-port-'));
  let holder: Server | undefined;
  afterAll(() => {
    holder?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so and exits with code 2', async () => {
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(dir, 'a.ts'));
    holder = createServer();
    await new Promise<void>((r) => holder!.listen(0, '127.0.0.1', () => r()));
    const port = (holder.address() as AddressInfo).port;
    const child = spawn(process.execPath, [join(repo, 'bin/aksnet.js'), 'serve', 'a.ts', '--port', String(port), '--no-config'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AKSNET_CACHE_DIR: join(dir, 'cache') },
    });
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    // A process that does not end fails the test by its timeout (it was kept alive by the watcher before).
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(log).toContain(`port ${port} is in use; pick another with --port`);
    expect(log).not.toMatch(/\n\s+at /);
  }, 60_000);
});
