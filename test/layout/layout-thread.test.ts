/**
 * The layout thread (src/layout/layout-thread.ts) answers with exactly the layout the main thread
 * makes, and the flow views drawn with it on are byte-identical. It needs the compiled worker entry,
 * so this runs against dist/ as the CLI does.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hardening/cli.js';
import type { LayoutRequest, LayoutResult } from '../../src/layout/elk.js';

const dist = (p: string) => pathToFileURL(join(resolve(import.meta.dirname, '../..'), 'dist/src', p)).href;

interface ThreadModule {
  useLayoutThread(on: boolean): void;
  layoutInThread(req: LayoutRequest): Promise<LayoutResult>;
}

const req: LayoutRequest = {
  nodes: [
    { id: 'g', width: 300, height: 200, container: true, padding: { top: 30, left: 12, bottom: 12, right: 12 } },
    { id: 'a', parent: 'g', width: 120, height: 40, container: false, ports: true },
    { id: 'b', parent: 'g', width: 120, height: 40, container: false, ports: true },
    { id: 'c', width: 80, height: 40, container: false },
  ],
  edges: [
    { id: 'a-b', from: 'a', to: 'b', label: { width: 40, height: 12 } },
    { id: 'b-c', from: 'b', to: 'c' },
  ],
};

const plain = (r: LayoutResult) => ({ width: r.width, height: r.height, nodes: [...r.nodes], edges: [...r.edges] });

describe('layout thread', () => {
  let thread: ThreadModule;
  let layout: (r: LayoutRequest) => Promise<LayoutResult>;
  beforeAll(async () => {
    ensureBuilt();
    thread = (await import(dist('layout/layout-thread.js'))) as ThreadModule;
    layout = ((await import(dist('layout/elk.js'))) as { layout: typeof layout }).layout;
  });

  it('lays out in the worker exactly as on the main thread, both directions, and fails as the main thread does', async () => {
    thread.useLayoutThread(true);
    try {
      for (const direction of ['RIGHT', 'DOWN'] as const) {
        const r = { ...req, direction };
        const [inThread, onMain] = await Promise.all([thread.layoutInThread(r), layout(r)]);
        expect(plain(inThread)).toEqual(plain(onMain));
        expect(inThread.edges.size).toBe(2);
      }
      const bad = { ...req, edges: [...req.edges, { id: 'x', from: 'a', to: 'nope' }] };
      await expect(thread.layoutInThread(bad)).rejects.toThrow();
    } finally {
      thread.useLayoutThread(false);
    }
  });

  it('off, it lays out on the main thread', async () => {
    thread.useLayoutThread(false);
    expect(plain(await thread.layoutInThread(req))).toEqual(plain(await layout(req)));
  });
});
