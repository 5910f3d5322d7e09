/**
 * Route ends on a container's side, kept apart from the lines that cross that side.
 *
 * ELK attaches an edge that ends on a container (the overview's egress leaving an AKS cluster) to the container's
 * side at a point of its own choosing, which can be exactly where another edge crosses the same side on its way
 * to a box inside (the ingress into the cluster's ingress controller). The two lines then meet on the border and
 * read as one: the ingress seemed to run on into the egress route table. Such an end is moved off the crossing:
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
  /** A label ELK placed along the route: its route is left as it is, so the label stays on it. */
  labelled: boolean;
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
      if (!e.labelled && moveEnds(e, input, current, segs, out)) changed = true;
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
    let touched = false;
    for (const [id, list] of segs) if (id !== e.id && list.some((s) => onSegment(p0, s))) touched = true;
    if (!touched) continue;
    const others = [...segs].flatMap(([id, list]) => (id === e.id ? [] : list));
    const { box, header } = c;
    const onVertical = Math.abs(p0.x - box.x) < EPS || Math.abs(p0.x - (box.x + box.width)) < EPS;
    const onHorizontal = Math.abs(p0.y - box.y) < EPS || Math.abs(p0.y - (box.y + box.height)) < EPS;
    if (!onVertical && !onHorizontal) continue;
    // Work as if the side were vertical; a top or bottom side is handled with x and y swapped.
    const swap = !onVertical;
    const tr = swap ? flip : (p: Point) => p;
    const trBox = swap ? flipBox : (b: Box) => b;
    const b = trBox(box);
    const headerBottom = header.y + header.height;
    const lo = swap ? b.y + CORNER : Math.max(b.y + CORNER, headerBottom + CORNER);
    const hi = b.y + b.height - CORNER;
    const leaves = input.leaves.map(trBox);
    const otherSegs = others.map((s) => ({ a: tr(s.a), b: tr(s.b) }));
    const clear = (segs: Seg[], start: Point) =>
      !otherSegs.some((o) => onSegment(start, o)) &&
      segs.every((s) => !leaves.some((l) => throughBox(s, l)) && !otherSegs.some((o) => meets(s, o)));
    const next = moved(forward.map(tr), lo, hi, clear);
    if (!next) continue;
    const back = next.map(tr);
    const route = end === 'from' ? back : back.reverse();
    current.set(e.id, route);
    segs.set(e.id, segsOf(route));
    out.set(e.id, route);
    changed = true;
  }
  return changed;
}
