/** `aksnet diagram --watch` re-renders when the design file changes (behaviour, not speed). */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

  it('writes again only the views a save changed, and any output that went missing', async () => {
    const design = join(dir, 'all.ts');
    copyFileSync(join(root, 'examples/a-hub-spoke-baseline.ts'), design);
    const out = join(dir, 'out-all');
    const svg = (view: string) => join(out, `all.${view}.svg`);
    // With the second ELK on whatever the machine's load: views are then laid out on both threads at once.
    const child = spawn(process.execPath, [join(root, 'bin/aksnet.js'), 'diagram', design, '--view', 'all', '-o', out, '--watch'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AKSNET_LAYOUT_THREAD: 'on' },
    });
    let log = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), (log += d.toString())));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const renders = () => log.split('design validated').length - 1;
    try {
      await until(() => log.includes('watching'), 'the first render');
      const topology = readFileSync(svg('topology'), 'utf8');
      // An atomic write replaces the file: a new inode. A view left alone keeps its inode.
      const inode = (view: string) => statSync(svg(view)).ino;
      const before = { topology: inode('topology'), ingress: inode('ingress'), egress: inode('egress') };
      unlinkSync(svg('egress'));
      const listed = stdout.length;
      writeFileSync(design, readFileSync(design, 'utf8').replace("name: 'traefik'", "name: 'traefik-renamed'"));
      await until(() => renders() >= 2, `a re-render (log: ${log})`);
      expect(readFileSync(svg('ingress'), 'utf8')).toContain('traefik-renamed');
      expect(inode('ingress')).not.toBe(before.ingress);
      expect(readFileSync(svg('topology'), 'utf8')).toBe(topology);
      expect(inode('topology')).toBe(before.topology);
      // The missing egress view is written again, though its picture did not change.
      expect(existsSync(svg('egress'))).toBe(true);
      // Every view is still listed as an output of the run, written or already up to date.
      for (const view of ['topology', 'ingress', 'egress']) expect(stdout.slice(listed)).toContain(svg(view));
    } finally {
      child.kill();
    }
  }, 120_000);

  it('with --diff, draws again when the base design outside the watched folder is saved', async () => {
    const designs = mkdtempSync(join(dir, 'diff-designs-'));
    const bases = mkdtempSync(join(dir, 'diff-base-'));
    const design = join(designs, 'design.ts');
    const base = join(bases, 'base.ts');
    copyFileSync(join(root, 'examples/a-hub-spoke-baseline.ts'), design);
    copyFileSync(join(root, 'examples/a-hub-spoke-baseline.ts'), base);
    const out = join(dir, 'out-diff');
    const svg = join(out, 'design.ingress.svg');
    const child = spawn(
      process.execPath,
      [join(root, 'bin/aksnet.js'), 'diagram', design, '--view', 'ingress', '--diff', base, '-o', out, '--watch'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await until(() => existsSync(svg) && log.includes('watching'), 'the first render');
      const first = readFileSync(svg, 'utf8');
      // The base's ingress controller renamed: the design's own now differs from it, so the drawing marks a change.
      writeFileSync(base, readFileSync(base, 'utf8').replace("name: 'traefik'", "name: 'traefik-before'"));
      await until(() => readFileSync(svg, 'utf8') !== first, `a re-render after the base was saved (log: ${log})`);
    } finally {
      child.kill();
    }
  }, 120_000);
});
