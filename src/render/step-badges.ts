/**
 * Where a compact view (the overview) puts a step number on its line: on a straight stretch of the route, clear
 * of every box and of the numbers already placed, the longest stretch first. The route itself comes from ELK;
 * this only picks a point on it, so a number always sits on the edge it belongs to.
 */
import type { Box, Point } from '../model/diagram-target.js';

/** Room a number needs around its centre: the badge radius and a little air. */
const CLEAR = 11;
/** A number keeps this far from the ends of its route (the arrowhead, the port). */
const END_GAP = 18;

function hits(c: Point, b: Box, pad: number): boolean {
  return c.x > b.x - pad && c.x < b.x + b.width + pad && c.y > b.y - pad && c.y < b.y + b.height + pad;
}

/** The centre of a step number on `points`, avoiding `boxes` and the centres in `taken` (which it joins). */
export function badgeCentre(points: readonly Point[], boxes: readonly Box[], taken: Point[]): Point {
  const candidates: Point[] = [];
  const segs = points.slice(1).map((p, i) => ({ a: points[i]!, b: p, len: Math.abs(p.x - points[i]!.x) + Math.abs(p.y - points[i]!.y), i }));
  const last = segs.length - 1;
  for (const s of [...segs].sort((x, y) => y.len - x.len || x.i - y.i)) {
    // The first and last stretches keep clear of the source port and the arrowhead.
    const from = s.i === 0 ? END_GAP : CLEAR;
    const to = s.i === last ? END_GAP : CLEAR;
    if (s.len < from + to) continue;
    for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
      const d = from + (s.len - from - to) * t;
      const k = d / s.len;
      candidates.push({ x: s.a.x + (s.b.x - s.a.x) * k, y: s.a.y + (s.b.y - s.a.y) * k });
    }
  }
  const free = (c: Point) =>
    !boxes.some((b) => hits(c, b, CLEAR - 6)) && !taken.some((t) => Math.abs(t.x - c.x) < 2 * CLEAR && Math.abs(t.y - c.y) < 2 * CLEAR);
  const mid = (() => {
    const s = [...segs].sort((x, y) => y.len - x.len || x.i - y.i)[0]!;
    return { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 };
  })();
  const pick = candidates.find(free) ?? candidates[0] ?? mid;
  const c = { x: Math.round(pick.x * 100) / 100, y: Math.round(pick.y * 100) / 100 };
  taken.push(c);
  return c;
}
