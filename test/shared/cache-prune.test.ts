import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneCache, STALE_DAYS } from '../../src/shared/cache-prune.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 1, 12);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cache(): string {
  const d = mkdtempSync(join(tmpdir(), 'aksnet-prune-'));
  dirs.push(d);
  return d;
}

/** A cache entry last written `days` days before NOW. */
function entry(dir: string, name: string, days: number): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, 'x');
  const t = new Date(NOW - days * DAY);
  utimesSync(p, t, t);
  return p;
}

describe('pruneCache', () => {
  it('removes entries not written for STALE_DAYS days, in sub-folders too, and keeps younger ones', () => {
    const d = cache();
    const old = entry(d, 'pos-a.json', STALE_DAYS);
    const oldLayout = entry(d, 'layouts/ab/cd.json', STALE_DAYS + 10);
    const young = entry(d, 'pos-b.json', STALE_DAYS - 1);
    expect(pruneCache(d, NOW)).toBe(2);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(oldLayout)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });

  it('prunes at most once a day', () => {
    const d = cache();
    expect(pruneCache(d, NOW)).toBe(0);
    const old = entry(d, 'cjs-1.v8cache', STALE_DAYS + 1);
    expect(pruneCache(d, NOW + DAY - 1)).toBe(0);
    expect(existsSync(old)).toBe(true);
    expect(pruneCache(d, NOW + DAY)).toBe(1);
    expect(existsSync(old)).toBe(false);
  });

  it('does nothing when caching is off or the folder does not exist, and creates no folder', () => {
    expect(pruneCache(undefined, NOW)).toBe(0);
    const missing = join(cache(), 'not-there');
    expect(pruneCache(missing, NOW)).toBe(0);
    expect(existsSync(missing)).toBe(false);
  });
});
