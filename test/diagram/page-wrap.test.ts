/**
 * A strip too long for one page at 6 pt wraps onto one page, as a long line of text wraps: a wide strip's windows
 * stacked, a tall one's side by side, cut between boxes where such a cut still prints at 6 pt.
 */
import { describe, expect, it } from 'vitest';
import {
  MIN_TEXT_PT,
  TILE_OVERLAP_PX,
  WRAP_GAP_MM,
  cutObstacles,
  fitDiagram,
  pictureBox,
  type Box as Obstacle,
  type PageFit,
} from '../../src/diagram/page-fit.js';
import { diagramPages } from '../../src/report/html.js';

const MM = 25.4 / 96;

/** The windows, with their gaps, fit the picture box of their page at the fit's scale. */
function onThePage(f: PageFit) {
  const box = pictureBox('a4', f.orientation);
  const ws = f.pages[0]!.map((t) => t.width * MM * f.scale);
  const hs = f.pages[0]!.map((t) => t.height * MM * f.scale);
  const gaps = (f.pages[0]!.length - 1) * WRAP_GAP_MM;
  if (f.wrap === 'rows') {
    expect(Math.max(...ws)).toBeLessThanOrEqual(box.width + 1e-6);
    expect(hs.reduce((a, b) => a + b, 0) + gaps).toBeLessThanOrEqual(box.height + 1e-6);
  } else {
    expect(ws.reduce((a, b) => a + b, 0) + gaps).toBeLessThanOrEqual(box.width + 1e-6);
    expect(Math.max(...hs)).toBeLessThanOrEqual(box.height + 1e-6);
  }
}

/** The windows cover the whole strip along its long side, in order, each overlapping the next. */
function covers(f: PageFit, long: number) {
  const rows = f.wrap === 'rows';
  const spans = f.pages[0]!.map((t) => (rows ? [t.x, t.x + t.width] : [t.y, t.y + t.height]) as [number, number]);
  expect(spans[0]![0]).toBe(0);
  expect(spans.at(-1)![1]).toBeCloseTo(long, 1);
  for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeLessThan(spans[i - 1]![1]);
}

describe('wrapped strips', () => {
  it('wraps a wide flow strip (the dense ingress view of example a: 1544 x 432 px, 10 px text) onto one page', () => {
    const f = fitDiagram(1544, 432, 10);
    expect(f.wrap).toBe('rows');
    expect(f.pages).toHaveLength(1);
    expect(f.tiles.length).toBeGreaterThanOrEqual(2);
    expect(f.minTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
    onThePage(f);
    covers(f, 1544);
  });

  it('wraps a tall strip into windows side by side', () => {
    const f = fitDiagram(560, 1272, 10);
    expect(f.wrap).toBe('columns');
    expect(f.pages).toHaveLength(1);
    expect(f.minTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
    onThePage(f);
    covers(f, 1272);
  });

  it('never wraps a picture that fits one page whole, even where a wrapped one would print larger', () => {
    // The overview of example c: whole on a landscape page at 7.7 pt; two strips on portrait would give 7.7 too.
    const f = fitDiagram(1046, 460, 10.5);
    expect(f.wrap).toBeUndefined();
    expect(f.tiles).toEqual([{ x: 0, y: 0, width: 1046, height: 460 }]);
  });

  it('tiles a strip too long for four strips on one page', () => {
    const f = fitDiagram(6000, 300, 10);
    expect(f.wrap).toBeUndefined();
    expect(f.pages.length).toBeGreaterThan(1);
    expect(f.pages.every((p) => p.length === 1)).toBe(true);
  });

  it('cuts between boxes when it can, at even steps with the tile overlap when every cut would cross a box', () => {
    // Boxes 150 px wide every 200 px: free gaps at 150–200, 350–400, …
    const boxes: Obstacle[] = Array.from({ length: 10 }, (_, i) => ({ x: i * 200, y: 100, width: 150, height: 60 }));
    const f = fitDiagram(1950, 300, 10, 'a4', boxes);
    expect(f.wrap).toBe('rows');
    expect(f.cleanCut).toBe(true);
    const tiles = f.pages[0]!;
    for (const t of tiles.slice(1)) {
      // Each window starts just before a cut that runs through a gap, not through a box.
      const cut = t.x + 6;
      expect(boxes.some((b) => cut > b.x - 4 && cut < b.x + b.width + 4)).toBe(false);
    }
    covers(f, 1950);
    // One box across the whole strip: no clean cut exists, the even windows overlap by TILE_OVERLAP_PX.
    const blocked = fitDiagram(1950, 300, 10, 'a4', [{ x: 0, y: 0, width: 1950, height: 10 }]);
    expect(blocked.wrap).toBe('rows');
    expect(blocked.cleanCut).toBe(false);
    const [a, b] = blocked.pages[0]!;
    expect(a!.x + a!.width - b!.x).toBeCloseTo(TILE_OVERLAP_PX, 0);
  });

  it('reads leaf boxes and label chips of an aksnet SVG as obstacles, moved by the picture offset', () => {
    const svg =
      '<svg><g id="v-diagram" transform="translate(20 100)">' +
      '<g class="node leaf subnet" data-id="a" data-kind="subnet" data-x="10" data-y="20" data-width="30" data-height="40"></g>' +
      '<g id="e1-label" class="edge-label" data-id="e1"><rect width="51" height="20" x="684" y="347.5" rx="3"></rect></g>' +
      '<g class="node container vnet" data-x="0" data-y="0" data-width="900" data-height="900"></g></g></svg>';
    expect(cutObstacles(svg)).toEqual([
      { x: 30, y: 120, width: 30, height: 40 },
      { x: 704, y: 447.5, width: 51, height: 20 },
    ]);
  });

  it('prints the strips of a wrapped picture on one page, each a window of the SVG, captioned with the reading order', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1544" height="432" viewBox="0 0 1544 432"><text font-size="10">x</text></svg>';
    const pages = diagramPages(svg, 1544, 432, 'a4');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.part).toMatch(/^in \d strips, read top to bottom$/);
    const windows = [...pages[0]!.svgHtml.matchAll(/<svg class="strip" viewBox="([\d.]+) 0 ([\d.]+) 432"/g)];
    expect(windows.length).toBeGreaterThanOrEqual(2);
    const box = pictureBox('a4', pages[0]!.orientation);
    expect(pages[0]!.widthMm).toBeLessThanOrEqual(box.width + 0.05);
    expect(pages[0]!.heightMm).toBeLessThanOrEqual(box.height + 0.05);
  });
});
