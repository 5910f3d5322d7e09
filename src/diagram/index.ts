/**
 * Diagrams: ELK-laid-out, self-contained SVG views derived from the normalized model.
 *
 * elkjs is imported on first use, so importing this module (or
 * running `aksnet validate`) costs nothing; one warm ELK instance is reused across calls.
 */
import type { Model } from '../model/types.js';
import type { Finding } from '../validate/finding.js';
import type { ViewName } from './graph.js';
import type { ThemeName } from '../render/style.js';
import type { MarkKeyInput } from '../model/diagram-target.js';
import { deriveView } from './derive.js';
import { VIEWS } from './view-names.js';

export type { ViewName } from './graph.js';
export type { ThemeName } from '../render/style.js';
export type { ViewGraph, ViewNode, ViewEdge, BoxStyle, EdgeStyle } from './graph.js';

export { VIEWS };

export interface RenderedDiagram {
  view: ViewName;
  title: string;
  svg: string;
  width: number;
  height: number;
}

export interface DiagramOptions {
  /** Views to render (default all, in VIEWS order). */
  views?: ViewName[];
  /** Findings to overlay as severity badges on the elements they concern (open and expired ones count). */
  findings?: Finding[];
  /** Directory of an icon pack to use instead of the built-in icons. */
  iconPack?: string;
  /** Draw the metadata block (title, version, date, owner, status); default true. */
  metadata?: boolean;
  /** The design's display path, named in `--timings` (default: the architecture title). */
  design?: string;
  /** Folder of the content-addressed layout cache (see layout/cache.ts); no cache when unset. */
  layoutCache?: string;
  /** Colour theme (default light); the layout is the same in every theme. */
  theme?: ThemeName;
  /**
   * A key row for marks drawn over the finished pictures (`aksnet diagram --diff`): drawn under the legends, inside
   * the canvas (an overview's 16:9 frame holds it).
   */
  markKey?: MarkKeyInput;
  /**
   * Many drawings are under way at once (a review pack's trials): a flow view's top-down candidate, needed only
   * when the left-to-right picture takes more than a page, then waits for an idle worker ELK and is dropped unrun
   * when not needed, instead of starting at once beside the left-to-right one (Speculation, layout-thread.ts).
   */
  speculate?: boolean;
  /**
   * The picture is a printed part of a split view (pack-views.ts): a left-to-right picture that prints only as strips
   * wrapped onto one page is tried top-down as well, which wins when it prints whole on one page (one strip).
   */
  wholePage?: boolean;
}

/** Per-view timings of the last renderDiagrams call (for the bench). */
export interface DiagramTimings {
  view: ViewName;
  measureMs: number;
  layoutMs: number;
  renderMs: number;
}

let lastTimings: DiagramTimings[] = [];

/** Timings of the most recent renderDiagrams call in this process. */
export function diagramTimings(): DiagramTimings[] {
  return lastTimings;
}

/** Renders the requested views; views with nothing to show are omitted. */
export async function renderDiagrams(model: Model, opts: DiagramOptions = {}): Promise<RenderedDiagram[]> {
  const { renderViews } = await import('./pipeline.js');
  const wanted = opts.views ? VIEWS.filter((v) => opts.views!.includes(v)) : VIEWS;
  const graphs = wanted.flatMap((view) => {
    const graph = deriveView(model, view);
    return graph ? [{ view, graph }] : [];
  });
  const rendered = await renderViews(model, graphs.map((g) => g.graph), opts);
  lastTimings = rendered.map((r, i) => ({
    view: graphs[i]!.view,
    measureMs: r.measureMs,
    layoutMs: r.layoutMs,
    renderMs: r.renderMs,
  }));
  return rendered.map((r, i) => ({
    view: graphs[i]!.view,
    title: r.title,
    svg: r.svg,
    width: r.width,
    height: r.height,
  }));
}

export { deriveView } from './derive.js';
