/**
 * The topology fits its printed page: a VNet's subnets and a cluster's node pools are arranged in columns chosen by
 * their sizes (render/grid.ts), the private DNS zones share the right-hand side with the PaaS services, and a chip
 * that only names its line's class is left off. Before, examples (a) and (c) printed their topology as two page
 * tiles (dense drawings of 1674 × 960 and 1226 × 811 px); every figure asserted here was measured.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPackDiagrams } from '../../src/diagram/pack-views.js';
import { cutObstacles, fitDiagram, smallestFontPx } from '../../src/diagram/page-fit.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { partGraph, splitUnits } from '../../src/diagram/split.js';
import { deriveView } from '../../src/diagram/views.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Model } from '../../src/model/types.js';
import { arrangeGrids } from '../../src/render/grid.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const load = async (name: string): Promise<Model> => (await loadArchitecture(join(examples, `${name}.ts`))).model;
const fit = (d: { svg: string; width: number; height: number }) =>
  fitDiagram(d.width, d.height, smallestFontPx(d.svg), 'a4', cutObstacles(d.svg));

async function dense(name: string) {
  const model = await load(name);
  const graph = { ...deriveView(model, 'topology')!, dense: true };
  return { model, graph, drawn: await renderView(model, graph, { metadata: false }) };
}

describe('topology on its printed page', () => {
  // Pages of the dense topology (its regions' pictures for the two-region design), at 6 pt on A4.
  const pages: Array<[string, number]> = [
    ['a-hub-spoke-baseline', 1],
    ['b-front-door-private-link', 2],
    ['c-agc-gateway-api', 1],
    ['d-legacy-agic-kubenet', 1],
    ['e-istio-mesh', 2],
    ['f-internal-only', 3],
  ];
  for (const [name, most] of pages) {
    it(`prints ${name}'s dense topology on ${most === 1 ? 'one page' : `at most ${most} pages`} at 6 pt`, async () => {
      const { drawn } = await dense(name);
      const f = fit(drawn);
      expect(f.pages.length).toBeLessThanOrEqual(most);
      expect(f.minTextPt).toBeGreaterThanOrEqual(6);
      if (most === 1) expect(f.orientation).toBe('landscape');
    }, 60_000);
  }

  it('prints each region of the two-region design on at most two pages (three before)', async () => {
    const { model, graph } = await dense('g-two-region-stamps');
    const split = splitUnits(graph, model)!;
    expect(split.by).toBe('region');
    for (const [i, u] of split.units.entries()) {
      const part = await renderView(model, partGraph(graph, split.units, [u], i === 0), { metadata: false });
      expect(fit(part).pages.length, u.name).toBeLessThanOrEqual(2);
    }
  }, 60_000);

  it('stacks each column of subnets in declaration order, the columns side by side with aligned tops', async () => {
    const { graph, drawn } = await dense('a-hub-spoke-baseline');
    const spoke = 'vnet:vnet-spoke-payments-weu';
    const subnets = graph.nodes.filter((n) => n.parent === spoke).map((n) => n.id);
    expect(subnets.map((s) => s.split('/')[1])).toEqual([
      'snet-aks-nodes', 'snet-appgw', 'snet-aks-ingress', 'snet-private-endpoints', 'snet-build-agents',
    ]);
    const box = (id: string) => drawn.layout.nodes.get(id)!;
    // The columns ELK was given (undrawn boxes around each run of subnets), left to right as laid out.
    const columnOf = new Map(drawn.measured.request.nodes.map((n) => [n.id, n.parent]));
    const columns = [...new Set(subnets.map((s) => columnOf.get(s)!))].sort((p, q) => box(p).x - box(q).x);
    expect(columns).toHaveLength(2);
    expect(drawn.measured.nodes.some((n) => columns.includes(n.node.id))).toBe(false);
    const inColumn = columns.map((c) => subnets.filter((s) => columnOf.get(s) === c));
    // Runs of consecutive subnets, each run top to bottom in the order the design declares them.
    expect(inColumn.flat()).toEqual(subnets);
    for (const col of inColumn) {
      for (let i = 1; i < col.length; i++) expect(box(col[i - 1]!).y + box(col[i - 1]!).height).toBeLessThan(box(col[i]!).y);
    }
    // Side by side, the first subnets of the columns level with each other.
    const right = Math.max(...inColumn[0]!.map((s) => box(s).x + box(s).width));
    expect(right).toBeLessThan(Math.min(...inColumn[1]!.map((s) => box(s).x)));
    expect(Math.abs(box(inColumn[0]![0]!).y - box(inColumn[1]![0]!).y)).toBeLessThan(2);
    // The cluster's two node pools stand side by side, not stacked.
    const pools = graph.nodes.filter((n) => n.kind === 'nodePool').map((n) => box(n.id));
    expect(pools).toHaveLength(2);
    expect(pools[0]!.y).toBe(pools[1]!.y);
    expect(pools[0]!.x + pools[0]!.width).toBeLessThanOrEqual(pools[1]!.x);
    // The private DNS zones stand in the last column with the PaaS services, right of the region.
    const region = box('region:westeurope');
    for (const zone of ['zone:private-dns', 'zone:paas']) expect(box(zone).x).toBeGreaterThan(region.x + region.width);
    expect(box('zone:private-dns').x).toBe(box('zone:paas').x);
  }, 60_000);

  it('leaves off a chip that only names its line (peering, Private Link) and keeps one that says more', async () => {
    const a = deriveView(await load('a-hub-spoke-baseline'), 'topology')!;
    const peering = a.edges.filter((e) => e.style === 'peering');
    const link = a.edges.filter((e) => e.style === 'private-link');
    expect(peering.length).toBeGreaterThan(0);
    expect(link.length).toBeGreaterThan(0);
    for (const e of [...peering, ...link]) expect(e.label, e.id).toBeUndefined();
    const f = deriveView(await load('f-internal-only'), 'topology')!;
    expect(f.edges.filter((e) => e.style === 'peering').map((e) => e.label)).toEqual(['peering (gateway transit)']);
    const b = deriveView(await load('b-front-door-private-link'), 'topology')!;
    expect(b.edges.find((e) => e.style === 'private-link' && e.from.startsWith('frontDoor:'))!.label).toBe(
      'origin Private Link service',
    );
  });

  it('is printed by the pack as the dense drawing on one page for example (a)', async () => {
    const [d] = await renderPackDiagrams(await load('a-hub-spoke-baseline'), { views: ['topology'], metadata: false });
    expect(d!.parts).toBeUndefined();
    expect(d!.printed).toBeDefined();
    expect(fit(d!.printed!).pages).toHaveLength(1);
    // The screen drawing (the full-size SVG beside the pack) still needs two pages.
    expect(fit(d!).pages.length).toBe(2);
  }, 60_000);
});

describe('grid arrangement', () => {
  const box = (id: string, height: number, parent = 'v', width = 200) => ({ id, parent, width, height, container: false });
  const vnet = { id: 'v', width: 100, height: 60, container: true, padding: { top: 50, left: 6, bottom: 6, right: 6 } };
  const gaps = { node: 16, layer: 30 };

  it('cuts a group into runs of consecutive boxes, each box once, the tall one alone', () => {
    const boxes = [vnet, box('big', 600), box('s1', 130), box('s2', 130), box('s3', 130), box('s4', 130)];
    const [a] = arrangeGrids(boxes, [], [{ ids: ['big', 's1', 's2', 's3', 's4'] }], gaps);
    expect(a!.parent).toBe('v');
    expect(a!.columns).toEqual([['big'], ['s1', 's2', 's3', 's4']]);
    // The tallest column: the tall box (the four small ones and their three gaps take 568).
    expect(a!.height).toBe(600);
  });

  it('keeps a group that prints best as one column as it is, and shapes a group by its aspect', () => {
    // Two wide, low boxes: side by side they would make the picture too wide for its page.
    const two = [vnet, box('p', 80, 'v', 600), box('q', 80, 'v', 600)];
    expect(arrangeGrids(two, [], [{ ids: ['p', 'q'] }], gaps)).toEqual([]);
    const pools = [
      { id: 'c', width: 100, height: 60, container: true, padding: { top: 50, left: 6, bottom: 6, right: 6 } },
      box('p1', 80, 'c'),
      box('p2', 80, 'c'),
    ];
    expect(arrangeGrids(pools, [], [{ ids: ['p1', 'p2'], aspect: 4 }], gaps)[0]!.columns).toEqual([['p1'], ['p2']]);
  });

  it('ignores boxes a part of the view does not draw and groups whose boxes do not share a parent', () => {
    const boxes = [vnet, box('big', 600), box('s1', 130)];
    expect(arrangeGrids(boxes, [], [{ ids: ['big', 'gone', 's1'] }], gaps)[0]!.columns).toEqual([['big'], ['s1']]);
    expect(arrangeGrids([...boxes, box('x', 100, 'w')], [], [{ ids: ['big', 'x'] }], gaps)).toEqual([]);
  });
});
