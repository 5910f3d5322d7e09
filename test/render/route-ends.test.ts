/** Route ends on a container's side kept off the lines crossing it (src/render/route-ends.ts). */
import { describe, expect, it } from 'vitest';
import { BESIDE_MARGIN, separateRouteEnds, type RoutedEdge } from '../../src/render/route-ends.js';

const P = (x: number, y: number) => ({ x, y });
// a's overview, before: the cluster box, its header, traefik inside it and the route table outside. Traefik stands
// deeper in the box than a's does (28 px from the side, not 3): these cases are about lines meeting on the side, not
// about ends beside a box (see 'keeps an end out of the reach of a box beside the side').
const cluster = { box: { x: 732, y: 170, width: 280, height: 95 }, header: { x: 742, y: 175, width: 180, height: 30 } };
const traefik = { x: 760, y: 230, width: 110, height: 29 };
const routeTable = { x: 553.5, y: 240, width: 136, height: 29 };
const ingress: RoutedEdge = {
  id: 'ingress', from: 'ilb', to: 'traefik', labelled: false,
  points: [P(670, 191.5), P(709, 191.5), P(709, 244.5), P(760, 244.5)],
};
// The egress leaves the cluster's west side exactly where the ingress crosses it.
const egress: RoutedEdge = {
  id: 'egress', from: 'cluster', to: 'rt', labelled: false,
  points: [P(732, 244.5), P(718, 244.5), P(718, 254.5), P(689.5, 254.5)],
};

const run = (edges: RoutedEdge[], leaves = [traefik, routeTable]) =>
  separateRouteEnds({ edges, containers: new Map([['cluster', cluster]]), leaves });

describe('separateRouteEnds', () => {
  it("straightens an end that lies on another line's crossing onto its next stretch", () => {
    const out = run([ingress, egress]);
    expect(out.get('egress')).toEqual([P(732, 254.5), P(689.5, 254.5)]);
    expect(out.has('ingress')).toBe(false);
  });

  it('leaves an end alone that no other line touches, and a labelled route (its label stays on it)', () => {
    const apart = { ...egress, points: [P(732, 250), P(718, 250), P(718, 254.5), P(689.5, 254.5)] };
    expect(run([ingress, apart]).size).toBe(0);
    expect(run([ingress, { ...egress, labelled: true }]).size).toBe(0);
  });

  it('slides the end along the side when the straight stretch would cross a box', () => {
    // A box between the route table and the cluster at the route table's level: straightening would cut through it.
    const blocker = { x: 700, y: 250, width: 10, height: 10 };
    const out = run([ingress, egress], [traefik, routeTable, blocker])?.get('egress');
    expect(out).toBeDefined();
    expect(out![0]!.x).toBe(732);
    expect(Math.abs(out![0]!.y - 244.5)).toBe(12);
    // The route still ends where it ended, and its stretches stay orthogonal.
    expect(out![out!.length - 1]).toEqual(P(689.5, 254.5));
    for (let i = 1; i < out!.length; i++) {
      expect(out![i]!.x === out![i - 1]!.x || out![i]!.y === out![i - 1]!.y).toBe(true);
    }
  });

  it('does not move an end into the header or past a corner of the side', () => {
    // The usable side runs from 6 px under the header (211) to 6 px above the bottom corner (259).
    const up = { ...egress, points: [P(732, 244.5), P(718, 244.5), P(718, 200), P(689.5, 200)] };
    // Level 200 is beside the header: slid up 12 px instead of straightened.
    expect(run([ingress, up], [traefik]).get('egress')?.[0]).toEqual(P(732, 232.5));
    // A header reaching down to 230 leaves no level above the ingress line (a slide down would cross it).
    const tall = { ...cluster, header: { ...cluster.header, height: 55 } };
    const inTall = separateRouteEnds({ edges: [ingress, up], containers: new Map([['cluster', tall]]), leaves: [traefik] });
    expect(inTall.size).toBe(0);
    const low = { ...egress, points: [P(732, 244.5), P(718, 244.5), P(718, 300), P(689.5, 300)] };
    // Level 300 is below the corner: slid down 12 px instead.
    expect(run([ingress, low], [traefik]).get('egress')?.[0]).toEqual(P(732, 256.5));
    // A box 10 px shorter leaves no level below the ingress line.
    const short = { ...cluster, box: { ...cluster.box, height: 85 } };
    const inShort = separateRouteEnds({ edges: [ingress, low], containers: new Map([['cluster', short]]), leaves: [traefik] });
    expect(inShort.size).toBe(0);
  });

  it('handles an end on a top side, and the end an edge arrives at', () => {
    // Transposed: the side is the cluster's top, the edge arrives there from above.
    const t = (p: { x: number; y: number }) => P(p.y, p.x);
    const tb = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.y, y: b.x, width: b.height, height: b.width });
    const down = { box: tb(cluster.box), header: { x: 175, y: 742, width: 30, height: 30 } };
    const edges: RoutedEdge[] = [
      { ...ingress, points: ingress.points.map(t) },
      { ...egress, from: 'rt', to: 'cluster', points: [...egress.points].reverse().map(t) },
    ];
    const out = separateRouteEnds({ edges, containers: new Map([['cluster', down]]), leaves: [tb(traefik), tb(routeTable)] });
    expect(out.get('egress')).toEqual([P(254.5, 689.5), P(254.5, 732)]);
  });

  it('separates several lines meeting at one point on a VNet, each once', () => {
    // b's topology: three private DNS zone links ended at one point of the VNet's east side over one trunk.
    const vnet = { box: { x: 100, y: 100, width: 1257, height: 800 }, header: { x: 110, y: 105, width: 200, height: 30 } };
    const link = (id: string, y: number): RoutedEdge => ({
      id, from: id, to: 'vnet', labelled: false, points: [P(1456, y), P(1401, y), P(1401, 375), P(1357, 375)],
    });
    const edges = [link('acr', 428), link('cosmos', 495), link('kv', 624)];
    const out = separateRouteEnds({ edges, containers: new Map([['vnet', vnet]]), leaves: [] });
    const ends = edges.map((e) => (out.get(e.id) ?? e.points).at(-1)!);
    expect(new Set(ends.map((p) => `${p.x},${p.y}`)).size).toBe(3);
    expect(out.get('kv')).toEqual([P(1456, 624), P(1357, 624)]);
    expect(out.get('cosmos')).toEqual([P(1456, 495), P(1357, 495)]);
    // The last line keeps its trunk: nothing meets its end any more.
    expect(out.has('acr')).toBe(false);
  });

  describe('keeps an end out of the reach of a box beside the side', () => {
    // a's overview as drawn: traefik 3 px inside the cluster's west side, the egress leaving right beside it.
    const beside = { x: 735, y: 224.5, width: 110, height: 40 };
    const a = { box: { x: 732, y: 176.5, width: 275, height: 93 }, header: { x: 742, y: 181.5, width: 180, height: 30 } };
    const hop3: RoutedEdge = {
      id: 'hop3', from: 'ilb', to: 'traefik', labelled: false,
      points: [P(670, 191.5), P(709, 191.5), P(709, 244.5), P(735, 244.5)],
    };
    const out = (points: Array<{ x: number; y: number }>, leaves = [beside], edges = [hop3]) =>
      separateRouteEnds({
        edges: [...edges, { id: 'egress', from: 'cluster', to: 'rt', labelled: false, points }],
        containers: new Map([['cluster', a]]),
        leaves,
      }).get('egress');
    /** Distance from a point to a box (0 on or inside it). */
    const gap = (p: { x: number; y: number }, b: typeof beside) =>
      Math.hypot(Math.max(b.x - p.x, 0, p.x - b.x - b.width), Math.max(b.y - p.y, 0, p.y - b.y - b.height));

    it('moves a straight line leaving beside traefik, crossing the ingress square where no way round is clear', () => {
      const moved = out([P(732, 254.5), P(689.5, 254.5)]);
      expect(moved).toBeDefined();
      expect(moved![0]!.x).toBe(732);
      expect(gap(moved![0]!, beside)).toBeGreaterThanOrEqual(BESIDE_MARGIN);
      // Beside the header (the cluster's name), within the side's corners.
      expect(moved![0]!.y).toBeGreaterThanOrEqual(a.box.y + 6);
      expect(moved!.at(-1)).toEqual(P(689.5, 254.5));
      for (let i = 1; i < moved!.length; i++) {
        expect(moved![i]!.x === moved![i - 1]!.x || moved![i]!.y === moved![i - 1]!.y).toBe(true);
      }
      // Never through the box.
      expect(moved!.every((p) => gap(p, beside) > 0)).toBe(true);
    });

    it('straightens onto a later stretch clear of the box when there is one', () => {
      // b's overview: nginx beside the west side, the NAT gateway below it; the stretch at 311 is clear.
      const b = { box: { x: 670, y: 162, width: 302, height: 172 }, header: { x: 680, y: 167, width: 180, height: 30 } };
      const nginx = { x: 673, y: 224.17, width: 142, height: 40 };
      const moved = separateRouteEnds({
        edges: [{ id: 'egress', from: 'cluster', to: 'nat', labelled: false,
          points: [P(670, 254.17), P(647, 254.17), P(647, 311.17), P(630.5, 311.17)] }],
        containers: new Map([['cluster', b]]),
        leaves: [nginx],
      }).get('egress');
      expect(moved).toEqual([P(670, 311.17), P(630.5, 311.17)]);
    });

    it('moves an end just inside the margin, and leaves one at the margin or a box deeper in the cluster', () => {
      // traefik's stretch of the side with its margin: 214.5 to 274.5.
      expect(out([P(732, 214.5 + 1), P(689.5, 214.5 + 1)], [beside], [])).toBeDefined();
      expect(out([P(732, 214.5), P(689.5, 214.5)], [beside], [])).toBeUndefined();
      // A box 19 px from the side stands beside it; one 21 px in does not.
      expect(out([P(732, 244.5), P(689.5, 244.5)], [{ ...beside, x: 732 + 19 }], [])).toBeDefined();
      expect(out([P(732, 244.5), P(689.5, 244.5)], [{ ...beside, x: 732 + 21 }], [])).toBeUndefined();
      // A box outside the container is no box of the cluster's.
      expect(out([P(732, 244.5), P(689.5, 244.5)], [{ ...beside, x: 700, width: 20 }], [])).toBeUndefined();
    });
  });
});
