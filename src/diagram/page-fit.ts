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

function fitOn(width: number, height: number, fontPx: number, box: PictureBox, orientation: Orientation): PageFit {
  const wMm = width * MM_PER_PX;
  const hMm = height * MM_PER_PX;
  const whole = Math.min(box.width / wMm, box.height / hMm);
  const needed = MIN_TEXT_PT / (fontPx * PT_PER_PX);
  if (whole >= needed) {
    const tiles = [{ x: 0, y: 0, width, height }];
    return { orientation, scale: whole, minTextPt: fontPx * PT_PER_PX * whole, columns: 1, rows: 1, tiles,
      fill: (wMm * whole * hMm * whole) / (box.width * box.height) };
  }
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
  return { orientation, scale, minTextPt: fontPx * PT_PER_PX * scale, columns, rows, tiles,
    fill: (tw * MM_PER_PX * scale * th * MM_PER_PX * scale) / (box.width * box.height) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The best way to print a diagram of `width` × `height` pixels whose smallest text is `fontPx`: the fewest
 * pages, then the larger scale; portrait wins a tie (it keeps the pack's reading direction).
 */
export function fitDiagram(width: number, height: number, fontPx: number, paper: Paper = 'a4'): PageFit {
  const fits = (['portrait', 'landscape'] as const).map((o) => fitOn(width, height, fontPx, pictureBox(paper, o), o));
  fits.sort((a, b) => a.tiles.length - b.tiles.length || b.scale - a.scale);
  return fits[0]!;
}
