/**
 * Where a compact view (the overview) puts a step number on its line: on a straight stretch of the route, clear
 * of every box and of the numbers already placed, the longest stretch first. The route itself comes from ELK;
 * this only picks a point on it, so a number always sits on the edge it belongs to (beside it, touching its middle,
 * when the route is too short to carry a number without being hidden by it).
 */
import type { Box, Point } from '../model/diagram-target.js';

/** Room a number needs around its centre: the badge radius and a little air. */
const CLEAR = 11;
/** Where along a stretch a number may go, in order of preference (the middle first). */
const STOPS = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9, 0.27, 0.43, 0.57, 0.73, 0.05, 0.95];
/** A number keeps this far from the ends of its route (the arrowhead, the port). */
const END_GAP = 18;

function hits(c: Point, b: Box, pad: number): boolean {
  return c.x > b.x - pad && c.x < b.x + b.width + pad && c.y > b.y - pad && c.y < b.y + b.height + pad;
}

/** Distance from a point to an axis-parallel segment. */
function distance(c: Point, a: Point, b: Point): number {
  const x = Math.min(Math.max(c.x, Math.min(a.x, b.x)), Math.max(a.x, b.x));
  const y = Math.min(Math.max(c.y, Math.min(a.y, b.y)), Math.max(a.y, b.y));
  return Math.hypot(c.x - x, c.y - y);
}

/**
 * The centre of a step number on `points`, avoiding `boxes` and the centres in `taken` (which it joins). It keeps
 * off the other routes (`lines`) too where it can: a number touching another line's bend reads as that line's.
 */
export function badgeCentre(points: readonly Point[], boxes: readonly Box[], taken: Point[], lines: ReadonlyArray<readonly Point[]> = []): Point {
  const candidates: Point[] = [];
  const segs = points.slice(1).map((p, i) => ({ a: points[i]!, b: p, len: Math.abs(p.x - points[i]!.x) + Math.abs(p.y - points[i]!.y), i }));
  const last = segs.length - 1;
  // A route whose every stretch is shorter than a number and its two gaps would be mostly hidden under it even where
  // one stretch takes it (a 30 px stretch after two bends of 10 and 5 px): it goes beside the route.
  const tooShort = segs.every((s) => s.len < 2 * END_GAP);
  for (const s of tooShort ? [] : [...segs].sort((x, y) => y.len - x.len || x.i - y.i)) {
    // The first and last stretches keep clear of the source port and the arrowhead.
    const from = s.i === 0 ? END_GAP : CLEAR;
    const to = s.i === last ? END_GAP : CLEAR;
    if (s.len < from + to) continue;
    for (const t of STOPS) {
      const d = from + (s.len - from - to) * t;
      const k = d / s.len;
      candidates.push({ x: s.a.x + (s.b.x - s.a.x) * k, y: s.a.y + (s.b.y - s.a.y) * k });
    }
  }
  const clearOfBoxes = (c: Point) => !boxes.some((b) => hits(c, b, CLEAR - 2));
  const room = (c: Point) => Math.min(Infinity, ...taken.map((t) => Math.hypot(t.x - c.x, t.y - c.y)));
  // Beside the middle of the longest stretch, touching it.
  const beside = (() => {
    const s = [...segs].sort((x, y) => y.len - x.len || x.i - y.i)[0]!;
    const m = { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 };
    const horizontal = Math.abs(s.b.x - s.a.x) >= Math.abs(s.b.y - s.a.y);
    return horizontal
      ? [{ x: m.x, y: m.y - CLEAR }, { x: m.x, y: m.y + CLEAR }]
      : [{ x: m.x + CLEAR, y: m.y }, { x: m.x - CLEAR, y: m.y }];
  })();
  const sides = beside.filter((c) => !boxes.some((b) => hits(c, b, 0)));
  // A route too short for a number on it (two boxes one narrow column apart) would vanish under the number, and
  // its dash with it (a plaintext hop's dotted red line): the number sits beside its middle instead.
  const mid = sides[0] ?? beside[0]!;
  const offLines = (c: Point) => lines.every((l) => l.every((p, i) => i === 0 || distance(c, l[i - 1]!, p) >= CLEAR));
  // The first point clear of boxes and other lines with room for a number; else beside the route when that is clear
  // of the other lines; else the first point clear of boxes with room, else the clear point farthest from the others.
  const clear = candidates.filter(clearOfBoxes);
  const pick =
    clear.find((c) => room(c) >= 2 * CLEAR && offLines(c)) ??
    (lines.length ? sides.find((c) => room(c) >= 2 * CLEAR && offLines(c)) : undefined) ??
    clear.find((c) => room(c) >= 2 * CLEAR) ??
    clear.reduce<Point | undefined>((best, c) => (best === undefined || room(c) > room(best) ? c : best), undefined) ??
    candidates[0] ??
    mid;
  const c = { x: Math.round(pick.x * 100) / 100, y: Math.round(pick.y * 100) / 100 };
  taken.push(c);
  return c;
}
