/**
 * Route ends on a container's side, kept apart from the lines that cross that side.
 *
 * ELK attaches an edge that ends on a container (the overview's egress leaving an AKS cluster) to the container's
 * side at a point of its own choosing, which can be exactly where another edge crosses the same side on its way
 * to a box inside (the ingress into the cluster's ingress controller). The two lines then meet on the border and
 * read as one: the ingress seemed to run on into the egress route table. An end can also land right beside a box
inside the container (the egress leaving the cluster's side next to the ingress controller, the kubelet's line
leaving its bottom under the GitOps agent): the line then reads as that box's. Such an end is moved off the crossing
or out of the box's reach:
 * straightened onto the line's next horizontal (or vertical) stretch when that stretch is level with the side, else
 * slid along the side. A move is made only when the new stretches cross no box and no other line; otherwise the
 * route stays as ELK laid it out.
 */
import type { Box, Point } from '../model/diagram-target.js';

export interface RoutedEdge {
  id: string;
  from: string;
  to: string;
  points: readonly Point[];
  /**
   * A label ELK placed along the route: its route is left as it is, so the label stays on it; only an end beside a
   * box moves, and only where the label still sits as close to the route.
   */
  labelled: boolean;
  /** The label's box, when there is one (required for a labelled end to move). */
  label?: Box;
}

export interface RouteEndInput {
  edges: readonly RoutedEdge[];
  /** Containers by node id: the box, and the header the end must stay below. */
  containers: ReadonlyMap<string, { box: Box; header: Box }>;
  /** Leaf boxes a moved stretch must not cross. */
  leaves: readonly Box[];
}

/** How far an end slides along the side when it cannot be straightened. */
const SLIDE = 12;
/**
 * A box inside a container whose near edge is this close to a side stands beside that side (a compact map pads its
 * containers by 3 px, a dense picture by 6, a screen picture by 14); an end on the side keeps BESIDE_MARGIN clear of
 * the stretch of the side such a box covers, so that the line does not seem to start or end at the box.
 */
const BESIDE = 20;
export const BESIDE_MARGIN = 10;
/** Step of the search along a side for an end clear of the boxes beside it. */
const SEARCH_STEP = 4;
/** Distance an end keeps from a container's corners and header. */
const CORNER = 6;
const EPS = 0.75;

type Seg = { a: Point; b: Point };

const segsOf = (pts: readonly Point[]): Seg[] => pts.slice(1).map((b, i) => ({ a: pts[i]!, b }));

function onSegment(p: Point, s: Seg): boolean {
  const minX = Math.min(s.a.x, s.b.x) - EPS;
  const maxX = Math.max(s.a.x, s.b.x) + EPS;
  const minY = Math.min(s.a.y, s.b.y) - EPS;
  const maxY = Math.max(s.a.y, s.b.y) + EPS;
  if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY) return false;
  // Orthogonal segments: within the bounding box and on the line.
  return Math.abs(s.a.x - s.b.x) < EPS ? Math.abs(p.x - s.a.x) < EPS : Math.abs(p.y - s.a.y) < EPS;
}

/** Whether two axis-parallel segments share a point. */
function meets(s: Seg, t: Seg): boolean {
  const sx = [Math.min(s.a.x, s.b.x), Math.max(s.a.x, s.b.x)];
  const sy = [Math.min(s.a.y, s.b.y), Math.max(s.a.y, s.b.y)];
  const tx = [Math.min(t.a.x, t.b.x), Math.max(t.a.x, t.b.x)];
  const ty = [Math.min(t.a.y, t.b.y), Math.max(t.a.y, t.b.y)];
  return sx[0]! <= tx[1]! + EPS && tx[0]! <= sx[1]! + EPS && sy[0]! <= ty[1]! + EPS && ty[0]! <= sy[1]! + EPS;
}

/** Whether two axis-parallel segments cross at right angles at a point inside both (a plain crossing, no overlap). */
function crossesSquarely(s: Seg, t: Seg): boolean {
  const sVertical = Math.abs(s.a.x - s.b.x) < EPS;
  const tVertical = Math.abs(t.a.x - t.b.x) < EPS;
  if (sVertical === tVertical) return false;
  const [v, h] = sVertical ? [s, t] : [t, s];
  const x = v.a.x;
  const y = h.a.y;
  const inside = (at: number, a: number, b: number) => at > Math.min(a, b) + EPS && at < Math.max(a, b) - EPS;
  return inside(x, h.a.x, h.b.x) && inside(y, v.a.y, v.b.y);
}

/** Whether a segment passes through a box's inside (touching its border is allowed). */
function throughBox(s: Seg, b: Box): boolean {
  const x0 = Math.min(s.a.x, s.b.x);
  const x1 = Math.max(s.a.x, s.b.x);
  const y0 = Math.min(s.a.y, s.b.y);
  const y1 = Math.max(s.a.y, s.b.y);
  return x1 > b.x + EPS && x0 < b.x + b.width - EPS && y1 > b.y + EPS && y0 < b.y + b.height - EPS;
}

const flip = (p: Point): Point => ({ x: p.y, y: p.x });
const flipBox = (b: Box): Box => ({ x: b.y, y: b.x, width: b.height, height: b.width });

/**
 * The route with its first point moved off a crossing, in coordinates where the end lies on a vertical side
 * (x = side), or undefined when no move is clear. `lo`..`hi` is the part of the side an end may use.
 */
function moved(
  pts: Point[],
  lo: number,
  hi: number,
  clear: (segs: Seg[], start: Point) => boolean,
): Point[] | undefined {
  if (pts.length < 3) return undefined;
  const [p0, p1, p2] = [pts[0]!, pts[1]!, pts[2]!];
  if (Math.abs(p0.y - p1.y) > EPS || Math.abs(p1.x - p2.x) > EPS) return undefined;
  // Straightened: the end level with the stretch after the bend, the bend gone.
  const p3 = pts[3];
  if (p3 && Math.abs(p2.y - p3.y) < EPS && p2.y >= lo && p2.y <= hi) {
    const start = { x: p0.x, y: p2.y };
    const route = [start, ...pts.slice(3)];
    if (clear([{ a: start, b: p3 }], start)) return route;
  }
  // Slid along the side towards the bend's far end first, the vertical stretch shortened or lengthened.
  const towards = Math.sign(p2.y - p0.y) || 1;
  for (const d of [SLIDE * towards, -SLIDE * towards, 2 * SLIDE * towards, -2 * SLIDE * towards]) {
    const y = p0.y + d;
    if (y < lo || y > hi) continue;
    const start = { x: p0.x, y };
    const bend = { x: p1.x, y };
    // A slide onto the far stretch's level would make a zero-length stretch: the straightening above covers it.
    if (Math.abs(y - p2.y) < EPS) continue;
    if (
      clear(
        [
          { a: start, b: bend },
          { a: bend, b: p2 },
        ],
        start,
      )
    )
      return [start, bend, ...pts.slice(2)];
  }
  return undefined;
}

/** How far a label's box is from the nearest stretch of a route (route-apart.ts moves labels by it too). */
export function labelGap(label: Box, route: readonly Point[]): number {
  let best = Infinity;
  for (const { a, b } of segsOf(route)) {
    const dx = Math.max(label.x - Math.max(a.x, b.x), 0, Math.min(a.x, b.x) - label.x - label.width);
    const dy = Math.max(label.y - Math.max(a.y, b.y), 0, Math.min(a.y, b.y) - label.y - label.height);
    best = Math.min(best, Math.hypot(dx, dy));
  }
  return best;
}

/** Whether a route meets itself anywhere but where one stretch turns into the next (a loop, a stretch run twice). */
function doublesBack(route: Point[]): boolean {
  const list = segsOf(route);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 2; j < list.length; j++) if (meets(list[i]!, list[j]!)) return true;
  }
  return false;
}

/**
 * The route with its first point moved out of the reach of the boxes beside the side (`crowded`), in coordinates
 * where the end lies on a vertical side: from a new start on the side, out to a bend and across to one of the route's
 * later horizontal stretches, which it then follows. Levels of those stretches come first (the end straightened
 * onto one, no bend), then the side's other points nearest the old end; the earliest stretch first, so that the route
 * keeps as much of ELK's way as it can.
 */
function rerouted(
  pts: Point[],
  lo: number,
  hi: number,
  crowded: (at: number) => boolean,
  clear: (segs: Seg[], start: Point) => boolean,
): Point[] | undefined {
  const p0 = pts[0]!;
  const out = Math.sign(pts[1]!.x - p0.x);
  if (out === 0) return undefined;
  const stretches: number[] = [];
  for (let k = 0; k + 1 < pts.length; k++) {
    const [q, r] = [pts[k]!, pts[k + 1]!];
    if (Math.abs(q.y - r.y) < EPS && (r.x - p0.x) * out > EPS) stretches.push(k);
  }
  const levels = stretches.map((k) => pts[k]!.y).sort((a, b) => Math.abs(a - p0.y) - Math.abs(b - p0.y));
  const around: number[] = [];
  for (let d = SEARCH_STEP; d <= hi - lo; d += SEARCH_STEP) around.push(p0.y + d, p0.y - d);
  for (const y of [...levels, ...around]) {
    if (y < lo || y > hi || crowded(y)) continue;
    const start = { x: p0.x, y };
    // Straight onto a stretch at this level, else with a bend onto the earliest stretch it can reach.
    for (const k of stretches) {
      const r = pts[k + 1]!;
      if (Math.abs(pts[k]!.y - y) < EPS && clear([{ a: start, b: r }], start)) return [start, ...pts.slice(k + 1)];
    }
    for (const k of stretches) {
      const [q, r] = [pts[k]!, pts[k + 1]!];
      if (Math.abs(q.y - y) < EPS) continue;
      for (const f of [0.5, 0.25, 0.75]) {
        const bx = p0.x + (r.x - p0.x) * f;
        const a = { x: bx, y };
        const b = { x: bx, y: q.y };
        const segs = [
          { a: start, b: a },
          { a, b },
          { a: b, b: r },
        ];
        const route = [start, a, b, ...pts.slice(k + 1)];
        if (clear(segs, start) && !doublesBack(route)) return route;
      }
    }
  }
  return undefined;
}

/**
 * New points for the routes whose end on a container lay on another route; the others are not in the map. The
 * edges are taken in order, and each sees the routes as already moved, so the result does not depend on anything
 * but the input.
 */
export function separateRouteEnds(input: RouteEndInput): Map<string, Point[]> {
  const out = new Map<string, Point[]>();
  const current = new Map(input.edges.map((e) => [e.id, [...e.points]]));
  // Each route's stretches, kept up to date as routes move: a big topology has thousands of lines, and every end on
  // a container is checked against all of them.
  const segs = new Map(input.edges.map((e) => [e.id, segsOf(e.points)]));
  // A move can clear the way for another (three DNS zone links meeting on one VNet: once the lowest is straightened,
  // the next no longer crosses its trunk), so the edges are gone through again while one moves. An end moves at most
  // once: a moved end lies on no other route, and no later move may make a line meet it.
  for (let pass = 0, changed = true; changed && pass < input.edges.length; pass++) {
    changed = false;
    for (const e of input.edges) {
      if (moveEnds(e, input, current, segs, out)) changed = true;
    }
  }
  return out;
}

/** Moves the ends of one edge that lie on another route; whether any moved. */
function moveEnds(
  e: RoutedEdge,
  input: RouteEndInput,
  current: Map<string, Point[]>,
  segs: Map<string, Seg[]>,
  out: Map<string, Point[]>,
): boolean {
  let changed = false;
  for (const end of ['from', 'to'] as const) {
    const c = input.containers.get(e[end]);
    if (!c) continue;
    const pts = current.get(e.id)!;
    if (pts.length < 2) continue;
    const forward = end === 'from' ? pts : [...pts].reverse();
    const p0 = forward[0]!;
    const { box, header } = c;
    const onVertical = Math.abs(p0.x - box.x) < EPS || Math.abs(p0.x - (box.x + box.width)) < EPS;
    const onHorizontal = Math.abs(p0.y - box.y) < EPS || Math.abs(p0.y - (box.y + box.height)) < EPS;
    let touched = false;
    for (const [id, list] of segs) if (id !== e.id && list.some((s) => onSegment(p0, s))) touched = true;
    // The stretches of the side that boxes inside the container stand beside (ends there read as the box's).
    const swapped = !onVertical && onHorizontal;
    const along = (p: Point) => (swapped ? p.x : p.y);
    const sideAt = swapped ? p0.y : p0.x;
    const beside = input.leaves
      .filter((l) => l.x >= box.x - EPS && l.y >= box.y - EPS && l.x + l.width <= box.x + box.width + EPS &&
        l.y + l.height <= box.y + box.height + EPS)
      .map((l) => (swapped ? flipBox(l) : l))
      .filter((l) => Math.min(Math.abs(l.x - sideAt), Math.abs(l.x + l.width - sideAt)) < BESIDE)
      .map((l) => [l.y - BESIDE_MARGIN, l.y + l.height + BESIDE_MARGIN] as const);
    const crowded = (at: number) => beside.some(([a, b]) => at > a + EPS && at < b - EPS);
    const far = (onVertical || onHorizontal) && crowded(along(p0));
    if (e.labelled ? !far || !e.label : !touched && !far) continue;
    const others = [...segs].flatMap(([id, list]) => (id === e.id ? [] : list));
    if (!onVertical && !onHorizontal) continue;
    // Work as if the side were vertical; a top or bottom side is handled with x and y swapped.
    const swap = !onVertical;
    const tr = swap ? flip : (p: Point) => p;
    const trBox = swap ? flipBox : (b: Box) => b;
    const b = trBox(box);
    const headerBottom = header.y + header.height;
    // An end kept out of a box's reach may leave beside the header: the container's own name, which no line reads as
    // another box's.
    const lo = swap || far ? b.y + CORNER : Math.max(b.y + CORNER, headerBottom + CORNER);
    const hi = b.y + b.height - CORNER;
    // A moved end's new stretches keep off every label too (its own included: the label stays beside the route).
    const labels = far ? input.edges.flatMap((x) => (x.label ? [x.label] : [])) : [];
    const leaves = [...input.leaves, ...labels].map(trBox);
    const otherSegs = others.map((s) => ({ a: tr(s.a), b: tr(s.b) }));
    const clearOf = (crossing: boolean) => (segs: Seg[], start: Point) =>
      !otherSegs.some((o) => onSegment(start, o)) &&
      segs.every((s) => !leaves.some((l) => throughBox(s, l)) &&
        !otherSegs.some((o) => meets(s, o) && !(crossing && crossesSquarely(s, o))));
    // Out of a box's reach at the cost of crossing a line square where no way round is clear (the ingress entering
    // the cluster between its header and the only free stretch of its side): a crossing reads as two lines, an end
    // beside a box as that box's line.
    const route0 = forward.map(tr);
    const next = far
      ? (rerouted(route0, lo, hi, crowded, clearOf(false)) ?? rerouted(route0, lo, hi, crowded, clearOf(true)))
      : moved(route0, lo, hi, clearOf(false));
    if (!next) continue;
    if (e.label && labelGap(e.label, next.map(tr)) > labelGap(e.label, pts) + EPS) continue;
    // Fractions of a bend (a quarter of the way) keep the two decimals every other coordinate has.
    const back = next.map(tr).map((p) => ({ x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 }));
    const route = end === 'from' ? back : back.reverse();
    current.set(e.id, route);
    segs.set(e.id, segsOf(route));
    out.set(e.id, route);
    changed = true;
  }
  return changed;
}
