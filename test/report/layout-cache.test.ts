/**
 * `aksnet report` keeps its layouts (`layouts/`) and each design's drawings (`drawings/`) in aksnet's cache folder
 * (AKSNET_CACHE_DIR): a second run of the same designs reads its pictures, a run without the drawings is laid out
 * from the layouts, each with the same output; AKSNET_NO_CACHE turns both off.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = join(repo, 'examples', 'a-hub-spoke-baseline.ts');
const work = mkdtempSync(join(tmpdir(), 'aksnet-report-layout-cache-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function report(out: string, env: Record<string, string>): string {
  const r = spawnSync(
    process.execPath,
    [join(repo, 'bin/aksnet.js'), 'report', example, '-o', out, '--as-of', '2026-11-23', '--no-config'],
    {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, AKSNET_NO_CACHE: '', ...env },
      timeout: 120_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

const entries = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, f))
    : [];

describe('aksnet report: the layout cache', () => {
  it('stores each layout once, draws the second run from it, and is off with AKSNET_NO_CACHE', () => {
    const cache = join(work, 'cache');
    const layouts = join(cache, 'layouts');
    const first = report(join(work, 'one.html'), { AKSNET_CACHE_DIR: cache });
    // Five views, the flow views also tried top-down: at least one layout per view.
    const stored = entries(layouts);
    expect(stored.length).toBeGreaterThanOrEqual(5);
    // One design: one entry of drawings.
    const drawings = join(cache, 'drawings');
    const drawn = entries(drawings);
    expect(drawn).toHaveLength(1);
    expect(report(join(work, 'two.html'), { AKSNET_CACHE_DIR: cache })).toBe(first);
    expect(entries(layouts).sort()).toEqual(stored.sort());
    expect(entries(drawings)).toEqual(drawn);
    // The second run read its pictures from the drawings: a title changed there is in the pack.
    const entry = readFileSync(drawn[0]!, 'utf8');
    writeFileSync(drawn[0]!, entry.replace('"title":"', '"title":"STORED '));
    expect(report(join(work, 'two-b.html'), { AKSNET_CACHE_DIR: cache })).toContain('STORED ');
    // Without the drawings the pack is drawn again, from the stored layouts.
    rmSync(drawings, { recursive: true });
    // The second run read the cache: entries made 1000 px wider make every picture wider.
    for (const f of stored) {
      const e = JSON.parse(readFileSync(f, 'utf8')) as { width: number };
      writeFileSync(f, JSON.stringify({ ...e, width: e.width + 1000 }));
    }
    expect(report(join(work, 'three.html'), { AKSNET_CACHE_DIR: cache })).not.toBe(first);
    // Unreadable entries are misses: laid out again, and the pack is the first one again.
    rmSync(drawings, { recursive: true });
    for (const f of stored) writeFileSync(f, '{"format": 1, "nodes": [');
    expect(report(join(work, 'four.html'), { AKSNET_CACHE_DIR: cache })).toBe(first);
    const off = join(work, 'off');
    expect(report(join(work, 'five.html'), { AKSNET_CACHE_DIR: off, AKSNET_NO_CACHE: '1' })).toBe(first);
    expect(existsSync(join(off, 'layouts'))).toBe(false);
    expect(existsSync(join(off, 'drawings'))).toBe(false);
  }, 300_000);
});
