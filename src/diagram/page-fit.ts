/**
 * Page fit: how a diagram goes onto a printed page so that its smallest text stays readable.
 *
 * A diagram is drawn in CSS pixels (96 per inch). On paper it is scaled to fill the page's picture box; when
 * that would bring its smallest text under MIN_TEXT_PT, it is cut into tiles (windows onto the same picture,
 * overlapping a little), each printed on a page of its own at a readable scale.
 */

/** The smallest text size a printed diagram may have, in points. */
export const MIN_TEXT_PT = 6;

/**
 * The most pages one diagram may take in a printed pack. A view that would need more (after collapsing repeated
 * spokes) is left out of the print with a note: its tiles would be fragments no one can follow.
 */
export const MAX_PRINT_PAGES = 8;

/** Millimetres per CSS pixel. */
export const MM_PER_PX = 25.4 / 96;
/** Points per CSS pixel. */
const PT_PER_PX = 0.75;
/** How far neighbouring tiles overlap, in diagram pixels, so an element cut by one edge is whole in the other. */
export const TILE_OVERLAP_PX = 48;

export type Paper = 'a4' | 'letter';
export type Orientation = 'portrait' | 'landscape';

export interface PictureBox {
  /** Width and height available to the picture, in millimetres. */
  width: number;
  height: number;
}

/**
 * The picture box of a diagram page: the paper less the pack's margins (14 mm left and right, 17 mm top,
 * 16 mm bottom) and less room for the caption above the picture (20 mm).
 */
export function pictureBox(paper: Paper, orientation: Orientation): PictureBox {
  const [w, h] = paper === 'letter' ? [215.9, 279.4] : [210, 297];
  const [pw, ph] = orientation === 'portrait' ? [w, h] : [h, w];
  return { width: pw - 28, height: ph - 33 - 20 };
}

export interface Tile {
  /** The window onto the diagram, in diagram pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageFit {
  orientation: Orientation;
  /** Print scale against the diagram's natural size at 96 dpi (1 = one diagram pixel per CSS pixel). */
  scale: number;
  /** Size of the smallest text on paper, in points. */
  minTextPt: number;
  columns: number;
  rows: number;
  /** The windows, row by row; a single window covering everything when the diagram fits one page. */
  tiles: Tile[];
  /**
   * The windows each printed page holds, in reading order. One window a page, except for a strip wrapped onto one
   * page (`wrap`): all its windows on that page, stacked (`rows`) or side by side (`columns`).
   */
  pages: Tile[][];
  /**
   * Set when a strip too long for one page at MIN_TEXT_PT is cut into windows printed on one page, as a long line
   * of text wraps: a wide strip's windows stacked top to bottom (`rows`), a tall one's side by side (`columns`).
   */
  wrap?: 'rows' | 'columns';
  /** A wrapped strip cut between boxes and label chips (not through them). */
  cleanCut?: boolean;
  /** Share of the picture box the (first) picture covers, 0–1. */
  fill: number;
}

/** The smallest `font-size` attribute or property in an SVG, in pixels (12 when it states none). */
export function smallestFontPx(svg: string): number {
  let min = Infinity;
  for (const m of svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)) {
    const v = Number(m[1]);
    if (v > 0 && v < min) min = v;
  }
  return Number.isFinite(min) ? min : 12;
}

/**
 * The size in points of a diagram's smallest text when the whole diagram is scaled to fill one picture box (no
 * tiles): what "readable on one page" means for the overview (at least MIN_TEXT_PT).
 */
export function onePageTextPt(width: number, height: number, fontPx: number, box: PictureBox): number {
  return fontPx * PT_PER_PX * Math.min(box.width / (width * MM_PER_PX), box.height / (height * MM_PER_PX));
}

function fitOn(
  width: number,
  height: number,
  fontPx: number,
  box: PictureBox,
  orientation: Orientation,
  obstacles: readonly Obstacle[],
): PageFit {
  const wMm = width * MM_PER_PX;
  const hMm = height * MM_PER_PX;
  const whole = Math.min(box.width / wMm, box.height / hMm);
  const needed = MIN_TEXT_PT / (fontPx * PT_PER_PX);
  if (whole >= needed) {
    const tiles = [{ x: 0, y: 0, width, height }];
    return { orientation, scale: whole, minTextPt: fontPx * PT_PER_PX * whole, columns: 1, rows: 1, tiles,
      pages: [tiles], fill: (wMm * whole * hMm * whole) / (box.width * box.height) };
  }
  const wrapped = wrapOn(width, height, fontPx, box, orientation, needed, obstacles);
  if (wrapped) return wrapped;
  // The window one page holds at the readable scale, less the overlap it shares with its neighbours.
  const winW = box.width / MM_PER_PX / needed;
  const winH = box.height / MM_PER_PX / needed;
  const columns = width <= winW ? 1 : Math.ceil((width - TILE_OVERLAP_PX) / (winW - TILE_OVERLAP_PX));
  const rows = height <= winH ? 1 : Math.ceil((height - TILE_OVERLAP_PX) / (winH - TILE_OVERLAP_PX));
  // Even windows: each as large as the others, stepping so the last one ends at the diagram's edge.
  const tw = columns === 1 ? width : (width + (columns - 1) * TILE_OVERLAP_PX) / columns;
  const th = rows === 1 ? height : (height + (rows - 1) * TILE_OVERLAP_PX) / rows;
  const tiles: Tile[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      tiles.push({ x: round(c * (tw - TILE_OVERLAP_PX)), y: round(r * (th - TILE_OVERLAP_PX)), width: round(tw), height: round(th) });
    }
  }
  const scale = Math.min(box.width / (tw * MM_PER_PX), box.height / (th * MM_PER_PX));
  return { orientation, scale, minTextPt: fontPx * PT_PER_PX * scale, columns, rows, tiles, pages: tiles.map((t) => [t]),
    fill: (tw * MM_PER_PX * scale * th * MM_PER_PX * scale) / (box.width * box.height) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Space between the strips of a wrapped picture on its page, in millimetres. */
export const WRAP_GAP_MM = 5;
/** The most strips one page takes: more would be slivers no one can follow. */
const MAX_WRAP = 4;

/** A box in diagram pixels that a wrapped strip's cut should not run through (a leaf box, a label chip). */
export interface Obstacle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What a cut between strips should avoid in an SVG drawn by aksnet: its leaf boxes (`data-x` … on each leaf) and
 * edge label chips (the `rect` of each `edge-label` group).
 */
export function cutObstacles(svg: string): Obstacle[] {
  const out: Obstacle[] = [];
  const leaf = /class="node leaf[^"]*"[^>]*?data-x="([\d.-]+)" data-y="([\d.-]+)" data-width="([\d.]+)" data-height="([\d.]+)"/g;
  for (const m of svg.matchAll(leaf)) out.push({ x: +m[1]!, y: +m[2]!, width: +m[3]!, height: +m[4]! });
  const chip = /class="edge-label"[^>]*><rect width="([\d.]+)" height="([\d.]+)" x="([\d.-]+)" y="([\d.-]+)"/g;
  for (const m of svg.matchAll(chip)) out.push({ x: +m[3]!, y: +m[4]!, width: +m[1]!, height: +m[2]! });
  return out;
}

/** How far a clean cut's strips overlap, in diagram pixels: enough to show a line running on. */
const CLEAN_OVERLAP_PX = 6;
/** Room kept clear on each side of a box a cut passes by, in diagram pixels. */
const CUT_CLEARANCE_PX = 4;

/**
 * Cut positions along a strip's long side (`long` pixels) into `n` pieces: each the free position nearest the even
 * cut, where no obstacle spans it; undefined when some cut has no free position within a quarter piece of it.
 */
function cleanCuts(long: number, n: number, spans: Array<[number, number]>): number[] | undefined {
  const blocked = (at: number) => spans.some(([a, b]) => at > a - CUT_CLEARANCE_PX && at < b + CUT_CLEARANCE_PX);
  const cuts: number[] = [];
  const reach = long / n / 4;
  for (let k = 1; k < n; k++) {
    const ideal = (k * long) / n;
    let found: number | undefined;
    for (let d = 0; d <= reach && found === undefined; d++) {
      if (!blocked(ideal - d)) found = ideal - d;
      else if (!blocked(ideal + d)) found = ideal + d;
    }
    if (found === undefined) return undefined;
    cuts.push(Math.round(found));
  }
  return cuts;
}

/**
 * A strip (much wider or taller than the page) cut into 2–MAX_WRAP windows printed on one page, stacked or side by
 * side, at the largest scale that keeps its text readable; undefined when no cut fits one page. Cuts go between
 * the obstacles (boxes, label chips) when such a cut still fits, else at even steps with TILE_OVERLAP_PX overlap.
 */
function wrapOn(
  width: number,
  height: number,
  fontPx: number,
  box: PictureBox,
  orientation: Orientation,
  needed: number,
  obstacles: readonly Obstacle[],
): PageFit | undefined {
  const found: PageFit[] = [];
  for (const wrap of ['rows', 'columns'] as const) {
    // Cut along the strip's long side only: a wide strip into rows, a tall one into columns.
    if ((wrap === 'rows') !== width > height) continue;
    const long = wrap === 'rows' ? width : height;
    const across = wrap === 'rows' ? height : width;
    const spans = obstacles.map((o): [number, number] => (wrap === 'rows' ? [o.x, o.x + o.width] : [o.y, o.y + o.height]));
    for (let n = 2; n <= MAX_WRAP; n++) {
      const step = (long + (n - 1) * TILE_OVERLAP_PX) / n;
      const even = Array.from({ length: n }, (_, i): [number, number] => [i * (step - TILE_OVERLAP_PX), i * (step - TILE_OVERLAP_PX) + step]);
      const cuts = cleanCuts(long, n, spans);
      const clean = cuts?.map((c, i, all): [number, number] => [i === 0 ? 0 : all[i - 1]! - CLEAN_OVERLAP_PX, c + CLEAN_OVERLAP_PX]);
      clean?.push([cuts!.at(-1)! - CLEAN_OVERLAP_PX, long]);
      for (const [pieces, cleanCut] of [[clean, true], [even, false]] as const) {
        if (!pieces) continue;
        const piece = Math.max(...pieces.map(([a, b]) => b - a));
        const gap = (n - 1) * WRAP_GAP_MM;
        const scale =
          wrap === 'rows'
            ? Math.min(box.width / (piece * MM_PER_PX), (box.height - gap) / (n * across * MM_PER_PX))
            : Math.min((box.width - gap) / (n * across * MM_PER_PX), box.height / (piece * MM_PER_PX));
        if (scale < needed) continue;
        const tiles = pieces.map(([a, b]) =>
          wrap === 'rows'
            ? { x: round(a), y: 0, width: round(b - a), height: round(across) }
            : { x: 0, y: round(a), width: round(across), height: round(b - a) },
        );
        const area = tiles.reduce((sum, t) => sum + t.width * MM_PER_PX * scale * t.height * MM_PER_PX * scale, 0);
        found.push({ orientation, scale, minTextPt: fontPx * PT_PER_PX * scale, columns: wrap === 'rows' ? n : 1,
          rows: wrap === 'rows' ? 1 : n, tiles, pages: [tiles], wrap, cleanCut, fill: area / (box.width * box.height) });
      }
    }
  }
  // A cut between boxes beats one through them; then the larger scale, then fewer strips.
  found.sort((a, b) => Number(b.cleanCut) - Number(a.cleanCut) || b.scale - a.scale || a.tiles.length - b.tiles.length);
  return found[0];
}

/**
 * The best way to print a diagram of `width` × `height` pixels whose smallest text is `fontPx`: the fewest
 * pages, then the larger scale; portrait wins a tie (it keeps the pack's reading direction). A picture that fits
 * one page whole is never wrapped.
 */
export function fitDiagram(
  width: number,
  height: number,
  fontPx: number,
  paper: Paper = 'a4',
  obstacles: readonly Obstacle[] = [],
): PageFit {
  const fits = (['portrait', 'landscape'] as const).map((o) =>
    fitOn(width, height, fontPx, pictureBox(paper, o), o, obstacles),
  );
  // The fewest pages; then a whole picture before a wrapped one, a clean cut before an even one; then the larger scale.
  const rank = (f: PageFit) => (f.wrap ? (f.cleanCut ? 1 : 2) : 0);
  fits.sort((a, b) => a.pages.length - b.pages.length || rank(a) - rank(b) || b.scale - a.scale);
  return fits[0]!;
}
