/**
 * ELK loads with a V8 code cache: written after the first layout, used by the next process, and
 * harmless when corrupt or turned off. Each load runs in a fresh process (V8 also caches
 * compilations inside one isolate, which would hide what a new process sees). Uses dist/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/layout/elk-loader.js';

const repo = resolve(import.meta.dirname, '../..');
const loader = pathToFileURL(join(repo, 'dist/src/layout/elk-loader.js')).href;
const dir = mkdtempSync(join(tmpdir(), 'aksnet-elk-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = `
const { loadElk } = await import(${JSON.stringify(loader)});
const dir = process.env.CACHE === '' ? false : process.env.CACHE;
const l = loadElk(dir);
const g = { id: 'root', layoutOptions: { 'elk.algorithm': 'layered' }, children: [{ id: 'a', width: 40, height: 20 }, { id: 'b', width: 40, height: 20 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] };
const out = await new l.Ctor().layout(g);
l.saveCache();
process.stdout.write(JSON.stringify({ cacheUsed: l.cacheUsed, boxes: out.children.map((c) => [c.x, c.y]) }));
`;

function load(cache: string): { cacheUsed: boolean; boxes: number[][] } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, CACHE: cache },
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { cacheUsed: boolean; boxes: number[][] };
}

describe('ELK code cache', () => {
  it('is written after the first layout, then used by the next process, with the same layout', () => {
    const first = load(dir);
    expect(first.cacheUsed).toBe(false);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^elk-[0-9a-f]{16}\.v8cache$/);
    const second = load(dir);
    expect(second.cacheUsed).toBe(true);
    expect(second.boxes).toEqual(first.boxes);
  });

  it('ignores a corrupt cache and replaces it', () => {
    const file = join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, 'not a code cache');
    const r = load(dir);
    expect(r.cacheUsed).toBe(false);
    expect(r.boxes).toHaveLength(2);
    expect(load(dir).cacheUsed).toBe(true);
  });

  it('runs without a cache when it is off', () => {
    const r = load('');
    expect(r.cacheUsed).toBe(false);
    expect(r.boxes).toHaveLength(2);
  });

  it('finds its directory from the environment', () => {
    expect(cacheDir({ AKSNET_NO_CACHE: '1', AKSNET_CACHE_DIR: '/x' })).toBeUndefined();
    expect(cacheDir({ AKSNET_NO_CACHE: '0', AKSNET_CACHE_DIR: '/x' })).toBe('/x');
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'aksnet'));
  });
});
