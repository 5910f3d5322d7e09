/**
 * Page fit: how a diagram goes onto a printed page so that its smallest text stays readable.
 *
 * A diagram is drawn in CSS pixels (96 per inch). On paper it is scaled to fill the page's picture box; when
 * that would bring its smallest text under MIN_TEXT_PT, it is cut into tiles (windows onto the same picture, cut
 * between boxes where there is room, else overlapping a little), each printed on a page of its own at a readable
 * scale.
 */

import { metrics } from '../render/text.js';

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
 * The left and right margin of a diagram page, in millimetres: the pack's 14 mm on A4; on Letter the 0.4 in
 * (10.16 mm) usual for that paper, since a Letter page is 17.6 mm narrower in landscape than an A4 one and a
 * landscape picture (the overview's 16:9) is bound by the page's width. The pack's @page rules for its diagram
 * pages (`report/html.ts`) print with these margins; its text pages keep 14 mm.
 */
export function diagramSideMarginMm(paper: Paper): number {
  return paper === 'letter' ? 10.16 : 14;
}

/**
 * The picture box of a diagram page: the paper less the diagram page's margins (diagramSideMarginMm left and right,
 * 17 mm top, 16 mm bottom) and less room for the caption above the picture (20 mm).
 */
export function pictureBox(paper: Paper, orientation: Orientation): PictureBox {
  const [w, h] = paper === 'letter' ? [215.9, 279.4] : [210, 297];
  const [pw, ph] = orientation === 'portrait' ? [w, h] : [h, w];
  return { width: pw - 2 * diagramSideMarginMm(paper), height: ph - 33 - 20 };
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

/** A box of a diagram, in diagram pixels: what a tile edge should not cut through. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A cut avoids it when it can, and goes through it rather than through a box without this mark. */
  soft?: boolean;
}

/** Where the renderer put the laid-out picture in its SVG (below the header): the `-diagram` group's translate. */
function pictureOffset(svg: string): [number, number] {
  const shift = /<g id="[^"]*-diagram" transform="translate\(([-\d.]+)[ ,]+([-\d.]+)\)"/.exec(svg);
  return shift ? [Number(shift[1]), Number(shift[2])] : [0, 0];
}

/**
 * The leaf boxes of a rendered diagram (services, endpoints, clients: the boxes with text of their own), in the
 * SVG's coordinates: read from the `data-x` … attributes the renderer writes, moved by the picture's offset below
 * its header.
 */
export function leafBoxes(svg: string): Box[] {
  const [dx, dy] = pictureOffset(svg);
  const out: Box[] = [];
  for (const m of svg.matchAll(/<g\b[^>]*\bclass="node leaf\b[^>]*>/g)) {
    const attr = (name: string) => Number(new RegExp(`\\s${name}="([-\\d.]+)"`).exec(m[0])?.[1] ?? NaN);
    const box = {
      x: attr('data-x') + dx,
      y: attr('data-y') + dy,
      width: attr('data-width'),
      height: attr('data-height'),
    };
    if ([box.x, box.y, box.width, box.height].every(Number.isFinite)) out.push(box);
  }
  return out;
}

/**
 * The size in points of a diagram's smallest text when the whole diagram is scaled to fill one picture box (no
 * tiles): what "readable on one page" means for the overview (at least MIN_TEXT_PT).
 */
export function onePageTextPt(width: number, height: number, fontPx: number, box: PictureBox): number {
  return fontPx * PT_PER_PX * Math.min(box.width / (width * MM_PER_PX), box.height / (height * MM_PER_PX));
}

/** Room a tile keeps beyond a cut between boxes, so a box next to the cut is not touched by the tile's edge. */
const CUT_MARGIN_PX = 8;

/**
 * Where to cut one side of a picture, `length` pixels long, into `count` pieces between its boxes: for each cut, the
 * position nearest the even cut (k · length / count) that no span of `spans` (the boxes on this side, widened by
 * `clearance` on each side) covers, nor lies within `clearance` of either end, and that lies within the bounds
 * `within` gives for it (from the cut before it, 0 for the first); undefined when some cut has no such position.
 * Tiles and wrapped strips both cut this way, each with its own clearance and reach.
 */
function cutsBetween(
  length: number,
  count: number,
  spans: ReadonlyArray<[number, number]>,
  clearance: number,
  within: (k: number, previous: number) => [number, number],
): number[] | undefined {
  // Free stretches: where no span (with the clearance either side) lies.
  const taken = spans
    .map(([a, b]): [number, number] => [a - clearance, b + clearance])
    .sort((p, q) => p[0] - q[0]);
  const free: Array<[number, number]> = [];
  let at = clearance;
  for (const [a, b] of taken) {
    if (a > at) free.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < length - clearance) free.push([at, length - clearance]);
  const cuts: number[] = [];
  for (let k = 1; k < count; k++) {
    const [lo, hi] = within(k, cuts.at(-1) ?? 0);
    const ideal = (k * length) / count;
    let best: number | undefined;
    for (const [f0, f1] of free) {
      const a = Math.max(f0, lo);
      const b = Math.min(f1, hi);
      if (a > b) continue;
      const p = Math.min(Math.max(ideal, a), b);
      if (best === undefined || Math.abs(p - ideal) < Math.abs(best - ideal)) best = p;
    }
    if (best === undefined) return undefined;
    cuts.push(best);
  }
  return cuts;
}

/**
 * The spans of `count` tiles along one side of `length` pixels, each at most `window` long: cut between boxes
 * (`boxes`, the spans of the boxes on this side, and `soft` ones) where such a cut lies within reach of the even cut,
 * each tile then reaching CUT_MARGIN_PX beyond its cuts; between the boxes only, through soft ones, when no cut
 * clears both; else even spans that overlap by TILE_OVERLAP_PX (an element cut by one edge is whole in the other
 * tile).
 */
function tileSpans(
  length: number,
  window: number,
  count: number,
  boxes: Array<[number, number]>,
  soft: Array<[number, number]> = [],
): Array<[number, number]> {
  if (count === 1) return [[0, length]];
  const even = (length + (count - 1) * TILE_OVERLAP_PX) / count;
  const evenSpans = Array.from({ length: count }, (_, k): [number, number] => [
    k * (even - TILE_OVERLAP_PX),
    k * (even - TILE_OVERLAP_PX) + even,
  ]);
  // Where the boxes are is not known: a cut could go through any, so the tiles overlap.
  if (boxes.length + soft.length === 0) return evenSpans;
  return (
    spansBetween(length, window, count, [...boxes, ...soft]) ??
    (soft.length && boxes.length ? spansBetween(length, window, count, boxes) : undefined) ??
    evenSpans
  );
}

/** Tile spans cut between `boxes` (see tileSpans); undefined when no such cut lets every tile fit its window. */
function spansBetween(
  length: number,
  window: number,
  count: number,
  boxes: Array<[number, number]>,
): Array<[number, number]> | undefined {
  const step = window - 2 * CUT_MARGIN_PX;
  // Within one tile of the last cut, and leaving the rest coverable by the tiles left.
  const found = cutsBetween(length, count, boxes, CUT_MARGIN_PX, (k, prev) => [
    Math.max(prev + 1, length - window + CUT_MARGIN_PX - (count - 1 - k) * step),
    prev + step + (k === 1 ? CUT_MARGIN_PX : 0),
  ]);
  if (!found) return undefined;
  const cuts = [0, ...found, length];
  const spans = cuts.slice(0, -1).map((c, k): [number, number] => [
    k === 0 ? 0 : c - CUT_MARGIN_PX,
    k === count - 1 ? length : cuts[k + 1]! + CUT_MARGIN_PX,
  ]);
  return spans.every(([a, b]) => b - a <= window + 1e-6) ? spans : undefined;
}

function fitOn(
  width: number,
  height: number,
  fontPx: number,
  box: PictureBox,
  orientation: Orientation,
  boxes: readonly Box[] = [],
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
  const wrapped = wrapOn(width, height, fontPx, box, orientation, needed, boxes);
  if (wrapped) return wrapped;
  // The window one page holds at the readable scale, less the overlap it shares with its neighbours.
  const winW = box.width / MM_PER_PX / needed;
  const winH = box.height / MM_PER_PX / needed;
  const columns = width <= winW ? 1 : Math.ceil((width - TILE_OVERLAP_PX) / (winW - TILE_OVERLAP_PX));
  const rows = height <= winH ? 1 : Math.ceil((height - TILE_OVERLAP_PX) / (winH - TILE_OVERLAP_PX));
  // Windows cut between boxes where the boxes leave room, else even windows that overlap.
  const hard = boxes.filter((b) => !b.soft);
  const soft = boxes.filter((b) => b.soft);
  const xs = tileSpans(width, winW, columns, hard.map((b) => [b.x, b.x + b.width]), soft.map((b) => [b.x, b.x + b.width]));
  const ys = tileSpans(height, winH, rows, hard.map((b) => [b.y, b.y + b.height]), soft.map((b) => [b.y, b.y + b.height]));
  const tiles: Tile[] = [];
  for (const [y0, y1] of ys) {
    for (const [x0, x1] of xs) {
      tiles.push({ x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) });
    }
  }
  // One scale for all tiles (the same text size on every page), set by the largest window.
  const tw = Math.max(...xs.map(([a, b]) => b - a));
  const th = Math.max(...ys.map(([a, b]) => b - a));
  const scale = Math.min(box.width / (tw * MM_PER_PX), box.height / (th * MM_PER_PX));
  const first = tiles[0]!;
  return { orientation, scale, minTextPt: fontPx * PT_PER_PX * scale, columns, rows, tiles, pages: tiles.map((t) => [t]),
    fill: (first.width * MM_PER_PX * scale * first.height * MM_PER_PX * scale) / (box.width * box.height) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Space between the strips of a wrapped picture on its page, in millimetres. */
export const WRAP_GAP_MM = 5;
/** The most strips one page takes: more would be slivers no one can follow. */
const MAX_WRAP = 4;

/**
 * What a cut between tiles or strips should avoid in an SVG drawn by aksnet: its leaf boxes (leafBoxes), its edge
 * label chips (the `rect` of each `edge-label` group), the rows of its legends (legendBoxes) and the header lines
 * of its containers (a region's, a VNet's, a subnet's name), in the SVG's coordinates.
 */
export function cutObstacles(svg: string): Box[] {
  const [dx, dy] = pictureOffset(svg);
  const chips: Box[] = [];
  const chip = /class="edge-label"[^>]*><rect width="([\d.]+)" height="([\d.]+)" x="([-\d.]+)" y="([-\d.]+)"/g;
  for (const m of svg.matchAll(chip)) chips.push({ x: +m[3]! + dx, y: +m[4]! + dy, width: +m[1]!, height: +m[2]! });
  const texts = textBoxes(svg);
  const headers = texts
    .filter((t) => t.within.includes('container-label'))
    .map(({ x, y, width, height }) => ({ x, y, width, height, soft: true }));
  return [...leafBoxes(svg), ...chips, ...legendBoxes(svg, texts), ...headers];
}

/** A `<text>` element of an SVG drawn by aksnet: its text and the box its glyphs take, in the SVG's coordinates. */
export interface TextBox extends Box {
  text: string;
  /** The classes of the groups around it, outermost first ("legend", "node leaf …", "edge-label"). */
  within: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? all),
  );

/**
 * Every `<text>` element of an SVG drawn by aksnet with the box of its glyphs: where the groups' `translate`s and
 * nested `<svg>`s around it put it, as wide as the vendored font sets it (render/text.ts), from its ascent above the
 * baseline to its descent below.
 */
export function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  const stack: Array<{ dx: number; dy: number; cls?: string }> = [{ dx: 0, dy: 0 }];
  const num = (attrs: string, name: string) => Number(new RegExp(`\\s${name}="([-\\d.e]+)"`).exec(attrs)?.[1] ?? 0);
  const tag = /<(\/?)(g|svg|text)\b([^>]*?)(\/?)>/g;
  let first = true;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const [, close, name, attrs = '', selfClosing] = m;
    const top = stack[stack.length - 1]!;
    if (close) {
      if (name !== 'text' && stack.length > 1) stack.pop();
      continue;
    }
    if (name === 'text') {
      const end = svg.indexOf('</text>', tag.lastIndex);
      const text = unescape(svg.slice(tag.lastIndex, end < 0 ? undefined : end).replace(/<[^>]*>/g, ''));
      const size = num(attrs, 'font-size') || 12;
      const weight = /font-weight="(700|bold)"/.test(attrs) ? 'bold' : 'regular';
      const width = metrics.width(text, size, weight);
      const anchor = /text-anchor="(middle|end)"/.exec(attrs)?.[1];
      const x = top.dx + num(attrs, 'x') - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
      const ascent = metrics.ascent(size);
      out.push({ text, x, y: top.dy + num(attrs, 'y') - ascent, width, height: ascent + size * 0.24,
        within: stack.flatMap((g) => (g.cls ? [g.cls] : [])) });
      if (end >= 0) tag.lastIndex = end + '</text>'.length;
      continue;
    }
    if (selfClosing) continue;
    // The outermost <svg> is the canvas; a nested one (an icon) is placed at its x, y.
    const shift =
      name === 'svg'
        ? first
          ? [0, 0]
          : [num(attrs, 'x'), num(attrs, 'y')]
        : (/transform="translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)"/.exec(attrs)?.slice(1).map(Number) ?? [0, 0]);
    if (name === 'svg') first = false;
    const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1];
    stack.push({ dx: top.dx + shift[0]!, dy: top.dy + shift[1]!, ...(cls ? { cls } : {}) });
  }
  return out;
}

/** The groups of an SVG's legends: the key of styles, the numbered step legend, a key row of marks. */
const LEGENDS = new Set(['legend', 'step-legend', 'mark-key']);

/**
 * The rows of a picture's legends as a cut sees them: each text of a legend (its title, each entry's text, a step's
 * lines), and each legend entry's sample with its text, in the SVG's coordinates. A strip or tile boundary that
 * avoids these leaves every legend entry whole on one side.
 */
export function legendBoxes(svg: string, texts: readonly TextBox[] = textBoxes(svg)): Box[] {
  const inLegends = texts.filter((t) => t.within.some((c) => LEGENDS.has(c)));
  const boxes: Box[] = inLegends.map(({ x, y, width, height }) => ({ x, y, width, height }));
  // An entry's sample (box, line, icon, badge) is 30 px wide left of its text, 38 px from the entry's origin.
  const entry = /<g id="[^"]*-legend-\d+" transform="translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)"/g;
  const legend = /<g id="[^"]*-legend" class="legend" transform="translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)"/.exec(svg);
  if (legend) {
    const [lx, ly] = [Number(legend[1]), Number(legend[2])];
    for (const m of svg.matchAll(entry)) boxes.push({ x: lx + Number(m[1]), y: ly + Number(m[2]), width: 38, height: 16 });
  }
  return boxes;
}

/** How far a clean cut's strips overlap, in diagram pixels: enough to show a line running on. */
const CLEAN_OVERLAP_PX = 6;
/** Room kept clear on each side of a box a cut passes by, in diagram pixels. */
const CUT_CLEARANCE_PX = 4;

/**
 * Cut positions along a strip's long side (`long` pixels) into `n` pieces: each the free position nearest the even
 * cut, clear of every obstacle by CUT_CLEARANCE_PX, in whole pixels; undefined when some cut has no free position
 * within a quarter piece of it.
 */
function cleanCuts(long: number, n: number, spans: Array<[number, number]>): number[] | undefined {
  const reach = long / n / 4;
  const ideal = (k: number) => (k * long) / n;
  const cuts = cutsBetween(long, n, spans, CUT_CLEARANCE_PX, (k) => [ideal(k) - reach, ideal(k) + reach]);
  // A whole pixel inside the free stretch the cut was found in (a cut found at its edge stays clear).
  return cuts?.map((c) => {
    const r = Math.round(c);
    const clear = (at: number) => !spans.some(([a, b]) => at > a - CUT_CLEARANCE_PX && at < b + CUT_CLEARANCE_PX);
    return clear(r) ? r : c > r ? Math.ceil(c) : Math.floor(c);
  });
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
  obstacles: readonly Box[],
): PageFit | undefined {
  const found: PageFit[] = [];
  const clearance = new Map<PageFit, number>();
  for (const wrap of ['rows', 'columns'] as const) {
    // Cut along the strip's long side only: a wide strip into rows, a tall one into columns.
    if ((wrap === 'rows') !== width > height) continue;
    const long = wrap === 'rows' ? width : height;
    const across = wrap === 'rows' ? height : width;
    const span = (o: Box): [number, number] => (wrap === 'rows' ? [o.x, o.x + o.width] : [o.y, o.y + o.height]);
    const spans = obstacles.map(span);
    const hardSpans = obstacles.filter((o) => !o.soft).map(span);
    for (let n = 2; n <= MAX_WRAP; n++) {
      const step = (long + (n - 1) * TILE_OVERLAP_PX) / n;
      const even = Array.from({ length: n }, (_, i): [number, number] => [i * (step - TILE_OVERLAP_PX), i * (step - TILE_OVERLAP_PX) + step]);
      const piecesAt = (cuts: number[] | undefined) => {
        const out = cuts?.map((c, i, all): [number, number] => [i === 0 ? 0 : all[i - 1]! - CLEAN_OVERLAP_PX, c + CLEAN_OVERLAP_PX]);
        out?.push([cuts!.at(-1)! - CLEAN_OVERLAP_PX, long]);
        return out;
      };
      // Clear of every obstacle (rank 2), else of all but the soft ones (rank 1: through a container's name), else even.
      const clear = piecesAt(cleanCuts(long, n, spans));
      const hardOnly = hardSpans.length < spans.length ? piecesAt(cleanCuts(long, n, hardSpans)) : undefined;
      for (const [pieces, rank] of [[clear, 2], [hardOnly, 1], [even, 0]] as const) {
        if (!pieces) continue;
        const cleanCut = rank > 0;
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
        const fit: PageFit = { orientation, scale, minTextPt: fontPx * PT_PER_PX * scale, columns: wrap === 'rows' ? n : 1,
          rows: wrap === 'rows' ? 1 : n, tiles, pages: [tiles], wrap, cleanCut, fill: area / (box.width * box.height) };
        found.push(fit);
        clearance.set(fit, rank);
      }
    }
  }
  // A cut clear of every obstacle beats one through a container's name, which beats one through boxes; then the
  // larger scale, then fewer strips.
  found.sort((a, b) => clearance.get(b)! - clearance.get(a)! || b.scale - a.scale || a.tiles.length - b.tiles.length);
  return found[0];
}

/**
 * The best way to print a diagram of `width` × `height` pixels whose smallest text is `fontPx`: the fewest
 * pages, then the larger scale; portrait wins a tie (it keeps the pack's reading direction). With the diagram's
 * `boxes` (cutObstacles), tiles and wrapped strips are cut between boxes where they can be. A picture that fits one
 * page whole is never wrapped.
 */
export function fitDiagram(
  width: number,
  height: number,
  fontPx: number,
  paper: Paper = 'a4',
  boxes: readonly Box[] = [],
): PageFit {
  const fits = (['portrait', 'landscape'] as const).map((o) =>
    fitOn(width, height, fontPx, pictureBox(paper, o), o, boxes),
  );
  // The fewest pages; then a whole picture before a wrapped one, a clean cut before an even one; then the larger scale.
  const rank = (f: PageFit) => (f.wrap ? (f.cleanCut ? 1 : 2) : 0);
  fits.sort((a, b) => a.pages.length - b.pages.length || rank(a) - rank(b) || b.scale - a.scale);
  return fits[0]!;
}
