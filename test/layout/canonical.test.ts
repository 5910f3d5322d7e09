/** The layout cache keys on positions, not names: renamed requests share a layout, read back under their own ids. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cachedLayout, layoutCacheStats, layoutKey, layoutMaybeCached, useLayoutMemory } from '../../src/layout/cache.js';
import { canonicalRequest, fromPositional, toPositional } from '../../src/layout/canonical.js';
import { layout, LayoutError, type LayoutRequest } from '../../src/layout/elk.js';

const named = (p: string): LayoutRequest => ({
  nodes: [
    { id: `${p}vnet`, width: 300, height: 200, container: true },
    { id: `${p}a`, parent: `${p}vnet`, width: 120, height: 40, container: false },
    { id: `${p}b`, parent: `${p}vnet`, width: 120, height: 40, container: false, ports: true },
    { id: `${p}c`, width: 80, height: 40, container: false },
  ],
  edges: [
    { id: `${p}a-b`, from: `${p}a`, to: `${p}b` },
    { id: `${p}b-c`, from: `${p}b`, to: `${p}c`, label: { width: 40, height: 12 } },
    { id: `hint:${p}a-c`, from: `${p}a`, to: `${p}c` },
  ],
});

describe('positional form of a layout request', () => {
  it('names nodes n<i> and edges e<i>, keeps the hint prefix ELK reads, and maps parents and ends', () => {
    const c = canonicalRequest(named('x-'))!;
    expect(c.request.nodes.map((n) => [n.id, n.parent])).toEqual([
      ['n0', undefined],
      ['n1', 'n0'],
      ['n2', 'n0'],
      ['n3', undefined],
    ]);
    expect(c.request.edges.map((e) => [e.id, e.from, e.to])).toEqual([
      ['e0', 'n1', 'n2'],
      ['e1', 'n2', 'n3'],
      ['hint:e2', 'n1', 'n3'],
    ]);
    expect(c.nodeIds).toEqual(['x-vnet', 'x-a', 'x-b', 'x-c']);
    expect(canonicalRequest(named('y-'))!.request).toEqual(c.request);
  });

  it('is undefined for a malformed request (duplicate id, dangling end or parent)', () => {
    const dup = named('');
    dup.nodes.push({ id: 'a', width: 1, height: 1, container: false });
    const dangling = named('');
    dangling.edges.push({ id: 'z', from: 'a', to: 'nowhere' });
    const orphan = named('');
    orphan.nodes.push({ id: 'q', parent: 'nowhere', width: 1, height: 1, container: false });
    const twice = named('');
    twice.edges.push({ ...twice.edges[0]! });
    for (const r of [dup, dangling, orphan, twice]) expect(canonicalRequest(r)).toBeUndefined();
  });

  it('reads stored entries back under the asking ids, in the stored order, and refuses a foreign name', async () => {
    const c = canonicalRequest(named('p-'))!;
    const result = await layout(named('p-'));
    const pos = toPositional(result, c);
    expect(pos.nodes.map(([id]) => id).sort()).toEqual(['n0', 'n1', 'n2', 'n3']);
    const back = fromPositional(pos.nodes, pos.edges, canonicalRequest(named('q-'))!)!;
    expect([...back.nodes.keys()]).toEqual([...result.nodes.keys()].map((k) => k.replace('p-', 'q-')));
    expect([...back.edges.keys()]).toEqual([...result.edges.keys()].map((k) => k.replace('p-', 'q-')));
    expect(fromPositional([['n9', { x: 0, y: 0, width: 1, height: 1 }]], [], c)).toBeUndefined();
    expect(fromPositional([['n01', { x: 0, y: 0, width: 1, height: 1 }]], [], c)).toBeUndefined();
    expect(fromPositional([], [['n0', { points: [] }]], c)).toBeUndefined();
  });
});

describe('layout cache keyed by position', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-layout-canonical-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => useLayoutMemory(0));

  it('gives renamed requests one key, and a different key once a size, a hint or a parent changes', () => {
    const base = layoutKey(named('a-'));
    expect(layoutKey(named('b-'))).toBe(base);
    const wider = named('a-');
    wider.nodes[3]!.width = 81;
    const noHint = named('a-');
    noHint.edges[2]!.id = 'a-a-c';
    const moved = named('a-');
    delete moved.nodes[1]!.parent;
    const swapped = named('a-');
    swapped.nodes.reverse();
    const keys = [base, ...[wider, noHint, moved, swapped].map(layoutKey)];
    expect(new Set(keys).size).toBe(5);
  });

  it('answers a renamed request from disk with exactly what ELK gives it under its own names', async () => {
    await cachedLayout(named('first-'), dir);
    const s0 = layoutCacheStats();
    const hit = await cachedLayout(named('second-'), dir);
    expect(layoutCacheStats().hits - s0.hits).toBe(1);
    expect(layoutCacheStats().misses).toBe(s0.misses);
    const direct = await layout(named('second-'));
    expect([hit.width, hit.height]).toEqual([direct.width, direct.height]);
    expect([...hit.nodes]).toEqual([...direct.nodes]);
    expect([...hit.edges]).toEqual([...direct.edges]);
  });

  it('answers a renamed request from memory (watch mode) the same way', async () => {
    useLayoutMemory(4);
    await layoutMaybeCached(named('m1-'), undefined);
    const s0 = layoutCacheStats();
    const hit = await layoutMaybeCached(named('m2-'), undefined);
    expect(layoutCacheStats().hits - s0.hits).toBe(1);
    const direct = await layout(named('m2-'));
    expect([...hit.nodes]).toEqual([...direct.nodes]);
    expect([...hit.edges]).toEqual([...direct.edges]);
  });

  it('never caches a malformed request: ELK reports it by its own names every time', async () => {
    useLayoutMemory(4);
    const bad = named('bad-');
    bad.edges.push({ id: 'bad-z', from: 'bad-a', to: 'bad-nowhere' });
    for (const run of [() => cachedLayout(bad, dir), () => layoutMaybeCached(bad, undefined)]) {
      await expect(run()).rejects.toThrow(LayoutError);
      await expect(run()).rejects.toThrow(/bad-nowhere/);
    }
  });
});
