/**
 * The overview's 16:9 frame (issue #11 §3), measured on a finished picture: its canvas is 16:9 within a pixel, and
 * what it draws (title block, boxes, key, step legend) sits inside the canvas, centred in it, with the room around
 * it only on one axis (the frame is as small as the drawing allows).
 */
import type { Box, DiagramTarget, TextRun } from '../../src/model/diagram-target.js';
import type { TextMetrics } from '../../src/render/text.js';

/** Whether a canvas `width` × `height` is 16:9 within one pixel (of either side). */
export function isSixteenByNine(d: { width: number; height: number }): boolean {
  return Math.abs(d.width - (d.height * 16) / 9) <= 1 && Math.abs(d.height - (d.width * 9) / 16) <= 1;
}

/** The bounding box of everything a target draws, in canvas coordinates. */
export function drawnBounds(m: TextMetrics, t: DiagramTarget): Box {
  const boxes: Box[] = [];
  const text = (r: TextRun, ox: number, oy: number) =>
    boxes.push({ x: ox + r.x, y: oy + r.y - r.size, width: m.width(r.text, r.size, r.weight), height: r.size * 1.25 });
  const dx = t.diagramX ?? 0;
  for (const s of [...t.containers, ...t.nodes]) boxes.push({ ...s.box, x: s.box.x + dx, y: s.box.y + t.diagramY });
  for (const r of t.header?.lines ?? []) text(r, 0, 0);
  for (const e of t.legend.entries) text(e.text, t.legend.x + e.x, t.legend.y + e.y);
  text(t.legend.title, t.legend.x, t.legend.y);
  const s = t.steps;
  if (s) for (const r of [...s.headings, ...s.entries.flatMap((e) => e.lines), ...s.notes]) text(r, s.x, s.y);
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The empty room around the drawing: left, right, top and bottom. A centred drawing has about as much on the left as
 * on the right and on the top as on the bottom.
 */
export function room(m: TextMetrics, t: DiagramTarget): { left: number; right: number; top: number; bottom: number } {
  const b = drawnBounds(m, t);
  return { left: b.x, right: t.width - b.x - b.width, top: b.y, bottom: t.height - b.y - b.height };
}
