/**
 * The diagrams of a review pack: each view as large as a printed page can show at 6 pt or more.
 *
 * A view that fits one page is drawn whole. A view that does not, and whose spokes repeat one shape, is drawn
 * collapsed (collapse.ts): each distinct spoke once, a note box for the others, and the list of the others for
 * a table beside the picture. A flow view that still does not fit one page is split (split.ts): one picture per
 * region, spoke or cluster, or per run of them as long as the run fits a page. Only what still does not fit is cut
 * into page tiles by the pack.
 *
 * The whole picture is the pack's "full-size SVG" beside the PDF/HTML. Laying it out is what costs (ELK on
 * thousands of boxes: minutes and gigabytes for 500 spokes), so above FULL_LAYOUT_MAX_NODES boxes the pack
 * does not draw it; `aksnet diagram <design> --view <view>` does, when someone asks for it.
 */
import type { Model } from '../model/types.js';
import { collapseView, type CollapsedGroup } from './collapse.js';
// Views and their derivation through the diagram module's entry, which knows every view.
import { VIEWS, deriveView, type DiagramOptions, type RenderedDiagram, type ViewName } from './index.js';
import { cutObstacles, fitDiagram, smallestFontPx, type Paper } from './page-fit.js';
import { SPLITTABLE_VIEWS, partGraph, partTitle, splitUnits } from './split.js';
import type { ViewGraph } from '../model/view-graph.js';
import { collapseOverview, renderRegionPages } from './overview-pack.js';

/**
 * The largest view (in boxes) whose full-size picture a pack run lays out: the 20-spoke design's topology has
 * about 270 boxes and takes a second or two; 500 spokes have over 6,000.
 */
export const FULL_LAYOUT_MAX_NODES = 600;

export interface FullSize {
  /** The whole view, when it was laid out. */
  svg?: string;
  width?: number;
  height?: number;
  /** Number of boxes of the whole view. */
  nodes: number;
}

/** One picture of a view split for print: what it covers, drawn on its own. */
export interface PackDiagramPart {
  /** What the part covers ("Region westeurope", "vnet-spoke-1 to vnet-spoke-4"). */
  title: string;
  /** Ids of the view nodes of the regions, spokes or clusters it covers. */
  units: string[];
  svg: string;
  width: number;
  height: number;
}

export interface PackDiagram extends RenderedDiagram {
  /** Set when the pack shows the view collapsed: the groups, and how many spokes the view has in all. */
  collapsed?: { groups: CollapsedGroup[]; spokes: number };
  /** The whole view, when the pack shows something else (collapsed). */
  full?: FullSize;
  /**
   * Set when the picture (`svg`, whole or collapsed) does not fit one printed page at 6 pt and the view splits into
   * pictures that print on fewer pages: the pack prints these instead of tiles of `svg`.
   */
  parts?: PackDiagramPart[];
}

export interface PackDiagramOptions extends DiagramOptions {
  paper?: Paper;
}

const pagesOf = (d: { svg: string; width: number; height: number }, paper: Paper) =>
  fitDiagram(d.width, d.height, smallestFontPx(d.svg), paper, cutObstacles(d.svg)).pages.length;
const fitsOnePage = (d: { svg: string; width: number; height: number }, paper: Paper) => pagesOf(d, paper) === 1;

type Drawn = { svg: string; width: number; height: number };

/**
 * A flow view's picture split into parts for print, each a run of consecutive units (regions, spokes, clusters) as
 * long as the run still fits one page; undefined when the view does not split or the parts need more pages than
 * tiles of the whole picture would.
 */
async function splitForPrint(
  model: Model,
  graph: ViewGraph,
  whole: Drawn,
  paper: Paper,
  draw: (g: ViewGraph) => Promise<Drawn>,
): Promise<PackDiagramPart[] | undefined> {
  if (!SPLITTABLE_VIEWS.has(graph.view)) return undefined;
  const split = splitUnits(graph, model);
  if (!split) return undefined;
  const { by, units } = split;
  const part = async (from: number, to: number) => {
    const drawn = await draw(partGraph(graph, units, units.slice(from, to), from === 0));
    return { title: partTitle(by, units.slice(from, to)), units: units.slice(from, to).map((u) => u.id), ...drawn };
  };
  const parts: PackDiagramPart[] = [];
  for (let i = 0; i < units.length; ) {
    let j = i + 1;
    let best = await part(i, j);
    // Grow the run while the larger picture still fits one page (the layout decides: sizes do not add up).
    while (j < units.length && fitsOnePage(best, paper)) {
      const next = await part(i, j + 1);
      if (!fitsOnePage(next, paper)) break;
      best = next;
      j++;
    }
    parts.push(best);
    i = j;
  }
  if (parts.length < 2) return undefined;
  const pages = parts.reduce((a, p) => a + pagesOf(p, paper), 0);
  return pages <= pagesOf(whole, paper) ? parts : undefined;
}

/** Renders every view of a design for the pack: whole when it fits one page, else collapsed when it can be. */
export async function renderPackDiagrams(model: Model, opts: PackDiagramOptions = {}): Promise<PackDiagram[]> {
  const { renderView } = await import('./pipeline.js');
  const wanted = opts.views ? VIEWS.filter((v) => opts.views!.includes(v)) : VIEWS;
  const paper = opts.paper ?? 'a4';
  const out: PackDiagram[] = [];
  const draw = async (view: ViewName, graph: NonNullable<ReturnType<typeof deriveView>>) => {
    const r = await renderView(model, graph, opts);
    return { view, title: r.title, svg: r.svg, width: r.width, height: r.height };
  };
  for (const view of wanted) {
    const graph = deriveView(model, view);
    if (!graph) continue;
    // ---- the overview: per region, or spokes collapsed with their steps (overview-pack.ts) ----
    if (view === 'overview') {
      const whole = graph.nodes.length <= FULL_LAYOUT_MAX_NODES ? await draw(view, graph) : undefined;
      if (whole && fitsOnePage(whole, paper)) {
        out.push(whole);
        continue;
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
        continue;
      }
      const folded = collapseOverview(graph, model, opts.findings ?? []);
      if (folded) {
        const shown = await draw(view, folded.graph);
        const full = whole ? { svg: whole.svg, width: whole.width, height: whole.height } : {};
        out.push({ ...shown, collapsed: { groups: folded.groups, spokes: folded.spokes },
          full: { ...full, nodes: graph.nodes.length } });
      } else out.push(whole ?? (await draw(view, graph)));
      continue;
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
    const drawGraph = async (g: ViewGraph) => {
      const r = await draw(view, g);
      return { svg: r.svg, width: r.width, height: r.height };
    };
    /** The picture as the pack shows it, with its parts when it is better printed split. */
    const withParts = async (shown: PackDiagram, g: ViewGraph): Promise<PackDiagram> => {
      if (fitsOnePage(shown, paper)) return shown;
      const parts = await splitForPrint(model, g, shown, paper, drawGraph);
      return parts ? { ...shown, parts } : shown;
    };
    if (c.groups.length === 0) {
      const { shown, graph: drawn, normal } = await drawForPrint(graph);
      const printed = await withParts(shown, drawn);
      out.push(
        shown === normal
          ? printed
          : { ...printed, full: { svg: normal.svg, width: normal.width, height: normal.height, nodes: graph.nodes.length } },
      );
      continue;
    }
    let full: PackDiagram | undefined;
    if (graph.nodes.length <= FULL_LAYOUT_MAX_NODES) {
      full = await draw(view, graph);
      if (fitsOnePage(full, paper)) {
        out.push(full);
        continue;
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
  }
  return out;
}
