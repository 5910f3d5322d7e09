/**
 * runLayout dispatches a layout to elkjs's in-process worker directly instead of through the API's two timer
 * hops: the graph must come back laid out exactly as the API lays it out, errors must still reject, layouts
 * asked for at once must each get their own answer, and an engine without an in-process worker uses the API.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { elk, layout, ROOT_OPTIONS, runLayout } from '../../src/layout/elk.js';

const require = createRequire(import.meta.url);
const Elk = require('elkjs/lib/elk.bundled.js') as new () => ELK;

const COORDS = { 'org.eclipse.elk.json.shapeCoords': 'ROOT', 'org.eclipse.elk.json.edgeCoords': 'ROOT' };

/** A nested graph with a cross-hierarchy edge and a label: the parts of ELK aksnet's views use. */
function graph(width = 120): ElkNode {
  return {
    id: 'root',
    layoutOptions: { ...ROOT_OPTIONS },
    children: [
      { id: 'a', width, height: 40 },
      {
        id: 'box',
        layoutOptions: { 'elk.padding': '[top=24,left=12,bottom=12,right=12]' },
        children: [
          { id: 'b', width: 80, height: 40 },
          { id: 'c', width: 90, height: 44 },
        ],
        edges: [{ id: 'bc', sources: ['b'], targets: ['c'] }],
      },
    ],
    edges: [{ id: 'ab', sources: ['a'], targets: ['b'], labels: [{ id: 'l', text: ' ', width: 60, height: 14 }] }],
  };
}

describe('runLayout', () => {
  it('lays a graph out exactly as the elkjs API does', async () => {
    const engine = await elk();
    for (const w of [40, 120, 300]) {
      const direct = await runLayout(engine, graph(w), COORDS);
      const api = await new Elk().layout(graph(w), { layoutOptions: COORDS });
      expect(JSON.stringify(direct)).toBe(JSON.stringify(api));
      // A real layout: the boxes were placed, the edges routed.
      expect(direct.width).toBeGreaterThan(w);
      expect(direct.edges?.[0]?.sections?.length).toBe(1);
    }
  });

  it('gives each of several layouts asked for at once its own graph back', async () => {
    const engine = await elk();
    const widths = [50, 150, 250, 350];
    const out = await Promise.all(widths.map((w) => runLayout(engine, graph(w), COORDS)));
    out.forEach((g, i) => {
      expect(g.children?.find((c) => c.id === 'a')?.width).toBe(widths[i]);
    });
    expect(new Set(out.map((g) => g.width)).size).toBe(widths.length);
  });

  it('rejects with ELK own error, and the engine lays out again afterwards', async () => {
    const engine = await elk();
    const bad = { ...graph(), layoutOptions: { 'elk.algorithm': 'no.such.algorithm' } };
    await expect(runLayout(engine, bad, COORDS)).rejects.toThrow(/no\.such\.algorithm/);
    expect((await runLayout(engine, graph(), COORDS)).width).toBeGreaterThan(0);
  });

  it('uses the API when the engine has no in-process worker', async () => {
    const asked: ElkNode[] = [];
    const fake = {
      layout: (g: ElkNode) => {
        asked.push(g);
        return Promise.resolve({ ...g, width: 7, height: 9 });
      },
    } as unknown as ELK;
    const out = await runLayout(fake, graph(), COORDS);
    expect(asked).toHaveLength(1);
    expect([out.width, out.height]).toEqual([7, 9]);
  });

  it('is what layout() uses: a request laid out twice comes back the same', async () => {
    const req = {
      nodes: [
        { id: 'x', width: 100, height: 40, container: false },
        { id: 'y', width: 80, height: 40, container: false },
      ],
      edges: [{ id: 'xy', from: 'x', to: 'y', label: { width: 30, height: 12 } }],
    };
    const [a, b] = await Promise.all([layout(req), layout(req)]);
    expect(a.width).toBeGreaterThan(180);
    expect(JSON.stringify([...a.nodes, ...a.edges])).toBe(JSON.stringify([...b.nodes, ...b.edges]));
  });
});
