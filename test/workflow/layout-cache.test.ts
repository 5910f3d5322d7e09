/** The content-addressed layout cache: same input → the stored result without ELK; any change → a new key. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedLayout, layoutCacheStats, layoutKey } from '../../src/layout/cache.js';
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
