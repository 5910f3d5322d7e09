/**
 * The position cache answers for an unchanged file and only for it: a changed text, another file, a
 * corrupt or foreign cache file, or AKSNET_NO_CACHE make positions be computed from the source again.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PositionMap } from '../../src/load/positions.js';
import { flushPositionCaches, positionMemo } from '../../src/load/position-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-poscache-'));
const cache = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = `import { defineArchitecture, vnet } from 'aksnet';

export default defineArchitecture({
  metadata: { title: 'Cached' },
  network: {
    vnets: [vnet({ name: 'v', region: 'westeurope', addressSpace: ['10.0.0.0/16'] })],
  },
  clusters: [],
});
`;
const design = join(dir, 'design.ts');

const saved = { dir: process.env.AKSNET_CACHE_DIR, off: process.env.AKSNET_NO_CACHE };
beforeEach(() => {
  rmSync(cache, { recursive: true, force: true });
  process.env.AKSNET_CACHE_DIR = cache;
  delete process.env.AKSNET_NO_CACHE;
  writeFileSync(design, SOURCE);
});
afterEach(() => {
  flushPositionCaches();
  for (const [k, v] of [['AKSNET_CACHE_DIR', saved.dir], ['AKSNET_NO_CACHE', saved.off]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const cacheFile = (): string => join(cache, readdirSync(cache).find((f) => f.startsWith('pos-'))!);

/** Rewrites the one cache file's answer for `network.vnets[0]` to 99:9, to see whether it is used. */
function plant(): void {
  const file = cacheFile();
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
  raw.entries['p:network.vnets[0]'] = { line: 99, column: 9, exact: true };
  writeFileSync(file, JSON.stringify(raw));
}

describe('position cache', () => {
  it('stores the computed answers and serves them for the unchanged file', () => {
    const first = PositionMap.parse(design).locate('network.vnets[0]');
    expect(first).toEqual({ line: 6, column: 13, exact: true });
    flushPositionCaches();
    expect(existsSync(cacheFile())).toBe(true);
    plant();
    expect(PositionMap.parse(design).locate('network.vnets[0]')).toEqual({ line: 99, column: 9, exact: true });
  });

  it('also remembers positions below a call site', () => {
    const map = PositionMap.parse(design);
    const pos = map.locateFrom(6, 13, ['addressSpace']);
    expect(pos).toEqual({ line: 6, column: 53, exact: true });
    flushPositionCaches();
    const raw = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: Record<string, unknown> };
    expect(raw.entries['f:6:13:["addressSpace"]']).toEqual(pos);
    expect(PositionMap.parse(design).locateFrom(6, 13, ['addressSpace'])).toEqual(pos);
  });

  it('drops every answer when the file changes', () => {
    PositionMap.parse(design).locate('network.vnets[0]');
    flushPositionCaches();
    plant();
    writeFileSync(design, `// a new first line\n${SOURCE}`);
    expect(PositionMap.parse(design).locate('network.vnets[0]')).toEqual({ line: 7, column: 13, exact: true });
  });

  it('does not give one file the answers of another with the same text', () => {
    PositionMap.parse(design).locate('network.vnets[0]');
    flushPositionCaches();
    plant();
    const twin = join(dir, 'twin.ts');
    writeFileSync(twin, SOURCE);
    expect(PositionMap.parse(twin).locate('network.vnets[0]')).toEqual({ line: 6, column: 13, exact: true });
  });

  it('ignores a corrupt cache file and bad entries', () => {
    PositionMap.parse(design).locate('network.vnets[0]');
    flushPositionCaches();
    writeFileSync(cacheFile(), '{ not json');
    expect(PositionMap.parse(design).locate('network.vnets[0]')).toEqual({ line: 6, column: 13, exact: true });
    flushPositionCaches();
    const raw = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: Record<string, unknown> };
    raw.entries['p:network.vnets[0]'] = { line: 0, column: 'x', exact: true };
    writeFileSync(cacheFile(), JSON.stringify(raw));
    expect(PositionMap.parse(design).locate('network.vnets[0]')).toEqual({ line: 6, column: 13, exact: true });
  });

  it('is off with AKSNET_NO_CACHE', () => {
    process.env.AKSNET_NO_CACHE = '1';
    expect(positionMemo(design, SOURCE)).toBeUndefined();
    expect(PositionMap.parse(design).locate('network.vnets[0]')).toEqual({ line: 6, column: 13, exact: true });
    flushPositionCaches();
    expect(existsSync(cache)).toBe(false);
  });
});
