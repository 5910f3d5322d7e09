/**
 * The layout pool (layoutInPool in src/layout/layout-thread.ts): each layout goes to whichever ELK is free, the
 * main thread's or the worker's, and the bytes drawn do not depend on which one made it. A worker that cannot
 * start, or dies with a layout, costs nothing but speed. Runs against dist/, as the CLI does (the worker entry is
 * compiled JavaScript).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hardening/cli.js';
import type { LayoutRequest, LayoutResult } from '../../src/layout/elk.js';
import type * as Thread from '../../src/layout/layout-thread.js';
import type * as Diagram from '../../src/diagram/index.js';
import type * as Load from '../../src/load/load-architecture.js';

const root = resolve(import.meta.dirname, '../..');
const dist = (p: string) => pathToFileURL(join(root, 'dist/src', p)).href;
const example = (name: string) => join(root, 'examples', `${name}.ts`);

const plain = (r: LayoutResult) =>
  JSON.stringify({ width: r.width, height: r.height, nodes: [...r.nodes], edges: [...r.edges] });

/** A small graph with a container, ports and labels, in either direction. */
const request = (i: number, direction: 'RIGHT' | 'DOWN'): LayoutRequest => ({
  direction,
  nodes: [
    {
      id: 'g',
      width: 200 + i * 10,
      height: 120,
      container: true,
      padding: { top: 30, left: 12, bottom: 12, right: 12 },
    },
    { id: 'a', parent: 'g', width: 120 + i, height: 40, container: false, ports: true },
    { id: 'b', parent: 'g', width: 90, height: 40 + i, container: false, ports: true },
    { id: 'c', width: 80, height: 40, container: false },
  ],
  edges: [
    { id: 'a-b', from: 'a', to: 'b', label: { width: 40 + i, height: 12 } },
    { id: 'b-c', from: 'b', to: 'c' },
    { id: 'c-a', from: 'c', to: 'a', reverse: true },
  ],
});

describe('layout pool', () => {
  let thread: typeof Thread;
  let diagram: typeof Diagram;
  let load: typeof Load;
  let layout: (r: LayoutRequest) => Promise<LayoutResult>;
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-pool-'));
  beforeAll(async () => {
    ensureBuilt();
    thread = (await import(dist('layout/layout-thread.js'))) as typeof Thread;
    diagram = (await import(dist('diagram/index.js'))) as typeof Diagram;
    load = (await import(dist('load/load-architecture.js'))) as typeof Load;
    layout = ((await import(dist('layout/elk.js'))) as { layout: typeof layout }).layout;
  }, 120_000);
  afterEach(() => {
    thread.useLayoutThread(false);
    thread.setLayoutThreadEntry(undefined);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays out on both ELKs, each layout the one this thread makes alone', async () => {
    const reqs = [0, 1, 2, 3, 4, 5].flatMap((i) => [request(i, 'RIGHT'), request(i, 'DOWN')]);
    const alone: string[] = [];
    for (const r of reqs) alone.push(plain(await layout(r)));
    thread.startLayoutThread();
    expect(thread.layoutThreadOn()).toBe(true);
    const before = thread.layoutPoolStats();
    const pooled = await Promise.all(reqs.map((r) => thread.layoutInPool(r)));
    const after = thread.layoutPoolStats();
    expect(pooled.map(plain)).toEqual(alone);
    // Twelve layouts asked at once: both ELKs took some, and every one ran exactly once.
    expect(after.worker - before.worker).toBeGreaterThan(0);
    expect(after.main - before.main).toBeGreaterThan(0);
    expect(after.worker - before.worker + after.main - before.main).toBe(reqs.length);
    // A request's own error comes back from the pool as from layout().
    const bad = { ...request(0, 'RIGHT'), edges: [{ id: 'x', from: 'a', to: 'nope' }] };
    const errors = await Promise.all(
      [0, 1].map(() => thread.layoutInPool(bad).then(() => 'laid out', (e: unknown) => (e as Error).message)),
    );
    expect(errors).toEqual([
      'internal error: edge "x" refers to unknown node "nope"',
      'internal error: edge "x" refers to unknown node "nope"',
    ]);
  }, 120_000);

  it('draws every view of the examples byte for byte as one thread does', async () => {
    for (const name of ['a-hub-spoke-baseline', 'd-legacy-agic-kubenet', 'g-two-region-stamps']) {
      const { model } = await load.loadArchitecture(example(name));
      thread.useLayoutThread(false);
      const alone = await diagram.renderDiagrams(model);
      thread.startLayoutThread();
      const before = thread.layoutPoolStats();
      const pooled = await diagram.renderDiagrams(model);
      expect(thread.layoutPoolStats().worker).toBeGreaterThan(before.worker);
      expect(pooled.map((d) => d.view)).toEqual(alone.map((d) => d.view));
      expect(pooled.length).toBeGreaterThanOrEqual(5);
      pooled.forEach((d, i) => expect(d.svg, `${name} ${d.view}`).toBe(alone[i]!.svg));
    }
  }, 240_000);

  it('lays out here when the worker cannot start, is missing, or dies with a layout', async () => {
    const entries = join(dir, 'entries');
    mkdirSync(entries, { recursive: true });
    writeFileSync(join(entries, 'throws.mjs'), "throw new Error('cannot start');\n");
    writeFileSync(
      join(entries, 'dies.mjs'),
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const reqs = [request(7, 'RIGHT'), request(7, 'DOWN'), request(8, 'RIGHT')];
    const alone: string[] = [];
    for (const r of reqs) alone.push(plain(await layout(r)));
    for (const entry of ['throws.mjs', 'dies.mjs', 'missing.mjs']) {
      thread.setLayoutThreadEntry(pathToFileURL(join(entries, entry)));
      thread.startLayoutThread();
      const pooled = await Promise.all(reqs.map((r) => thread.layoutInPool(r)));
      expect(pooled.map(plain), entry).toEqual(alone);
      // Later layouts go straight to this thread.
      expect(plain(await thread.layoutInPool(reqs[0]!)), entry).toBe(alone[0]);
      thread.useLayoutThread(false);
    }
  }, 120_000);

  it('the CLI starts a second ELK by its policy, unless AKSNET_LAYOUT_THREAD decides', () => {
    // spare-core, two cores: a load average up to one leaves a core idle.
    expect(thread.wantThread('spare-core', {}, 0.2, 2)).toBe(true);
    expect(thread.wantThread('spare-core', {}, 1, 2)).toBe(true);
    expect(thread.wantThread('spare-core', {}, 1.01, 2)).toBe(false);
    expect(thread.wantThread('spare-core', {}, 2.9, 4)).toBe(true);
    expect(thread.wantThread('spare-core', {}, 3.1, 4)).toBe(false);
    expect(thread.wantThread('spare-core', {}, 0, 1)).toBe(false);
    expect(thread.wantThread('asked', {}, 0, 8)).toBe(false);
    expect(thread.wantThread('always', {}, 9, 1)).toBe(true);
    expect(thread.wantThread('asked', { AKSNET_LAYOUT_THREAD: 'on' }, 9, 2)).toBe(true);
    expect(thread.wantThread('spare-core', { AKSNET_LAYOUT_THREAD: '1' }, 9, 1)).toBe(true);
    expect(thread.wantThread('always', { AKSNET_LAYOUT_THREAD: 'off' }, 0, 8)).toBe(false);
    expect(thread.wantThread('spare-core', { AKSNET_LAYOUT_THREAD: '0' }, 0, 8)).toBe(false);
    expect(thread.startLayoutThread({ when: 'asked', env: {} })).toBe(false);
    expect(thread.layoutThreadOn()).toBe(false);
    expect(thread.startLayoutThread({ when: 'asked', env: { AKSNET_LAYOUT_THREAD: 'on' } })).toBe(true);
    expect(thread.layoutThreadOn()).toBe(true);
  });

  it('runs ELK again for the overview second pass only where a header changed', async () => {
    thread.startLayoutThread();
    // Every layout of a render goes through the pool (no layout cache here): its counts are ELK's runs.
    const runs = async (name: string) => {
      const { model } = await load.loadArchitecture(example(name));
      const before = thread.layoutPoolStats();
      await diagram.renderDiagrams(model, { views: ['overview'] });
      const after = thread.layoutPoolStats();
      return after.main + after.worker - before.main - before.worker;
    };
    // Example d's headers fit at the first guess: across and down, no second pass. Example a's do not: four.
    expect(await runs('d-legacy-agic-kubenet')).toBe(2);
    expect(await runs('a-hub-spoke-baseline')).toBe(4);
  }, 120_000);

  it('on one ELK, skips the second pass of an overview candidate far behind, drawing the same picture', async () => {
    const cache = (await import(dist('layout/cache.js'))) as {
      layoutCacheStats(): { hits: number; misses: number };
    };
    for (const name of ['a-hub-spoke-baseline', 'b-front-door-private-link', 'c-agc-gateway-api']) {
      const { model } = await load.loadArchitecture(example(name));
      thread.startLayoutThread();
      const [both] = await diagram.renderDiagrams(model, { views: ['overview'] });
      thread.useLayoutThread(false);
      // A layout cache folder of its own: its misses are ELK's runs.
      const folder = mkdtempSync(join(dir, 'one-elk-'));
      const before = cache.layoutCacheStats();
      const [one] = await diagram.renderDiagrams(model, { views: ['overview'], layoutCache: folder });
      const misses = cache.layoutCacheStats().misses - before.misses;
      // Across, top-down and across again: the top-down first pass prints at under 0.9 of the across one.
      expect(misses, name).toBe(3);
      expect(one!.svg, name).toBe(both!.svg);
    }
  }, 180_000);
});
