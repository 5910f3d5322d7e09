/**
 * A line that starts or ends on an AKS cluster's box (the overview's egress from the cluster's nodes, the
 * control-plane view's kubelet line to the API server) keeps away from the boxes drawn inside the cluster: an end
 * right beside the ingress controller or the GitOps agent reads as that box's line (src/render/route-ends.ts).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveView } from '../../src/diagram/index.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { BESIDE_MARGIN } from '../../src/render/route-ends.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

interface Box { x: number; y: number; width: number; height: number }

/** The drawn boxes and lines of an SVG, read from their data attributes. */
function read(svg: string) {
  const nodes = [...svg.matchAll(/<g [^>]*class="node ([^"]*)" data-id="([^"]*)"[^>]*data-x="([\d.]+)" data-y="([\d.]+)" data-width="([\d.]+)" data-height="([\d.]+)"/g)]
    .map((m) => ({ cls: m[1]!, id: m[2]!, box: { x: +m[3]!, y: +m[4]!, width: +m[5]!, height: +m[6]! } }));
  const edges = [...svg.matchAll(/<g [^>]*class="edge [^"]*" data-id="([^"]*)" data-from="([^"]*)" data-to="([^"]*)"[^>]*data-points="([^"]*)"/g)]
    .map((m) => ({ id: m[1]!, from: m[2]!, to: m[3]!, points: m[4]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]) }));
  return { nodes, edges };
}

const gap = ([x, y]: [number, number], b: Box) =>
  Math.hypot(Math.max(b.x - x, 0, x - b.x - b.width), Math.max(b.y - y, 0, y - b.y - b.height));
const within = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/** Every end of a line on a cluster's box, with how far it is from the nearest box drawn inside that cluster. */
function clusterEnds(svg: string) {
  const { nodes, edges } = read(svg);
  const out: Array<{ edge: string; end: string; distance: number; nearest: string }> = [];
  for (const e of edges) {
    for (const [end, at] of [['from', e.points[0]!], ['to', e.points.at(-1)!]] as const) {
      const c = nodes.find((n) => n.id === e[end] && n.cls.includes('container') && n.cls.includes('cluster'));
      if (!c) continue;
      const inside = nodes.filter((n) => n.cls.includes('leaf') && within(n.box, c.box));
      for (const n of inside) out.push({ edge: e.id, end, distance: gap(at, n.box), nearest: n.id });
    }
  }
  return out;
}

const designs = readdirSync(examples).filter((f) => /^[a-g]-.*\.ts$/.test(f));

describe('lines on a cluster box keep away from the boxes inside it', () => {
  for (const view of ['overview', 'control-plane'] as const) {
    it(`${view}: every end on a cluster is at least ${BESIDE_MARGIN} px from every box drawn inside it`, async () => {
      let seen = 0;
      for (const file of designs) {
        const model = (await loadArchitecture(join(examples, file))).model;
        const graph = deriveView(model, view);
        if (!graph) continue;
        for (const g of [graph, { ...graph, dense: true }]) {
          const { svg } = await renderView(model, g, { metadata: false });
          const ends = clusterEnds(svg);
          seen += ends.length;
          const near = ends.filter((x) => x.distance < BESIDE_MARGIN - 0.5);
          expect(near, `${file} ${view}${g.dense ? ' (dense)' : ''}`).toEqual([]);
        }
      }
      // The egress of every example leaves its cluster's box; the kubelet line of most examples does.
      expect(seen).toBeGreaterThan(7);
    }, 300_000);
  }
});
