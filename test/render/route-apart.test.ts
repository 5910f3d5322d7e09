/** Routes kept apart from each other and off the containers' headers (src/render/route-apart.ts). */
import { describe, expect, it } from 'vitest';
import type { Box, Point } from '../../src/model/diagram-target.js';
import { MIN_GAP, alongside, keepRoutesApart, type ApartEdge, type ApartInput } from '../../src/render/route-apart.js';

const P = (x: number, y: number): Point => ({ x, y });
type Seg = { a: Point; b: Point };
const segs = (pts: readonly Point[]): Seg[] => pts.slice(1).map((b, i) => ({ a: pts[i]!, b }));
const through = (s: Seg, b: Box) =>
  Math.max(s.a.x, s.b.x) > b.x + 0.5 && Math.min(s.a.x, s.b.x) < b.x + b.width - 0.5 &&
  Math.max(s.a.y, s.b.y) > b.y + 0.5 && Math.min(s.a.y, s.b.y) < b.y + b.height - 0.5;

function input(edges: ApartEdge[], boxes: Record<string, Box>, extra: Partial<ApartInput> = {}): ApartInput {
  const leaves = Object.values(boxes);
  return { edges, boxes: new Map(Object.entries(boxes)), leaves, containers: [], headers: [], ...extra };
}

const edge = (id: string, from: string, to: string, points: Point[], style = 'ingress'): ApartEdge =>
  ({ id, from, to, style, undirected: false, points });

/** The smallest distance between parallel stretches of `a` and `b` that share a common part. */
function closest(a: readonly Point[], b: readonly Point[]): number {
  let best = Infinity;
  for (const s of segs(a)) {
    for (const t of segs(b)) {
      const v = s.a.x === s.b.x;
      if (v !== (t.a.x === t.b.x)) continue;
      const [lo, hi] = v
        ? [Math.max(Math.min(s.a.y, s.b.y), Math.min(t.a.y, t.b.y)), Math.min(Math.max(s.a.y, s.b.y), Math.max(t.a.y, t.b.y))]
        : [Math.max(Math.min(s.a.x, s.b.x), Math.min(t.a.x, t.b.x)), Math.min(Math.max(s.a.x, s.b.x), Math.max(t.a.x, t.b.x))];
      if (hi - lo > 0.5) best = Math.min(best, v ? Math.abs(s.a.x - t.a.x) : Math.abs(s.a.y - t.a.y));
    }
  }
  return best;
}

describe('keepRoutesApart', () => {
  // a's overview before: the ingress into traefik and the cluster's egress ran 1.75 px apart for 30 px.
  const boxes = {
    ilb: { x: 552, y: 170, width: 118, height: 44 },
    traefik: { x: 735, y: 222, width: 110, height: 44 },
    cluster: { x: 732, y: 140, width: 280, height: 130 },
    rt: { x: 553.5, y: 240, width: 136, height: 29 },
  };
  const ingress = edge('ingress', 'ilb', 'traefik', [P(670, 191.5), P(709, 191.5), P(709, 244.5), P(735, 244.5)]);
  const egress = edge('egress', 'cluster', 'rt', [P(732, 214.5), P(710.75, 214.5), P(710.75, 254.5), P(689.5, 254.5)], 'egress');

  it('moves one of two lines that run on top of each other at least MIN_GAP away', () => {
    const { traefik, ilb, rt } = boxes;
    const out = keepRoutesApart(input([ingress, egress], { traefik, ilb, rt, cluster: boxes.cluster }, { leaves: [traefik, ilb, rt], containers: [boxes.cluster] }));
    const a = out.get('ingress')?.points ?? ingress.points;
    const b = out.get('egress')?.points ?? egress.points;
    expect(out.size).toBe(1);
    expect(closest(a, b)).toBeGreaterThanOrEqual(MIN_GAP);
    // Ends stay where they were on their boxes; every stretch stays square.
    for (const [before, after] of [[ingress.points, a], [egress.points, b]] as const) {
      expect(after[0]).toEqual(before[0]);
      expect(after[after.length - 1]).toEqual(before[before.length - 1]);
      for (const s of segs(after)) expect(s.a.x === s.b.x || s.a.y === s.b.y).toBe(true);
    }
  });

  it('moves one of two lines on one line with only a short gap between them (d control plane)', () => {
    const api = { x: 587, y: 262, width: 238, height: 58 };
    const cluster = { x: 44, y: 145, width: 246, height: 72 };
    const agents = { x: 96, y: 348, width: 227, height: 58 };
    const admins = { x: 77, y: 262, width: 246, height: 58 };
    const kubelet = edge('kubelet', 'cluster', 'api', [P(290, 174.5), P(532, 174.5), P(532, 276.5), P(587, 276.5)], 'management');
    const kubectl = edge('kubectl', 'admins', 'api', [P(323, 291), P(587, 291)], 'management');
    const pipelines = edge('pipelines', 'agents', 'api', [P(323, 373), P(532, 373), P(532, 305.5), P(587, 305.5)], 'management');
    const out = keepRoutesApart(input([kubelet, kubectl, pipelines], { api, cluster, agents, admins }));
    const xs = (e: ApartEdge) => (out.get(e.id)?.points ?? e.points).filter((p, i, all) => i > 0 && all[i - 1]!.x === p.x).map((p) => p.x);
    expect(out.size).toBe(1);
    for (const x of xs(kubelet)) for (const y of xs(pipelines)) expect(Math.abs(x - y)).toBeGreaterThanOrEqual(MIN_GAP);
  });

  it('leaves a deliberate trunk alone: lines of one style from one box', () => {
    const a = edge('a', 'src', 'x', [P(100, 50), P(200, 50), P(200, 150), P(300, 150)]);
    const b = edge('b', 'src', 'y', [P(100, 50), P(200, 50), P(200, 250), P(300, 250)]);
    const boxes = { src: { x: 0, y: 20, width: 100, height: 60 }, x: { x: 300, y: 120, width: 80, height: 60 }, y: { x: 300, y: 220, width: 80, height: 60 } };
    expect(keepRoutesApart(input([a, b], boxes)).size).toBe(0);
  });

  it('takes a line entering a container from above past the header text, its label with it', () => {
    // a's ingress view: customers above the VNet, the gateway inside it below the VNet's and subnet's headers.
    const customers = { x: 105.5, y: 16, width: 136, height: 46 };
    const agw = { x: 50.5, y: 327, width: 246, height: 58 };
    const vnet = { x: 16, y: 199, width: 365, height: 839 };
    const subnet = { x: 36.5, y: 259, width: 274, height: 140 };
    const headers = [{ x: 16, y: 199, width: 191.62, height: 37.13 }, { x: 36.5, y: 259, width: 153.67, height: 50.26 }];
    const label = { x: 178.5, y: 118, width: 99, height: 20 };
    const e = { ...edge('e', 'customers', 'agw', [P(173.5, 62), P(173.5, 327)]), label };
    const out = keepRoutesApart(input([e], { customers, agw }, { containers: [vnet, subnet], headers }));
    const moved = out.get('e')!;
    for (const s of segs(moved.points)) for (const h of headers) expect(through(s, h)).toBe(false);
    // Slid as a whole: still one straight stretch from customers' bottom to the gateway's top, and the label beside it.
    expect(moved.points).toHaveLength(2);
    expect(moved.points[0]!.y).toBe(62);
    expect(moved.points[1]!.y).toBe(327);
    expect(moved.label!.x - moved.points[0]!.x).toBeCloseTo(label.x - 173.5);
  });

  it('jogs round the header text when the line cannot slide (its ends are held by narrow boxes)', () => {
    const ilb = { x: 150, y: 537, width: 60, height: 58 };
    const traefik = { x: 150, y: 820, width: 60, height: 58 };
    const nodes = { x: 30, y: 679, width: 337, height: 345 };
    const cluster = { x: 44, y: 752, width: 309, height: 258 };
    const headers = [{ x: 30, y: 679, width: 166.88, height: 50.26 }, { x: 44, y: 752, width: 266.12, height: 50.26 }];
    const e = edge('e', 'ilb', 'traefik', [P(173.5, 595), P(173.5, 820)]);
    const out = keepRoutesApart(input([e], { ilb, traefik }, { containers: [nodes, cluster], headers }));
    const pts = out.get('e')!.points;
    for (const s of segs(pts)) for (const h of headers) expect(through(s, h)).toBe(false);
    for (const s of segs(pts)) expect(s.a.x === s.b.x || s.a.y === s.b.y).toBe(true);
    expect(pts[0]).toEqual(P(173.5, 595));
    expect(pts[pts.length - 1]).toEqual(P(173.5, 820));
    // The arrowhead keeps a stretch of its own.
    expect(pts[pts.length - 1]!.y - pts[pts.length - 2]!.y).toBeGreaterThanOrEqual(10);
  });

  it('keeps a route as it is when no move is clear', () => {
    // The only ways past the header run through boxes on both sides.
    const a = { x: 100, y: 0, width: 50, height: 40 };
    const b = { x: 100, y: 200, width: 50, height: 40 };
    const wall1 = { x: 0, y: 60, width: 90, height: 120 };
    const wall2 = { x: 160, y: 40, width: 200, height: 160 };
    const header = { x: 90, y: 80, width: 70, height: 40 };
    const e = edge('e', 'a', 'b', [P(125, 40), P(125, 200)]);
    expect(keepRoutesApart(input([e], { a, b, wall1, wall2 }, { headers: [header] })).size).toBe(0);
  });

  it('reads two stretches on one line as one only when no box stands between them', () => {
    const s = { a: P(0, 0), b: P(0, 100) };
    const t = { a: P(0, 130), b: P(0, 200) };
    expect(alongside(s, t, () => false)).toBe(true);
    expect(alongside(s, t, () => true)).toBe(false);
    expect(alongside(s, { a: P(MIN_GAP, 50), b: P(MIN_GAP, 60) }, () => false)).toBe(false);
    expect(alongside(s, { a: P(2, 50), b: P(2, 60) }, () => false)).toBe(true);
  });
});
