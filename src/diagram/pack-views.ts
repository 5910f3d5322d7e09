/**
 * The diagrams of a review pack: each view as large as a printed page can show at 6 pt or more.
 *
 * A view that fits one page is drawn whole. A view that does not, and whose spokes repeat one shape, is drawn
 * collapsed (collapse.ts): each distinct spoke once, a note box for the others, and the list of the others for
 * a table beside the picture. A flow view (or a topology) that still does not fit one page is split (split.ts):
 * one picture per region, spoke or cluster, or per run of them as long as the run fits a page; a flow part still
 * too large is cut into the routes to each of its ends or into runs of hops, a topology's VNet into runs of its
 * subnets. Only what still does not fit is cut into page tiles by the pack.
 *
 * The whole picture is the pack's "full-size SVG" beside the PDF/HTML. Laying it out is what costs (ELK on
 * thousands of boxes: minutes and gigabytes for 500 spokes), so above FULL_LAYOUT_MAX_NODES boxes the pack
 * does not draw it; `aksnet diagram <design> --view <view>` does, when someone asks for it.
 */
import type { Model } from '../model/types.js';
import { collapseView, type CollapsedGroup } from './collapse.js';
// Views and their derivation through the diagram module's entry, which knows every view.
import { VIEWS, deriveView, type DiagramOptions, type RenderedDiagram, type ViewName } from './index.js';
import { MAX_PRINT_PAGES, cutObstacles, fitDiagram, smallestFontPx, type Paper } from './page-fit.js';
import {
  SPLITTABLE_VIEWS,
  endPieces,
  startPieces,
  hopPieces,
  partGraph,
  partTitle,
  pieceGraph,
  pieceTitle,
  splitUnits,
  subnetTitle,
  subnetUnits,
} from './split.js';
import type { ViewGraph } from '../model/view-graph.js';
import { collapseOverview, renderRegionPages } from './overview-pack.js';
import { cachedDrawings } from './drawing-cache.js';
import { embedFonts, type SvgDrawing } from '../render/svg.js';
import { performance } from 'node:perf_hooks';

/**
 * The largest view (in boxes) whose full-size picture a pack run lays out: the 20-spoke design's topology has
 * about 270 boxes and takes a second or two; 500 spokes have over 6,000.
 */
export const FULL_LAYOUT_MAX_NODES = 600;

/**
 * A picture's SVG while the pack still compares trials: finished, or drawn without its font subsets (most trials
 * lose; their subsets are never made). Every picture a pack keeps is finished (`string`) before it leaves.
 */
type Svg = string | SvgDrawing;

export interface FullSize<S = string> {
  /** The whole view, when it was laid out. */
  svg?: S;
  width?: number;
  height?: number;
  /** Number of boxes of the whole view. */
  nodes: number;
}

/** One picture of a view split for print: what it covers, drawn on its own. */
export interface PackDiagramPart<S = string> {
  /** What the part covers ("Region westeurope", "vnet-spoke-1 to vnet-spoke-4"). */
  title: string;
  /** Ids of the view nodes of the regions, spokes or clusters it covers. */
  units: string[];
  svg: S;
  width: number;
  height: number;
}

export interface PackDiagram<S = string> extends Omit<RenderedDiagram, 'svg'> {
  svg: S;
  /** Set when the pack shows the view collapsed: the groups, and how many spokes the view has in all. */
  collapsed?: { groups: CollapsedGroup[]; spokes: number };
  /** The whole view, when the pack shows something else (collapsed). */
  full?: FullSize<S>;
  /**
   * Set when the picture (`svg`, whole or collapsed) does not fit one printed page at 6 pt and the view splits into
   * pictures that print on fewer pages: the pack prints these instead of tiles of `svg`.
   */
  parts?: Array<PackDiagramPart<S>>;
  /**
   * Set when the pack prints another drawing of the same view than `svg` shows on screen: the dense drawing
   * (smaller boxes and spacing, every label kept) of a view whose screen drawing needs more printed pages.
   */
  printed?: { svg: S; width: number; height: number };
}

export interface PackDiagramOptions extends DiagramOptions {
  paper?: Paper;
}

/**
 * The printed pages of a picture, read from its SVG (smallest text, boxes a cut avoids). A pack asks this of the
 * same picture again and again while it grows and compares runs of units: each answer is kept by the SVG. A drawing
 * without its font subsets reads the same: the subsets' @font-face rules hold no size, box or chip.
 */
function pagesOf(d: { svg: Svg; width: number; height: number }, paper: Paper): number {
  const svg = typeof d.svg === 'string' ? d.svg : d.svg.markup;
  const known = pageCounts.get(svg)?.find((k) => k.paper === paper && k.width === d.width && k.height === d.height);
  if (known) return known.pages;
  const pages = fitDiagram(d.width, d.height, smallestFontPx(svg), paper, cutObstacles(svg)).pages.length;
  if (pageCounts.size >= PAGE_COUNTS_KEPT) pageCounts.clear();
  pageCounts.set(svg, [...(pageCounts.get(svg) ?? []), { paper, width: d.width, height: d.height, pages }]);
  return pages;
}
/** Pictures whose page count is kept: more than the trials of the views a pack draws at once compare. */
const PAGE_COUNTS_KEPT = 64;
const pageCounts = new Map<string, Array<{ paper: Paper; width: number; height: number; pages: number }>>();
const fitsOnePage = (d: { svg: Svg; width: number; height: number }, paper: Paper) => pagesOf(d, paper) === 1;

/**
 * The windows a picture prints in: 1 when whole on one page, else its strips wrapped onto one page or its tiles. Kept
 * beside the page count (the same fit).
 */
function stripsOf(d: { svg: Svg; width: number; height: number }, paper: Paper): number {
  const svg = typeof d.svg === 'string' ? d.svg : d.svg.markup;
  const known = stripCounts.get(svg)?.find((k) => k.paper === paper && k.width === d.width && k.height === d.height);
  if (known) return known.pages;
  const strips = fitDiagram(d.width, d.height, smallestFontPx(svg), paper, cutObstacles(svg)).tiles.length;
  if (stripCounts.size >= PAGE_COUNTS_KEPT) stripCounts.clear();
  stripCounts.set(svg, [...(stripCounts.get(svg) ?? []), { paper, width: d.width, height: d.height, pages: strips }]);
  return strips;
}
const stripCounts = new Map<string, Array<{ paper: Paper; width: number; height: number; pages: number }>>();

type Drawn = { svg: Svg; width: number; height: number };
/**
 * Draws a part's picture; `whole`: tried top-down as well when left to right it prints only in strips on its page
 * (DiagramOptions.wholePage), asked for once a run is chosen, not for every trial that grows it.
 */
type Draw = (g: ViewGraph, whole?: boolean) => Promise<Drawn>;

/** A kept picture's finished SVG; a drawing kept twice (the whole view and its print) is finished once. */
function finished(svg: Svg): string {
  if (typeof svg === 'string') return svg;
  let done = finishedSvgs.get(svg);
  if (done === undefined) finishedSvgs.set(svg, (done = embedFonts(svg)));
  return done;
}
const finishedSvgs = new WeakMap<SvgDrawing, string>();

/** One way to cut a picture: its units in order, and the picture and title of a run of them. */
interface Cut {
  count: number;
  graph: (from: number, to: number) => ViewGraph;
  title: (from: number, to: number) => string;
  /** Ids of the view nodes of the regions, spokes or clusters a run covers. */
  units: (from: number, to: number) => string[];
}

/** A printed part and how many edges its picture draws (one edge between two boxes is no picture of its own). */
type Part = PackDiagramPart<Svg> & { edges: number };

/** The pieces within one part, when a single region, spoke or cluster is still too large for a page. */
function deeperCuts(graph: ViewGraph, units: string[]): Cut[] {
  const cuts: Cut[] = [];
  // Routes and hops are a flow's: the topology has links, no way in or out. A VNet too large for a page is cut
  // into runs of its subnets instead, each with what its subnets hold and link to. Only a picture of one VNet's
  // subnets (a VNet's part): there the links that end on VNet boxes (peerings, DNS zone links) all go with the
  // first run, which holds every VNet box, where with two VNets' subnets a run without one would drop its links.
  if (graph.view === 'topology') {
    const subnets = subnetUnits(graph);
    const vnets = new Set(graph.nodes.filter((n) => n.kind === 'subnet').map((n) => n.parent));
    if (subnets.length >= 2 && vnets.size === 1) {
      cuts.push({
        count: subnets.length,
        graph: (from, to) => partGraph(graph, subnets, subnets.slice(from, to), from === 0),
        title: (from, to) => subnetTitle(subnets.slice(from, to)),
        units: () => units,
      });
    }
    return cuts;
  }
  const ends = endPieces(graph);
  if (ends.length >= 2) {
    cuts.push({
      count: ends.length,
      graph: (from, to) => pieceGraph(graph, ends, ends.slice(from, to), from === 0),
      title: (from, to) => pieceTitle('to', ends, ends.slice(from, to)),
      units: () => units,
    });
  }
  // The routes from each start, where more routes start than end (they meet: access paths at one API server, g's
  // control plane), each then whole in one part; where they fan out, the routes to each end cut them.
  const starts = startPieces(graph);
  if (starts.length >= 2 && starts.length > ends.length) {
    cuts.push({
      count: starts.length,
      graph: (from, to) => pieceGraph(graph, starts, starts.slice(from, to), from === 0),
      title: (from, to) => pieceTitle('from', starts, starts.slice(from, to)),
      units: () => units,
    });
  }
  const hops = hopPieces(graph);
  if (hops && hops.length >= 2) {
    cuts.push({
      count: hops.length,
      graph: (from, to) => pieceGraph(graph, hops, hops.slice(from, to), from === 0),
      title: (from, to) => pieceTitle('hop', hops, hops.slice(from, to)),
      units: () => units,
    });
  }
  return cuts;
}

/** How many cuts deep a part is cut at most (a region, the routes to one of its ends, runs of their hops). */
const MAX_CUT_DEPTH = 3;

/**
 * Parts of a picture by one cut, each a run of consecutive units as long as the run still fits one page, and prints
 * in no more strips than the shorter run did (a run whole on its page does not grow into strips wrapped onto it). A
 * single unit too large for a page is cut further (the routes to each of its ends or from each of its starts, then
 * runs of hops) when that prints it without tiles; else it is printed as it is (tiled).
 */
async function partsBy(
  cut: Cut,
  paper: Paper,
  draw: Draw,
  depth: number,
): Promise<Part[]> {
  const part = async (from: number, to: number, whole = false): Promise<Part> => {
    const g = cut.graph(from, to);
    return { title: cut.title(from, to), units: cut.units(from, to), edges: g.edges.length, ...(await draw(g, whole)) };
  };
  const parts: Part[] = [];
  for (let i = 0; i < cut.count; ) {
    let j = i + 1;
    let best = await part(i, j);
    // Grow the run while the larger picture still fits one page (the layout decides: sizes do not add up).
    while (j < cut.count && fitsOnePage(best, paper)) {
      let more = await part(i, j + 1);
      // Whole on its page does not grow into strips, unless top-down the longer run prints whole too.
      if (fitsOnePage(more, paper) && stripsOf(more, paper) > stripsOf(best, paper)) more = await part(i, j + 1, true);
      if (!fitsOnePage(more, paper) || stripsOf(more, paper) > stripsOf(best, paper)) break;
      best = more;
      j++;
    }
    const deeper =
      fitsOnePage(best, paper) || depth >= MAX_CUT_DEPTH
        ? undefined
        : await untiled(cut.graph(i, j), best.units, paper, draw, depth + 1);
    if (deeper) parts.push(...deeper.map((d) => ({ ...d, title: `${best.title}: ${d.title}` })));
    else if (fitsOnePage(best, paper) && stripsOf(best, paper) > 1) {
      // On one page in strips: top-down it may print whole.
      const whole = await part(i, j, true);
      parts.push(fitsOnePage(whole, paper) && stripsOf(whole, paper) < stripsOf(best, paper) ? whole : best);
    } else parts.push(best);
    i = j;
  }
  return parts;
}

/**
 * How well parts print, to compare cuts (lower is better, in order): pages; strips and tiles beyond one a page;
 * parts that draw a single edge between two boxes (a picture no reader can use on its own).
 */
function printScore(parts: Part[], paper: Paper): number[] {
  const pages = parts.reduce((a, p) => a + pagesOf(p, paper), 0);
  const strips = parts.reduce((a, p) => a + stripsOf(p, paper), 0);
  return [pages, strips - pages, parts.filter((p) => p.edges <= 1).length];
}

/** A part as the pack keeps it (its edge count was for comparing cuts). */
function withoutEdgeCount(p: Part): PackDiagramPart<Svg> {
  const { title, units, svg, width, height } = p;
  return { title, units, svg, width, height };
}

const lower = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/**
 * A picture cut into the routes to each of its ends, from each of its starts or into runs of its hops, when all parts
 * then fit one page: the cut that prints best (printScore), the first such on a tie.
 */
async function untiled(
  graph: ViewGraph,
  units: string[],
  paper: Paper,
  draw: Draw,
  depth: number,
): Promise<Part[] | undefined> {
  let best: { parts: Part[]; score: number[] } | undefined;
  // One spoke's routes share most of their way (runs of hops cut it better), a region's destinations fan out (the
  // routes to each end do), a cluster's access paths meet at its API server (the routes from each start do).
  for (const cut of deeperCuts(graph, units)) {
    const parts = await partsBy(cut, paper, draw, depth);
    if (!parts.every((p) => fitsOnePage(p, paper)) || parts.length > MAX_PRINT_PAGES) continue;
    const score = printScore(parts, paper);
    if (!best || lower(score, best.score)) best = { parts, score };
    // Two parts, each whole on its page and more than one edge, is the best a picture too large for a page can do.
    if (best.score.join() === '2,0,0') break;
  }
  return best?.parts;
}

/**
 * A flow view's picture split into parts for print: runs of consecutive units (regions, spokes, clusters) as long as
 * a run still fits one page, and a unit too large for a page cut into the routes to each of its ends and runs of
 * hops. Parts that all fit one page win over tiles (each a picture of its own, no box cut); else the parts are used
 * only when they need no more pages than tiles of the whole picture would. Undefined when the view does not split.
 */
async function splitForPrint(
  model: Model,
  graph: ViewGraph,
  whole: Drawn,
  paper: Paper,
  draw: Draw,
): Promise<Part[] | undefined> {
  if (!SPLITTABLE_VIEWS.has(graph.view)) return undefined;
  const split = splitUnits(graph, model);
  const byUnit: Cut | undefined = split && {
    count: split.units.length,
    graph: (from, to) => partGraph(graph, split.units, split.units.slice(from, to), from === 0),
    title: (from, to) => partTitle(split.by, split.units.slice(from, to)),
    units: (from, to) => split.units.slice(from, to).map((u) => u.id),
  };
  // A view without regions, spokes or clusters to split by (a collapsed one: one spoke drawn) is cut as a unit is.
  const parts = byUnit ? await partsBy(byUnit, paper, draw, 1) : await untiled(graph, [], paper, draw, 1);
  if (!parts || parts.length < 2) return undefined;
  if (parts.every((p) => fitsOnePage(p, paper)) && parts.length <= MAX_PRINT_PAGES) return parts;
  const pages = parts.reduce((a, p) => a + pagesOf(p, paper), 0);
  return pages <= pagesOf(whole, paper) ? parts : undefined;
}

/**
 * Renders every view of a design for the pack: whole when it fits one page, else collapsed when it can be. A design
 * drawn before with the same options is read from the drawing cache when one is set (drawing-cache.ts).
 */
export async function renderPackDiagrams(model: Model, options: PackDiagramOptions = {}): Promise<PackDiagram[]> {
  return cachedDrawings(model, options, () => drawPackDiagrams(model, options));
}

/** Whether a pack has started the layout thread's ELK (see drawPackDiagrams). */
let threadWarmed = false;

async function drawPackDiagrams(model: Model, options: PackDiagramOptions): Promise<PackDiagram[]> {
  // The second ELK (a worker thread and its elkjs) starts with the first design a pack draws, not with the pack: a
  // pack of unchanged designs, read from the drawing cache, lays nothing out (its start cost ~0.24 s of CPU).
  if (!threadWarmed) {
    threadWarmed = true;
    void (await import('../layout/layout-pool.js')).warmLayoutThread();
  }
  const { renderView, drawView: drawViewPicture } = await import('./pipeline.js');
  // Many trials are under way at once: a flow view's top-down candidate waits until it is known to be needed.
  const opts: PackDiagramOptions = { ...options, speculate: true };
  const { layoutThreadOn } = await import('../layout/layout-thread.js');
  const wanted = opts.views ? VIEWS.filter((v) => opts.views!.includes(v)) : VIEWS;
  const paper = opts.paper ?? 'a4';
  // Trial pictures are drawn without their font subsets; finish() embeds them in the pictures the pack keeps.
  const draw = async (
    view: ViewName,
    graph: NonNullable<ReturnType<typeof deriveView>>,
    how: PackDiagramOptions = opts,
  ): Promise<PackDiagram<Svg>> => {
    const r = await drawViewPicture(model, graph, how);
    return { view, title: r.title, svg: r.drawing, width: r.width, height: r.height };
  };
  /** The diagrams of one view (none when the design has nothing to show in it). */
  const drawView = async (view: ViewName): Promise<PackDiagram[]> => (await drawViewTrials(view)).map((d) => finish(d, view));
  const finish = (d: PackDiagram<Svg>, view: ViewName): PackDiagram => {
    const t0 = performance.now();
    // Each SVG is replaced in place, so the keys keep their order (the drawing cache stores these objects).
    const done = { ...d } as Omit<PackDiagram<Svg>, 'svg' | 'full' | 'parts' | 'printed'> & Partial<PackDiagram>;
    done.svg = finished(d.svg);
    // A whole view not laid out has only its box count.
    if (d.full) done.full = d.full.svg === undefined ? { nodes: d.full.nodes } : { ...d.full, svg: finished(d.full.svg) };
    if (d.parts) done.parts = d.parts.map((p) => ({ ...p, svg: finished(p.svg) }));
    if (d.printed) done.printed = { ...d.printed, svg: finished(d.printed.svg) };
    performance.measure('aksnet:render', { start: t0, detail: { design: opts.design ?? model.metadata.title, view } });
    return done as PackDiagram;
  };
  const drawViewTrials = async (view: ViewName): Promise<Array<PackDiagram<Svg>>> => {
    const out: Array<PackDiagram<Svg>> = [];
    const graph = deriveView(model, view);
    if (!graph) return out;
    // ---- the overview: per region, or spokes collapsed with their steps (overview-pack.ts) ----
    if (view === 'overview') {
      const whole = graph.nodes.length <= FULL_LAYOUT_MAX_NODES ? await draw(view, graph) : undefined;
      if (whole && fitsOnePage(whole, paper)) {
        out.push(whole);
        return out;
      }
      const regions = whole ? await renderRegionPages(model, (g) => renderView(model, g, opts)) : [];
      if (whole && regions.length) {
        // Printed one region a page; `svg` stays the whole overview (written beside the pack).
        const parts = regions.map((r) => ({
          title: `Region ${r.region}`,
          units: [`region:${r.region}`],
          svg: r.svg,
          width: r.width,
          height: r.height,
        }));
        out.push({ ...whole, parts });
        return out;
      }
      const folded = collapseOverview(graph, model, opts.findings ?? []);
      if (folded) {
        const shown = await draw(view, folded.graph);
        const full = whole ? { svg: whole.svg, width: whole.width, height: whole.height } : {};
        out.push({ ...shown, collapsed: { groups: folded.groups, spokes: folded.spokes },
          full: { ...full, nodes: graph.nodes.length } });
      } else out.push(whole ?? (await draw(view, graph)));
      return out;
    }
    // ---- end of the overview ----
    const c = collapseView(graph, model, opts.findings ?? []);
    /**
     * The picture for print: the view as drawn on screen when it fits one page, else its dense drawing (smaller
     * boxes and spacing, every label kept) when that needs fewer pages. `normal` is the screen drawing, which stays
     * the full-size SVG beside the pack.
     */
    const drawForPrint = async (g: ViewGraph) => {
      const normal = await draw(view, g);
      if (fitsOnePage(normal, paper)) return { shown: normal, graph: g, normal };
      const denseGraph: ViewGraph = { ...g, dense: true };
      const dense = await draw(view, denseGraph);
      return pagesOf(dense, paper) < pagesOf(normal, paper)
        ? { shown: dense, graph: denseGraph, normal }
        : { shown: normal, graph: g, normal };
    };
    // A part of a split view is tried top-down too when left to right it prints only in strips (pipeline.ts).
    const wholeOpts: PackDiagramOptions = { ...opts, wholePage: true };
    const drawGraph: Draw = async (g, whole) => {
      const r = await draw(view, g, whole ? wholeOpts : opts);
      return { svg: r.svg, width: r.width, height: r.height };
    };
    /** The picture as the pack shows it, with its parts when it is better printed split. */
    const withParts = async (shown: PackDiagram<Svg>, g: ViewGraph): Promise<PackDiagram<Svg>> => {
      if (fitsOnePage(shown, paper)) return shown;
      // A topology is split from its dense drawing even when the whole stays in the screen drawing: the whole may
      // need as many pages dense as not (f: three either way), while its dense parts fit a page where the screen
      // drawing's do not (f's node subnet: 1,143 px wide dense). Parts are print-only pictures.
      const split = g.view === 'topology' && !g.dense ? { ...g, dense: true } : g;
      const parts = await splitForPrint(model, split, shown, paper, drawGraph);
      return parts ? { ...shown, parts: parts.map(withoutEdgeCount) } : shown;
    };
    if (c.groups.length === 0) {
      const { shown, graph: drawn, normal } = await drawForPrint(graph);
      const printed = await withParts(shown, drawn);
      // Screen, Markdown and the full-size SVG keep the screen drawing; only print takes the dense one.
      out.push(
        shown === normal
          ? printed
          : { ...printed, svg: normal.svg, width: normal.width, height: normal.height,
              printed: { svg: shown.svg, width: shown.width, height: shown.height } },
      );
      return out;
    }
    let full: PackDiagram<Svg> | undefined;
    if (graph.nodes.length <= FULL_LAYOUT_MAX_NODES) {
      full = await draw(view, graph);
      if (fitsOnePage(full, paper)) {
        out.push(full);
        return out;
      }
    }
    const picked = await drawForPrint(c.graph);
    const shown = await withParts(picked.shown, picked.graph);
    out.push({
      ...shown,
      collapsed: { groups: c.groups, spokes: c.spokes },
      full: full
        ? { svg: full.svg, width: full.width, height: full.height, nodes: graph.nodes.length }
        : { nodes: graph.nodes.length },
    });
    return out;
  };
  // With the layout thread on, the views are drawn at once: each is a chain of trials that waits for its
  // layouts, and together they keep both ELKs busy (drawn one after the other, the last trials of the largest
  // design's flow views had an ELK to themselves). Each view's pictures are its own, the same bytes drawn alone
  // or beside the others; the pack keeps the views' order, and fails with the first failing view in that order.
  if (!layoutThreadOn()) {
    const out: PackDiagram[] = [];
    for (const view of wanted) out.push(...(await drawView(view)));
    return out;
  }
  const drawn = await Promise.allSettled(wanted.map(drawView));
  const failed = drawn.find((d) => d.status === 'rejected');
  if (failed) throw failed.reason;
  return drawn.flatMap((d) => (d.status === 'fulfilled' ? d.value : []));
}
