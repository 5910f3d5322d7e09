/**
 * Routes kept apart from each other and off the containers' header text.
 *
 * ELK spaces the lines it routes in one graph, but two lines laid out in different nested graphs (an ingress into a
 * box inside the cluster, the cluster's egress leaving its side) can come out a pixel or two apart, or on one line
 * with only a crossing between them: a reader then follows one line into the other. And a line entering a container
 * across its top (every hop of a top-down flow view) runs straight through the container's name and details.
 *
 * So, after ELK and after route-ends.ts, a stretch of a route that runs along another edge's stretch (closer than
 * MIN_GAP, or on the same line with only a short gap between them) or through a header is moved: slid sideways as a
 * whole (its ends sliding along their boxes' sides when it is the first or last stretch), or, for a header, taken
 * round it by a jog beside the header text. Edges deliberately drawn as one trunk (same source and style: the fan-out
 * of one box; or one symmetric relation's lines into the same box, the DNS zone links of one VNet) may share a line,
 * and so may the last stretches of one style's lines into one box (ELK spreads their ends over the side it has).
 * A move is kept only when the route then runs through no box, header, label or line end, along no container side,
 * and has strictly fewer such defects than before; otherwise the route stays as ELK laid it out. A label beside the
 * moved stretch moves with it.
 */
import type { Box, Point } from '../model/diagram-target.js';
import { labelGap } from './route-ends.js';

export interface ApartEdge {
  id: string;
  from: string;
  to: string;
  style: string;
  /** A symmetric relation (a peering, a DNS zone link): drawn without an arrowhead. */
  undirected: boolean;
  points: readonly Point[];
  label?: Box;
}

export interface ApartInput {
  edges: readonly ApartEdge[];
  /** Every node's box by id: the ends of the routes. */
  boxes: ReadonlyMap<string, Box>;
  /** Leaf boxes no route may run through. */
  leaves: readonly Box[];
  /** Container boxes: no route runs along their sides. */
  containers: readonly Box[];
  /** The containers' header text boxes (target.ts headerBox): no route runs through them. */
  headers: readonly Box[];
}

export interface ApartRoute {
  points: Point[];
  label?: Box;
}

/** Parallel stretches of two lines closer than this read as one line. */
export const MIN_GAP = 8;
/** Two stretches on one line read as one line when no more than this apart (and no box between them). */
export const JOIN_GAP = 40;
/** How far apart a moved stretch is put from the one it ran along: ELK's spacing between lines. */
const SPACING = 12;
/** Distance a moved stretch keeps from a header's text. */
const CLEAR = 6;
const MIN_CLEAR = 3;
/** A stretch closer than this to a container's side reads as that side (a jog round a header passes its top at CLEAR). */
const SIDE_GAP = 4;
/** Distance an end keeps from its box's corners. */
const CORNER = 6;
/** Shortest stretch next to a bend, and under an arrowhead. */
const STUB = 6;
const ARROW_STUB = 10;
const EPS = 0.5;
/** The cheapest moves tried for one edge: a move that costs more is a long way round, and the tries cost time. */
const TRIES = 16;
/** Rounds of moves over all edges: each move removes a defect, so a few rounds settle. */
const ROUNDS = 4;

type Seg = { a: Point; b: Point };

const segsOf = (pts: readonly Point[]): Seg[] => pts.slice(1).map((b, i) => ({ a: pts[i]!, b }));
const segKey = (x: Seg) => `${x.a.x},${x.a.y},${x.b.x},${x.b.y}`;
const isVertical = (s: Seg) => Math.abs(s.a.x - s.b.x) < EPS;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Whether two edges are drawn as one trunk on purpose. */
export function bundled(a: Pick<ApartEdge, 'from' | 'to' | 'style' | 'undirected'>, b: Pick<ApartEdge, 'from' | 'to' | 'style' | 'undirected'>): boolean {
  if (a.style !== b.style) return false;
  return a.from === b.from || (a.undirected && b.undirected && a.to === b.to);
}

/**
 * Whether two stretches are the last stretches of two edges of one style into the same box: ELK spreads the ends over
 * the box's side as the side allows (forty clusters' egress into one route table), and they read as one arrival.
 */
export function converging(e: Pick<ApartEdge, 'to' | 'style'>, s: Seg, f: Pick<ApartEdge, 'to' | 'style'>, t: Seg, to: Box | undefined): boolean {
  return e.to === f.to && e.style === f.style && to !== undefined && onBorder(s.b, to) && onBorder(t.b, to);
}

function onBorder(p: Point, b: Box): boolean {
  const inX = p.x >= b.x - EPS && p.x <= b.x + b.width + EPS;
  const inY = p.y >= b.y - EPS && p.y <= b.y + b.height + EPS;
  const nearV = Math.abs(p.x - b.x) < EPS || Math.abs(p.x - (b.x + b.width)) < EPS;
  const nearH = Math.abs(p.y - b.y) < EPS || Math.abs(p.y - (b.y + b.height)) < EPS;
  return (inX && nearH) || (inY && nearV);
}

/** Whether a segment passes through a box's inside (touching its border is allowed). */
export function throughBox(s: Seg, b: Box, eps = EPS): boolean {
  const x0 = Math.min(s.a.x, s.b.x);
  const x1 = Math.max(s.a.x, s.b.x);
  const y0 = Math.min(s.a.y, s.b.y);
  const y1 = Math.max(s.a.y, s.b.y);
  return x1 > b.x + eps && x0 < b.x + b.width - eps && y1 > b.y + eps && y0 < b.y + b.height - eps;
}

/**
 * Whether two stretches of different lines read as one: parallel and closer than MIN_GAP over a common part, or on
 * one line with less than JOIN_GAP between them and no box in the gap (`blocked`).
 */
export function alongside(s: Seg, t: Seg, blocked: (gap: Seg) => boolean): boolean {
  const sv = Math.abs(s.a.x - s.b.x) < EPS;
  if (sv !== Math.abs(t.a.x - t.b.x) < EPS) return false;
  const across = sv ? 'x' : 'y';
  const along = sv ? 'y' : 'x';
  const off = Math.abs(s.a[across] - t.a[across]);
  if (off >= MIN_GAP) return false;
  const lo = Math.max(Math.min(s.a[along], s.b[along]), Math.min(t.a[along], t.b[along]));
  const hi = Math.min(Math.max(s.a[along], s.b[along]), Math.max(t.a[along], t.b[along]));
  if (hi - lo > EPS) return true;
  if (off > EPS || lo - hi >= JOIN_GAP) return false;
  // On one line with a short gap: a box in the gap (the hop both lines meet) keeps them apart.
  const at = s.a[across];
  const gap: Seg = sv ? { a: { x: at, y: hi }, b: { x: at, y: lo } } : { a: { x: hi, y: at }, b: { x: lo, y: at } };
  return !blocked(gap);
}

/** Whether a point lies on a segment. */
function onSegment(p: Point, s: Seg): boolean {
  const minX = Math.min(s.a.x, s.b.x) - EPS;
  const maxX = Math.max(s.a.x, s.b.x) + EPS;
  const minY = Math.min(s.a.y, s.b.y) - EPS;
  const maxY = Math.max(s.a.y, s.b.y) + EPS;
  return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY;
}

/** Whether two axis-parallel segments share a point. */
function meets(s: Seg, t: Seg): boolean {
  return (
    Math.min(s.a.x, s.b.x) <= Math.max(t.a.x, t.b.x) + EPS &&
    Math.min(t.a.x, t.b.x) <= Math.max(s.a.x, s.b.x) + EPS &&
    Math.min(s.a.y, s.b.y) <= Math.max(t.a.y, t.b.y) + EPS &&
    Math.min(t.a.y, t.b.y) <= Math.max(s.a.y, s.b.y) + EPS
  );
}

/** Whether a route meets itself anywhere but where one stretch turns into the next. */
function doublesBack(route: readonly Point[]): boolean {
  const list = segsOf(route);
  for (let i = 0; i < list.length; i++) for (let j = i + 2; j < list.length; j++) if (meets(list[i]!, list[j]!)) return true;
  return false;
}

/** Whether a stretch runs along a box's side (closer than SIDE_GAP to it over a common part). */
function alongSide(s: Seg, b: Box): boolean {
  const v = isVertical(s);
  const at = v ? s.a.x : s.a.y;
  const sides = v ? [b.x, b.x + b.width] : [b.y, b.y + b.height];
  const [lo, hi] = v ? [Math.min(s.a.y, s.b.y), Math.max(s.a.y, s.b.y)] : [Math.min(s.a.x, s.b.x), Math.max(s.a.x, s.b.x)];
  const [blo, bhi] = v ? [b.y, b.y + b.height] : [b.x, b.x + b.width];
  return sides.some((side) => Math.abs(side - at) < SIDE_GAP) && Math.min(hi, bhi) - Math.max(lo, blo) > EPS;
}

/** How long the stretches run close along a container's side (closer than SPACING): a cost, not a defect. */
function hugging(st: State, segs: readonly Seg[]): number {
  let n = 0;
  for (const s of segs) {
    const v = isVertical(s);
    const at = v ? s.a.x : s.a.y;
    const [lo, hi] = v ? [Math.min(s.a.y, s.b.y), Math.max(s.a.y, s.b.y)] : [Math.min(s.a.x, s.b.x), Math.max(s.a.x, s.b.x)];
    for (const b of st.sides.query(segBox(s, SPACING))) {
      const sides = v ? [b.x, b.x + b.width] : [b.y, b.y + b.height];
      const [blo, bhi] = v ? [b.y, b.y + b.height] : [b.x, b.x + b.width];
      if (sides.some((side) => Math.abs(side - at) < SPACING)) n += Math.max(0, Math.min(hi, bhi) - Math.max(lo, blo));
    }
  }
  return n;
}

const overlapsBox = (a: Box, b: Box) =>
  a.x + EPS < b.x + b.width && b.x + EPS < a.x + a.width && a.y + EPS < b.y + b.height && b.y + EPS < a.y + a.height;

/** Whether an end at `p` lies on the side of `box` that a stretch along `vertical` leaves at right angles. */
function endSlides(p: Point, box: Box | undefined, vertical: boolean, to: number): boolean {
  if (!box) return false;
  if (vertical) {
    const onSide = Math.abs(p.y - box.y) < EPS || Math.abs(p.y - (box.y + box.height)) < EPS;
    return onSide && to >= box.x + CORNER && to <= box.x + box.width - CORNER;
  }
  const onSide = Math.abs(p.x - box.x) < EPS || Math.abs(p.x - (box.x + box.width)) < EPS;
  return onSide && to >= box.y + CORNER && to <= box.y + box.height - CORNER;
}

/** A point with `across` and `along` coordinates for a stretch that is vertical (`v`) or horizontal. */
const pt = (v: boolean, across: number, along: number): Point => (v ? { x: across, y: along } : { x: along, y: across });

/** A bucket grid of items by the area they cover, so that a query looks only at what is near. */
class Grid<T> {
  private readonly cells = new Map<number, Array<{ item: T; stamp: number }>>();
  private readonly entries = new Map<T, { item: T; stamp: number }>();
  private stamp = 0;
  constructor(private readonly size = 128) {}
  private each(b: Box, f: (k: number) => void): void {
    const x1 = Math.floor((b.x + b.width) / this.size);
    const y0 = Math.floor(b.y / this.size);
    const y1 = Math.floor((b.y + b.height) / this.size);
    for (let x = Math.floor(b.x / this.size); x <= x1; x++) for (let y = y0; y <= y1; y++) f(x * 100_003 + y);
  }
  add(item: T, b: Box): void {
    const entry = { item, stamp: 0 };
    this.entries.set(item, entry);
    this.each(b, (k) => {
      const list = this.cells.get(k);
      if (list) list.push(entry);
      else this.cells.set(k, [entry]);
    });
  }
  remove(item: T, b: Box): void {
    const entry = this.entries.get(item);
    if (!entry) return;
    this.entries.delete(item);
    this.each(b, (k) => {
      const list = this.cells.get(k);
      const at = list?.indexOf(entry) ?? -1;
      if (at >= 0) list!.splice(at, 1);
    });
  }
  /** The items whose areas may meet `b`, each once. */
  query(b: Box): T[] {
    const out: T[] = [];
    const stamp = ++this.stamp;
    this.each(b, (k) => {
      for (const entry of this.cells.get(k) ?? []) {
        if (entry.stamp === stamp) continue;
        entry.stamp = stamp;
        out.push(entry.item);
      }
    });
    return out;
  }
}

const segBox = (s: Seg, pad = 0): Box => {
  const x = Math.min(s.a.x, s.b.x) - pad;
  const y = Math.min(s.a.y, s.b.y) - pad;
  return { x, y, width: Math.abs(s.a.x - s.b.x) + 2 * pad, height: Math.abs(s.a.y - s.b.y) + 2 * pad };
};
/** The box around a route's points, `pad` wider on every side. */
function routeBox(pts: readonly Point[], pad: number): Box {
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x = Math.min(...xs) - pad;
  const y = Math.min(...ys) - pad;
  return { x, y, width: Math.max(...xs) + pad - x, height: Math.max(...ys) + pad - y };
}
const pointBox = (p: Point): Box => ({ x: p.x - EPS, y: p.y - EPS, width: 2 * EPS, height: 2 * EPS });

/**
 * The stretches by orientation and position across: a query for the stretches that may run alongside one looks at
 * the few within MIN_GAP of its line, not at every stretch crossing the area.
 */
class LineIndex {
  private readonly buckets = [new Map<number, Stretch[]>(), new Map<number, Stretch[]>()];
  private static where(s: Seg): [0 | 1, number] {
    return isVertical(s) ? [0, s.a.x] : [1, s.a.y];
  }
  add(t: Stretch): void {
    const [o, at] = LineIndex.where(t.s);
    const k = Math.floor(at / MIN_GAP);
    const list = this.buckets[o]!.get(k);
    if (list) list.push(t);
    else this.buckets[o]!.set(k, [t]);
  }
  remove(t: Stretch): void {
    const [o, at] = LineIndex.where(t.s);
    const list = this.buckets[o]!.get(Math.floor(at / MIN_GAP));
    const i = list?.indexOf(t) ?? -1;
    if (i >= 0) list!.splice(i, 1);
  }
  /** The stretches parallel to `s`, closer than MIN_GAP across it and JOIN_GAP along it. */
  near(s: Seg): Stretch[] {
    const [o, at] = LineIndex.where(s);
    const v = o === 0;
    const lo = (v ? Math.min(s.a.y, s.b.y) : Math.min(s.a.x, s.b.x)) - JOIN_GAP;
    const hi = (v ? Math.max(s.a.y, s.b.y) : Math.max(s.a.x, s.b.x)) + JOIN_GAP;
    const out: Stretch[] = [];
    const k = Math.floor(at / MIN_GAP);
    for (let b = k - 1; b <= k + 1; b++) {
      for (const t of this.buckets[o]!.get(b) ?? []) {
        const tlo = v ? Math.min(t.s.a.y, t.s.b.y) : Math.min(t.s.a.x, t.s.b.x);
        const thi = v ? Math.max(t.s.a.y, t.s.b.y) : Math.max(t.s.a.x, t.s.b.x);
        if (thi >= lo && tlo <= hi) out.push(t);
      }
    }
    return out;
  }
}

/** A stretch of edge `edge`'s route (`last`: its final one; `first`: its first). */
interface Stretch {
  edge: number;
  s: Seg;
  first: boolean;
  last: boolean;
}

class State {
  readonly routes: ApartRoute[];
  /** Each route's bounding box. */
  readonly bounds: Box[];
  readonly segs: Seg[][];
  private readonly stretches: Stretch[][];
  readonly lines = new Grid<Stretch>();
  readonly parallel = new LineIndex();
  readonly labels = new Grid<number>();
  readonly obstacles = new Grid<Box>();
  readonly headerGrid = new Grid<Box>();
  readonly sides = new Grid<Box>();
  constructor(
    readonly edges: readonly ApartEdge[],
    readonly input: ApartInput,
  ) {
    this.routes = edges.map((e) => ({ points: [...e.points], ...(e.label ? { label: e.label } : {}) }));
    this.segs = edges.map((e) => segsOf(e.points));
    this.bounds = edges.map((e) => routeBox(e.points, 0));
    this.stretches = edges.map(() => []);
    for (const b of input.leaves) this.obstacles.add(b, b);
    for (const h of input.headers) this.headerGrid.add(h, h);
    for (const c of input.containers) this.sides.add(c, c);
    this.routes.forEach((r, i) => this.index(i, r));
  }
  private index(i: number, r: ApartRoute): void {
    const list = segsOf(r.points).map((s, k, all) => ({ edge: i, s, first: k === 0, last: k === all.length - 1 }));
    this.stretches[i] = list;
    for (const t of list) {
      this.lines.add(t, segBox(t.s));
      this.parallel.add(t);
    }
    if (r.label) this.labels.add(i, r.label);
  }
  set(i: number, r: ApartRoute): void {
    for (const t of this.stretches[i]!) {
      this.lines.remove(t, segBox(t.s));
      this.parallel.remove(t);
    }
    const old = this.routes[i]!.label;
    if (old) this.labels.remove(i, old);
    this.routes[i] = r;
    this.segs[i] = segsOf(r.points);
    this.bounds[i] = routeBox(r.points, 0);
    this.index(i, r);
  }
  /** Whether stretch `s` of edge `i` must keep apart from stretch `t`: another edge's, neither bundled nor converging. */
  apart(i: number, s: Seg, t: Stretch): boolean {
    if (t.edge === i) return false;
    const e = this.edges[i]!;
    const f = this.edges[t.edge]!;
    return !bundled(e, f) && !(t.last && converging(e, s, f, t.s, this.input.boxes.get(e.to)));
  }
  /** Whether a box sits in the gap between two stretches on one line (leaves and headers). */
  gapBlocked(gap: Seg): boolean {
    const b = segBox(gap);
    return [...this.obstacles.query(b), ...this.headerGrid.query(b)].some((x) => throughBox(gap, x, -EPS));
  }
}

/** The defects of stretches `segs` of edge `i`: each pass through a header, each stretch of another edge alongside. */
function defects(st: State, i: number, segs: readonly Seg[]): number {
  let n = 0;
  for (const s of segs) {
    for (const h of st.headerGrid.query(segBox(s))) if (throughBox(s, h)) n++;
    for (const t of st.parallel.near(s)) {
      if (st.apart(i, s, t) && alongside(s, t.s, (gap) => st.gapBlocked(gap))) n++;
    }
  }
  return n;
}

/** Whether a changed route is clear: no box, header or label crossed, no line end met, no side followed. */
function clear(st: State, i: number, route: readonly Point[], label: Box | undefined, changed: readonly Seg[]): boolean {
  if (doublesBack(route)) return false;
  const e = st.edges[i]!;
  const fromBox = st.input.boxes.get(e.from);
  const toBox = st.input.boxes.get(e.to);
  const own = st.routes[i]!.label;
  for (const s of changed) {
    const near = segBox(s);
    if (st.obstacles.query(near).some((b) => b !== fromBox && b !== toBox && throughBox(s, b))) return false;
    if ((fromBox && throughBox(s, fromBox)) || (toBox && throughBox(s, toBox))) return false;
    if (st.sides.query(segBox(s, SIDE_GAP)).some((b) => alongSide(s, b))) return false;
    if (st.labels.query(near).some((j) => j !== i && throughBox(s, st.routes[j]!.label!))) return false;
    for (const t of st.lines.query(near)) {
      if (t.edge === i) continue;
      if ((t.first && onSegment(t.s.a, s)) || (t.last && onSegment(t.s.b, s))) return false;
    }
    if (label && label !== own && throughBox(s, label)) return false;
  }
  for (const p of [route[0]!, route[route.length - 1]!]) {
    if (st.lines.query(pointBox(p)).some((t) => t.edge !== i && onSegment(p, t.s))) return false;
  }
  if (label && label !== own) {
    if ([...st.obstacles.query(label), ...st.headerGrid.query(label)].some((b) => overlapsBox(label, b))) return false;
    if (st.labels.query(label).some((j) => j !== i && overlapsBox(label, st.routes[j]!.label!))) return false;
    if (st.lines.query(label).some((t) => t.edge !== i && throughBox(t.s, label))) return false;
    if (segsOf(route).some((s) => throughBox(s, label))) return false;
  }
  return true;
}

interface Candidate {
  points: Point[];
  label?: Box;
  /** The new route's stretches that the old one does not have, and the old ones they replace. */
  changed: Seg[];
  removed: Seg[];
  cost: number;
}

/** The route with stretch `k` slid across to `to` (its neighbours lengthened or shortened), if it can slide. */
function slid(st: State, i: number, k: number, to: number): Candidate | undefined {
  const e = st.edges[i]!;
  const pts = st.routes[i]!.points;
  const s = { a: pts[k]!, b: pts[k + 1]! };
  const v = isVertical(s);
  const from = v ? s.a.x : s.a.y;
  if (Math.abs(to - from) < EPS) return undefined;
  const last = pts.length - 2;
  const arrowStub = e.undirected ? STUB : ARROW_STUB;
  // An end stretch slides its end along the box's side.
  if (k === 0 && !endSlides(pts[0]!, st.input.boxes.get(e.from), v, to)) return undefined;
  if (k === last && !endSlides(pts[pts.length - 1]!, st.input.boxes.get(e.to), v, to)) return undefined;
  const next = pts.map((p) => ({ ...p }));
  for (const j of [k, k + 1]) next[j] = v ? { x: r2(to), y: pts[j]!.y } : { x: pts[j]!.x, y: r2(to) };
  // The stretches before and after keep some length (one that turns round is checked with the rest of the route:
  // it must not run into its own box or back over the route).
  for (const [j, stub] of [
    [k - 1, STUB],
    [k + 1, k + 1 === last ? arrowStub : STUB],
  ] as const) {
    if (j < 0 || j > last) continue;
    const after = v ? next[j + 1]!.x - next[j]!.x : next[j + 1]!.y - next[j]!.y;
    if (Math.abs(after) < stub) return undefined;
  }
  const changed = segsOf(next).slice(Math.max(0, k - 1), k + 2);
  const removed = st.segs[i]!.slice(Math.max(0, k - 1), k + 2);
  // A label beside the stretch moves with it.
  const label = st.routes[i]!.label;
  let moved = label;
  if (label && labelGap(label, [s.a, s.b]) <= CLEAR) {
    const d = to - from;
    moved = { ...label, x: r2(label.x + (v ? d : 0)), y: r2(label.y + (v ? 0 : d)) };
  } else if (label && labelGap(label, next) > labelGap(label, pts) + EPS) return undefined;
  return { points: next, ...(moved ? { label: moved } : {}), changed, removed, cost: Math.abs(to - from) };
}

/**
 * The route with stretch `k` taken round the headers it crosses: just before the first header it steps across to
 * `to`, runs past the headers there and steps back. Where the stretch before (or after) it turns, that stretch is moved
 * to the jog's level instead, which saves two bends. The label stays where it is, so it must stay as close.
 */
function jogged(st: State, i: number, k: number, hit: readonly Box[], to: number): Candidate[] {
  const e = st.edges[i]!;
  const pts = st.routes[i]!.points;
  const s = { a: pts[k]!, b: pts[k + 1]! };
  const v = isVertical(s);
  const across = v ? s.a.x : s.a.y;
  const a = v ? s.a.y : s.a.x;
  const b = v ? s.b.y : s.b.x;
  const dir = Math.sign(b - a);
  const los = hit.map((h) => (v ? h.y : h.x));
  const his = hit.map((h) => (v ? h.y + h.height : h.x + h.width));
  const last = pts.length - 2;
  const endStub = k === last ? (e.undirected ? STUB : ARROW_STUB) : STUB;
  // The jog keeps clear of the container's side above the header and of the header text where there is room, and
  // no less than MIN_CLEAR.
  const first = dir > 0 ? Math.min(...los) : Math.max(...his);
  const final = dir > 0 ? Math.max(...his) : Math.min(...los);
  const enter = r2(first - dir * Math.min(SPACING, (first - a) * dir - STUB));
  const leave = r2(final + dir * Math.min(CLEAR, (b - final) * dir - endStub));
  if ((first - enter) * dir < MIN_CLEAR || (leave - final) * dir < MIN_CLEAR) return [];
  const label = st.routes[i]!.label;
  const out: Candidate[] = [];
  const P = (x: number, y: number) => {
    const p = pt(v, x, y);
    return { x: r2(p.x), y: r2(p.y) };
  };
  for (const front of [false, true]) {
    for (const back of [false, true]) {
      let head: Point[];
      if (front) {
        // The stretch before, moved to the entry level: its start slides along its side, or the stretch before it
        // changes length.
        if (k === 0) continue;
        const q = pts[k - 1]!;
        if (k - 1 === 0 && !endSlides(q, st.input.boxes.get(e.from), !v, enter)) continue;
        const moved = v ? { x: q.x, y: enter } : { x: enter, y: q.y };
        if (k - 1 > 0 && Math.abs((v ? moved.y - pts[k - 2]!.y : moved.x - pts[k - 2]!.x)) < STUB) continue;
        head = [...pts.slice(0, k - 1), moved, P(to, enter)];
      } else head = [...pts.slice(0, k + 1), P(across, enter), P(to, enter)];
      let tail: Point[];
      if (back) {
        if (k === last) continue;
        const q = pts[k + 2]!;
        if (k + 1 === last && !endSlides(q, st.input.boxes.get(e.to), !v, leave)) continue;
        const moved = v ? { x: q.x, y: leave } : { x: leave, y: q.y };
        const stub = k + 2 === last ? endStub : STUB;
        if (k + 2 <= last && Math.abs((v ? moved.y - pts[k + 3]!.y : moved.x - pts[k + 3]!.x)) < stub) continue;
        tail = [P(to, leave), moved, ...pts.slice(k + 3)];
      } else tail = [P(to, leave), P(across, leave), ...pts.slice(k + 1)];
      const next = [...head, ...tail];
      if (next.some((p, j) => j > 0 && Math.abs(p.x - next[j - 1]!.x) > EPS && Math.abs(p.y - next[j - 1]!.y) > EPS)) continue;
      if (label && labelGap(label, next) > labelGap(label, pts) + EPS) continue;
      const old = new Set(segsOf(pts).map(segKey));
      const changed = segsOf(next).filter((x) => !old.has(segKey(x)));
      const fresh = new Set(segsOf(next).map(segKey));
      const removed = segsOf(pts).filter((x) => !fresh.has(segKey(x)));
      out.push({ points: next, ...(label ? { label } : {}), changed, removed, cost: 1000 - 250 * (+front + +back) + 2 * Math.abs(to - across) });
    }
  }
  return out;
}

/** The moves tried for stretch `k` of edge `i`. */
function candidates(st: State, i: number, k: number): Candidate[] {
  const s = st.segs[i]![k]!;
  const v = isVertical(s);
  const out: Candidate[] = [];
  const targets = new Set<number>();
  const hit = st.headerGrid.query(segBox(s)).filter((h) => throughBox(s, h));
  if (hit.length) {
    // Past the far end of the header text, or before the header (outside its container).
    const past = Math.max(...hit.map((h) => (v ? h.x + h.width : h.y + h.height))) + CLEAR;
    const before = Math.min(...hit.map((h) => (v ? h.x : h.y))) - CLEAR;
    for (let n = 0; n < 3; n++) targets.add(past + n * SPACING);
    targets.add(before);
  }
  for (const x of st.parallel.near(s)) {
    if (!st.apart(i, s, x) || !alongside(s, x.s, (gap) => st.gapBlocked(gap))) continue;
    const t = x.s;
    const at = v ? t.a.x : t.a.y;
    for (let n = 1; n <= 4; n++) targets.add(at + n * SPACING).add(at - n * SPACING);
  }
  for (const to of targets) {
    const c = slid(st, i, k, to);
    if (c) out.push(c);
  }
  if (hit.length) {
    // Round the header text's far end, or before the header (outside its container, entering it from the side).
    const past = Math.max(...hit.map((h) => (v ? h.x + h.width : h.y + h.height))) + CLEAR;
    const before = Math.min(...hit.map((h) => (v ? h.x : h.y))) - CLEAR;
    for (const to of [past, past + SPACING, past + 2 * SPACING, before, before - SPACING]) out.push(...jogged(st, i, k, hit, to));
  }
  return out;
}

/**
 * New routes (and labels) for the edges whose stretches ran alongside another edge's or through a header; the
 * others are not in the map. Edges are taken in order, each seeing the routes as already moved, so the result
 * depends on nothing but the input.
 */
export function keepRoutesApart(input: ApartInput): Map<string, ApartRoute> {
  const st = new State(input.edges, input);
  const out = new Map<string, ApartRoute>();
  // After the first round an edge is tried again only when a route near it moved: only that can free a way.
  let near: Box[] | undefined;
  for (let round = 0; round < ROUNDS && (near === undefined || near.length > 0); round++) {
    const moved: Box[] = [];
    for (let i = 0; i < st.edges.length; i++) {
      if (near && !near.some((b) => overlapsBox(st.bounds[i]!, b))) continue;
      const now = defects(st, i, st.segs[i]!);
      if (now === 0) continue;
      // The cheapest moves first: the first clear one that leaves no defect is the one taken.
      const all: Candidate[] = [];
      for (let k = 0; k < st.segs[i]!.length; k++) all.push(...candidates(st, i, k));
      for (const c of all) c.cost += hugging(st, c.changed);
      all.sort((x, y) => x.cost - y.cost);
      let best: { c: Candidate; d: number } | undefined;
      for (const c of all.slice(0, TRIES)) {
        if (best?.d === 0) break;
        // Only the stretches that change change the count.
        const d = now - defects(st, i, c.removed) + defects(st, i, c.changed);
        if (d >= now || (best && d >= best.d)) continue;
        if (!clear(st, i, c.points, c.label, c.changed)) continue;
        best = { c, d };
      }
      if (!best) continue;
      moved.push(routeBox([...st.routes[i]!.points, ...best.c.points], JOIN_GAP + 2 * SPACING));
      const route = { points: best.c.points, ...(best.c.label ? { label: best.c.label } : {}) };
      st.set(i, route);
      out.set(st.edges[i]!.id, route);
    }
    near = moved;
  }
  return out;
}
