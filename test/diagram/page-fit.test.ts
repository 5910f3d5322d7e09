/** Page fit: orientation, scale and tiles that keep a printed diagram's smallest text at 6 pt or more. */
import { describe, expect, it } from 'vitest';
import {
  MIN_TEXT_PT,
  TILE_OVERLAP_PX,
  fitDiagram,
  leafBoxes,
  onePageTextPt,
  pictureBox,
  smallestFontPx,
  type Box,
} from '../../src/diagram/page-fit.js';
import { diagramPages } from '../../src/report/html.js';

const MM = 25.4 / 96;

describe('fitDiagram', () => {
  it('puts a wide diagram on a landscape page and a tall one on a portrait page, whole when it fits', () => {
    const wide = fitDiagram(1200, 500, 10);
    expect(wide.orientation).toBe('landscape');
    expect(wide.tiles).toEqual([{ x: 0, y: 0, width: 1200, height: 500 }]);
    const tall = fitDiagram(600, 1000, 10);
    expect(tall.orientation).toBe('portrait');
    expect(tall.tiles).toHaveLength(1);
    // Filled to the picture box in its limiting dimension.
    const box = pictureBox('a4', 'portrait');
    expect(Math.max((600 * MM * tall.scale) / box.width, (1000 * MM * tall.scale) / box.height)).toBeCloseTo(1, 5);
  });

  it('keeps one page exactly up to the 6 pt threshold and tiles just above it', () => {
    const box = pictureBox('a4', 'landscape');
    // 10 px text prints at 6 pt at scale 0.8: the widest picture one landscape page holds at that scale.
    const limit = box.width / MM / 0.8;
    const at = fitDiagram(limit - 0.5, 100, 10);
    expect(at.tiles).toHaveLength(1);
    expect(at.minTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    // Just above it a low strip wraps onto one page; a picture as high as the page cannot, and is tiled.
    const over = fitDiagram(limit + 40, 100, 10);
    expect(over.wrap).toBe('rows');
    expect(over.pages).toHaveLength(1);
    expect(over.minTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
    const high = fitDiagram(limit + 40, 700, 10);
    expect(high.wrap).toBeUndefined();
    expect(high.tiles.length).toBe(2);
    expect(high.pages).toHaveLength(2);
    expect(high.minTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
  });

  it('cuts a huge diagram into overlapping tiles that cover it, each printed at 6 pt or more', () => {
    const f = fitDiagram(6500, 1300, 10);
    expect(f.tiles.length).toBeGreaterThan(4);
    expect(f.minTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
    const last = f.tiles[f.tiles.length - 1]!;
    expect(last.x + last.width).toBeCloseTo(6500, 0);
    expect(last.y + last.height).toBeCloseTo(1300, 0);
    for (let i = 1; i < f.columns; i++) {
      const a = f.tiles[i - 1]!;
      const b = f.tiles[i]!;
      expect(a.x + a.width - b.x).toBeCloseTo(TILE_OVERLAP_PX, 0);
    }
  });

  it('cuts tiles between boxes where there is room near the even cut, one scale for all', () => {
    const box = pictureBox('a4', 'landscape');
    const limit = box.width / MM / 0.8;
    // A row of 200 px boxes 40 px apart, 60 px wider than one page holds at 6 pt: two columns.
    const width = Math.round(limit + 60);
    const boxes: Box[] = [];
    for (let x = 16; x + 200 <= width - 16; x += 240) boxes.push({ x, y: 20, width: 200, height: 60 });
    // 700 px high: too high to wrap onto one page as strips, so it is tiled.
    const even = fitDiagram(width, 700, 10);
    const cut = fitDiagram(width, 700, 10, 'a4', boxes);
    expect(cut.tiles).toHaveLength(even.tiles.length);
    expect(cut.tiles).toHaveLength(2);
    // The even cut runs through a box; the cut between boxes does not: every box is whole in one tile.
    const inside = (b: Box, t: { x: number; width: number }) => b.x >= t.x && b.x + b.width <= t.x + t.width;
    const whole = (f: typeof cut) => boxes.every((b) => f.tiles.some((t) => inside(b, t)));
    expect(whole(even)).toBe(false);
    expect(whole(cut)).toBe(true);
    // The tiles still cover the picture, and print at 6 pt or more.
    expect(cut.tiles[0]!.x).toBe(0);
    expect(cut.tiles[1]!.x).toBeLessThanOrEqual(cut.tiles[0]!.width);
    expect(cut.tiles[1]!.x + cut.tiles[1]!.width).toBeCloseTo(width, 1);
    expect(cut.minTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
    // No room between boxes (one box across the cut): even overlapping tiles, as without boxes.
    const wide = fitDiagram(width, 700, 10, 'a4', [{ x: 16, y: 0, width: width - 32, height: 50 }]);
    expect(wide.tiles).toEqual(even.tiles);
  });

  it('reads the leaf boxes of a rendered SVG, moved below its header', () => {
    const svg =
      '<svg><g id="v-diagram" transform="translate(0 84)">' +
      '<g id="v-n0" class="node container vnet" data-x="0" data-y="0" data-width="500" data-height="300"></g>' +
      '<g id="v-n1" class="node leaf leaf" data-id="a" data-x="16.5" data-y="40" data-width="200" data-height="60">' +
      '</g></g></svg>';
    expect(leafBoxes(svg)).toEqual([{ x: 16.5, y: 124, width: 200, height: 60 }]);
  });

  it('reads the smallest font size of an SVG', () => {
    expect(smallestFontPx('<svg><text font-size="12">a</text><text font-size="10.5">b</text></svg>')).toBe(10.5);
    expect(smallestFontPx('<svg><style>text { font-size: 9px }</style></svg>')).toBe(9);
    expect(smallestFontPx('<svg/>')).toBe(12);
  });
});

describe('diagramPages', () => {
  it('sizes each page of a diagram in millimetres with a viewBox onto its window', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="400" viewBox="0 0 3000 400"><text font-size="10">x</text></svg>';
    const pages = diagramPages(svg, 3000, 400, 'a4');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.part).toMatch(/^part 1 of \d+, left$/);
    for (const p of pages) {
      expect(p.svgHtml).toMatch(/^<svg viewBox="[\d.]+ 0 [\d.]+ 400" style="width:[\d.]+mm;height:[\d.]+mm"/);
      expect(p.svgHtml).not.toMatch(/ width="3000"/);
      const box = pictureBox('a4', p.orientation);
      expect(p.widthMm).toBeLessThanOrEqual(box.width + 0.05);
      expect(p.heightMm).toBeLessThanOrEqual(box.height + 0.05);
    }
    const one = diagramPages(svg.replace(/3000/g, '900'), 900, 400, 'a4');
    expect(one).toHaveLength(1);
    expect(one[0]!.part).toBeUndefined();
  });
});

describe('onePageTextPt', () => {
  it('is the smallest text in points with the whole diagram on one picture box, either side of 6 pt', () => {
    const box = pictureBox('a4', 'landscape');
    // 10 px text prints at 6 pt at scale 0.8: a diagram 269 mm / 0.8 wide (about 1270.6 px) is the limit.
    const limit = box.width / (0.8 * MM);
    expect(onePageTextPt(limit, 100, 10, box)).toBeCloseTo(MIN_TEXT_PT, 6);
    expect(onePageTextPt(limit - 2, 100, 10, box)).toBeGreaterThan(MIN_TEXT_PT);
    expect(onePageTextPt(limit + 2, 100, 10, box)).toBeLessThan(MIN_TEXT_PT);
    // The height decides when the diagram is taller than the box's proportions.
    const tall = box.height / (0.8 * MM);
    expect(onePageTextPt(500, tall - 2, 10, box)).toBeGreaterThan(MIN_TEXT_PT);
    expect(onePageTextPt(500, tall + 2, 10, box)).toBeLessThan(MIN_TEXT_PT);
    // Larger text prints larger at the same size.
    expect(onePageTextPt(limit, 100, 10.5, box)).toBeCloseTo(MIN_TEXT_PT * 1.05, 6);
  });
});
