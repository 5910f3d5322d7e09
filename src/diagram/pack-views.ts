/**
 * The diagrams of a review pack: each view as large as a printed page can show at 6 pt or more.
 *
 * A view that fits one page is drawn whole. A view that does not, and whose spokes repeat one shape, is drawn
 * collapsed (collapse.ts): each distinct spoke once, a note box for the others, and the list of the others for
 * a table beside the picture. Only what still does not fit is cut into page tiles by the pack.
 *
 * The whole picture is the pack's "full-size SVG" beside the PDF/HTML. Laying it out is what costs (ELK on
 * thousands of boxes: minutes and gigabytes for 500 spokes), so above FULL_LAYOUT_MAX_NODES boxes the pack
 * does not draw it; `aksnet diagram <design> --view <view>` does, when someone asks for it.
 */
import type { Model } from '../model/types.js';
import { collapseView, type CollapsedGroup } from './collapse.js';
// Views and their derivation through the diagram module's entry, which knows every view.
import { VIEWS, deriveView, type DiagramOptions, type RenderedDiagram, type ViewName } from './index.js';
import { fitDiagram, smallestFontPx, type Paper } from './page-fit.js';
import { collapseOverview, renderRegionPages, type RegionPage } from './overview-pack.js';

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

export interface PackDiagram extends RenderedDiagram {
  /** Set when the pack shows the view collapsed: the groups, and how many spokes the view has in all. */
  collapsed?: { groups: CollapsedGroup[]; spokes: number };
  /** The whole view, when the pack shows something else (collapsed). */
  full?: FullSize;
  /** The overview printed one page per region (overview-pack.ts); `svg` is then the whole overview. */
  regions?: RegionPage[];
}

export interface PackDiagramOptions extends DiagramOptions {
  paper?: Paper;
}

const fitsOnePage = (d: { svg: string; width: number; height: number }, paper: Paper) =>
  fitDiagram(d.width, d.height, smallestFontPx(d.svg), paper).tiles.length === 1;

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
        out.push({ ...whole, regions });
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
    if (c.groups.length === 0) {
      out.push(await draw(view, graph));
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
    const shown = await draw(view, c.graph);
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
