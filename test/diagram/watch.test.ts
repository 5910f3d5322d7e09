/** `aksnet diagram --watch` re-renders when the design file changes (behaviour, not speed). */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

async function until(check: () => boolean, what: string, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('diagram --watch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-watch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-renders after the design is saved', async () => {
    const design = join(dir, 'design.ts');
    copyFileSync(join(root, 'examples/a-hub-spoke-baseline.ts'), design);
    const out = join(dir, 'out');
    const svg = join(out, 'design.ingress.svg');
    const child = spawn(process.execPath, [join(root, 'bin/aksnet.js'), 'diagram', design, '--view', 'ingress', '-o', out, '--watch'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await until(() => existsSync(svg) && log.includes('watching'), 'the first render');
      expect(readFileSync(svg, 'utf8')).not.toContain('traefik-renamed');
      writeFileSync(design, readFileSync(design, 'utf8').replace("name: 'traefik'", "name: 'traefik-renamed'"));
      await until(() => readFileSync(svg, 'utf8').includes('traefik-renamed'), `a re-render (log: ${log})`);
    } finally {
      child.kill();
    }
  }, 120_000);
});
