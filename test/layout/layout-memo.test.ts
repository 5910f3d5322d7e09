/**
 * The layout runner and the in-process memo of src/layout/cache.ts: a command can choose where layouts run
 * (never what they give), and a request asked for again while its first layout is still under way (designs
 * drawn concurrently) is laid out once, each caller getting objects of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { layoutCacheStats, layoutMaybeCached, useLayoutMemory, useLayoutRunner } from '../../src/layout/cache.js';
import { layout, LayoutError, type LayoutRequest, type LayoutResult } from '../../src/layout/elk.js';

const req = (width: number): LayoutRequest => ({
  nodes: [
    { id: 'a', width, height: 40, container: false },
    { id: 'b', width: 120, height: 40, container: false },
  ],
  edges: [{ id: 'a-b', from: 'a', to: 'b', label: { width: 40, height: 12 } }],
});

const plain = (r: LayoutResult) => ({ width: r.width, height: r.height, nodes: [...r.nodes], edges: [...r.edges] });

/** A runner that counts its calls and answers with ELK's layout once released. */
function countingRunner() {
  const calls: LayoutRequest[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const run = async (r: LayoutRequest) => {
    calls.push(r);
    await gate;
    return layout(r);
  };
  return { calls, run, release };
}

afterEach(() => {
  useLayoutRunner(undefined);
  useLayoutMemory(0);
});

describe('layout runner', () => {
  it('lays out the requests no cache answers, and undefined restores ELK on this thread', async () => {
    const c = countingRunner();
    c.release();
    useLayoutRunner(c.run);
    const viaRunner = await layoutMaybeCached(req(100), undefined);
    expect(c.calls).toHaveLength(1);
    useLayoutRunner(undefined);
    const direct = await layoutMaybeCached(req(100), undefined);
    expect(c.calls).toHaveLength(1);
    expect(plain(viaRunner)).toEqual(plain(direct));
  });

  it('an explicit runner wins over the one set for the process', async () => {
    const set = countingRunner();
    const given = countingRunner();
    set.release();
    given.release();
    useLayoutRunner(set.run);
    await layoutMaybeCached(req(101), undefined, given.run);
    expect([set.calls.length, given.calls.length]).toEqual([0, 1]);
  });
});

describe('layouts under way', () => {
  it('with the memory on, a request made again before the first finishes is laid out once', async () => {
    useLayoutMemory(16);
    const c = countingRunner();
    useLayoutRunner(c.run);
    const s0 = layoutCacheStats();
    const first = layoutMaybeCached(req(130), undefined);
    const again = layoutMaybeCached(structuredClone(req(130)), undefined);
    const other = layoutMaybeCached(req(131), undefined);
    c.release();
    const [a, b, o] = await Promise.all([first, again, other]);
    // Two different requests, two layouts; the repeated one waited for the first.
    expect(c.calls.map((r) => r.nodes[0]!.width)).toEqual([130, 131]);
    const s1 = layoutCacheStats();
    expect([s1.misses - s0.misses, s1.hits - s0.hits]).toEqual([2, 1]);
    expect(plain(b)).toEqual(plain(a));
    expect(plain(o)).not.toEqual(plain(a));
    // Objects of its own: changing one caller's result leaves the other's as it was.
    expect(b).not.toBe(a);
    expect(b.nodes).not.toBe(a.nodes);
    b.nodes.get('a')!.x += 1000;
    expect(a.nodes.get('a')!.x).toBe(b.nodes.get('a')!.x - 1000);
  });

  it('with the memory off, the same request runs twice (nothing is shared)', async () => {
    const c = countingRunner();
    useLayoutRunner(c.run);
    const both = Promise.all([layoutMaybeCached(req(140), undefined), layoutMaybeCached(req(140), undefined)]);
    c.release();
    await both;
    expect(c.calls).toHaveLength(2);
  });

  it('a failed layout fails every caller waiting for it and is not kept', async () => {
    useLayoutMemory(16);
    let runs = 0;
    useLayoutRunner(async () => {
      runs++;
      await Promise.resolve();
      throw new LayoutError('no route');
    });
    const results = await Promise.allSettled([
      layoutMaybeCached(req(150), undefined),
      layoutMaybeCached(req(150), undefined),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(runs).toBe(1);
    // Not remembered: the next ask runs again (and succeeds with ELK).
    useLayoutRunner(undefined);
    const ok = await layoutMaybeCached(req(150), undefined);
    expect(ok.nodes.size).toBe(2);
  });
});
