/** The content-addressed layout cache: same input → the stored result without ELK; any change → a new key. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cachedLayout, layoutCacheStats, layoutKey, layoutMaybeCached, useLayoutMemory } from '../../src/layout/cache.js';
import { layout, type LayoutRequest } from '../../src/layout/elk.js';

const req: LayoutRequest = {
  nodes: [
    { id: 'a', width: 120, height: 40, container: false },
    { id: 'b', width: 120, height: 40, container: false },
    { id: 'c', width: 80, height: 40, container: false },
  ],
  edges: [
    { id: 'a-b', from: 'a', to: 'b' },
    { id: 'b-c', from: 'b', to: 'c', label: { width: 40, height: 12 } },
  ],
};

describe('layout cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-layout-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a repeated request from disk with the same result ELK gives', async () => {
    const s0 = layoutCacheStats();
    const first = await cachedLayout(req, dir);
    const s1 = layoutCacheStats();
    expect(s1.misses - s0.misses).toBe(1);
    const second = await cachedLayout(structuredClone(req), dir);
    const s2 = layoutCacheStats();
    expect(s2.hits - s1.hits).toBe(1);
    expect(s2.misses).toBe(s1.misses);
    const direct = await layout(req);
    for (const r of [first, second]) {
      expect(r.width).toBe(direct.width);
      expect(r.height).toBe(direct.height);
      expect([...r.nodes]).toEqual([...direct.nodes]);
      expect([...r.edges]).toEqual([...direct.edges]);
    }
  });

  it('writes its entries again after its folder was deleted while the process runs', async () => {
    const own = mkdtempSync(join(tmpdir(), 'aksnet-layout-cache-deleted-'));
    try {
      await cachedLayout(req, own);
      expect(readdirSync(own)).toHaveLength(1);
      rmSync(own, { recursive: true, force: true });
      // The first write after the deletion finds no folder (it is made again for the next); the second lands.
      await cachedLayout(req, own);
      await cachedLayout(req, own);
      const s0 = layoutCacheStats();
      await cachedLayout(req, own);
      expect(layoutCacheStats().hits - s0.hits).toBe(1);
      expect(readdirSync(own)).toHaveLength(1);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('keys on every part of the input', () => {
    const base = layoutKey(req);
    expect(layoutKey(structuredClone(req))).toBe(base);
    const wider = structuredClone(req);
    wider.nodes[2]!.width = 81;
    const down = { ...structuredClone(req), direction: 'DOWN' as const };
    const label = structuredClone(req);
    label.edges[1]!.label = { width: 41, height: 12 };
    expect(new Set([base, layoutKey(wider), layoutKey(down), layoutKey(label)]).size).toBe(4);
  });

  it('treats an unreadable entry as a miss and replaces it', async () => {
    const key = layoutKey(req);
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    writeFileSync(file, '{ not json');
    const before = layoutCacheStats();
    const r = await cachedLayout(req, dir);
    expect(layoutCacheStats().misses - before.misses).toBe(1);
    expect(r.nodes.size).toBe(3);
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]);
    expect(layoutCacheStats().hits).toBeGreaterThan(0);
  });
});

describe('in-memory layout cache (watch mode)', () => {
  afterEach(() => useLayoutMemory(0));
  const other: LayoutRequest = { ...structuredClone(req), direction: 'DOWN' };
  const third: LayoutRequest = { nodes: req.nodes.slice(0, 2), edges: req.edges.slice(0, 1) };

  it('is off by default: every request runs ELK', async () => {
    const s0 = layoutCacheStats();
    await layoutMaybeCached(req, undefined);
    await layoutMaybeCached(req, undefined);
    expect(layoutCacheStats().hits).toBe(s0.hits);
  });

  it('answers a repeated request with a fresh copy of what ELK gave, and keeps only the last N', async () => {
    useLayoutMemory(2);
    const direct = await layout(req);
    const s0 = layoutCacheStats();
    const first = await layoutMaybeCached(req, undefined);
    const second = await layoutMaybeCached(structuredClone(req), undefined);
    const s1 = layoutCacheStats();
    expect(s1.hits - s0.hits).toBe(1);
    expect(s1.misses - s0.misses).toBe(1);
    for (const r of [first, second]) {
      expect([r.width, r.height]).toEqual([direct.width, direct.height]);
      expect([...r.nodes]).toEqual([...direct.nodes]);
      expect([...r.edges]).toEqual([...direct.edges]);
    }
    // A hit is a new object: changing one result never changes the next.
    expect(second).not.toBe(first);
    second.nodes.get('a')!.x += 1000;
    expect((await layoutMaybeCached(req, undefined)).nodes.get('a')!.x).toBe(direct.nodes.get('a')!.x);
    // Two more distinct requests push `req` out (least recently used first): it is laid out again.
    await layoutMaybeCached(other, undefined);
    await layoutMaybeCached(third, undefined);
    const s2 = layoutCacheStats();
    await layoutMaybeCached(req, undefined);
    expect(layoutCacheStats().misses - s2.misses).toBe(1);
    // `third` was used last but one: still kept.
    const s3 = layoutCacheStats();
    await layoutMaybeCached(third, undefined);
    expect(layoutCacheStats().hits - s3.hits).toBe(1);
  });
});
