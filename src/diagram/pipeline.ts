/** measure → layout → render for one view (the heavy imports live behind this module). */
import { performance } from 'node:perf_hooks';
import type { Model } from '../model/types.js';
import { layout, type LayoutRequest, type LayoutResult } from '../layout/elk.js';
import { layoutMaybeCached } from '../layout/cache.js';
import { layoutInPool, layoutThreadOn, Speculation } from '../layout/layout-thread.js';
import { headerTextRoom, measure, type Measured } from '../render/measure.js';
import { drawSvg, embedFonts, type SvgDrawing } from '../render/svg.js';
import { buildTarget } from '../render/target.js';
import type { DiagramTarget } from '../model/diagram-target.js';
import { loadFonts } from '../render/text.js';
import { iconLookup } from '../render/icon-source.js';
import type { ViewGraph } from './graph.js';
import { fitDiagram, MM_PER_PX, pictureBox } from './page-fit.js';
import { TYPE } from '../render/style.js';
import type { DiagramOptions } from './index.js';

export interface ViewRender {
  title: string;
  svg: string;
  width: number;
  height: number;
  measured: Measured;
  layout: LayoutResult;
  /** The JSON-serialisable diagram target the SVG was rendered from. */
  target: DiagramTarget;
  measureMs: number;
  layoutMs: number;
  renderMs: number;
}

/** A view drawn without its font subsets embedded (see SvgDrawing): a review pack's trial picture. */
export interface ViewDrawing extends Omit<ViewRender, 'svg'> {
  drawing: SvgDrawing;
}

export async function renderView(model: Model, graph: ViewGraph, opts: DiagramOptions): Promise<ViewRender> {
  const { drawing, ...rest } = await drawView(model, graph, opts);
  const t0 = performance.now();
  const svg = embedFonts(drawing);
  const t1 = performance.now();
  performance.measure('aksnet:render', { start: t0, end: t1, detail: { design: opts.design ?? model.metadata.title, view: graph.view } });
  return { ...rest, svg, renderMs: rest.renderMs + (t1 - t0) };
}

/** measure → layout → the SVG drawing, without its font subsets (renderView embeds them). */
export async function drawView(model: Model, graph: ViewGraph, opts: DiagramOptions): Promise<ViewDrawing> {
  const t0 = performance.now();
  const m = await loadFonts();
  const measured = measure(m, graph);
  const t1 = performance.now();
  const icons = await iconLookup(opts.iconPack);
  const targetFor = (laid: LayoutResult, measured: Measured) =>
    buildTarget(m, {
      graph,
      measured,
      layout: laid,
      metadata: model.metadata,
      ...(opts.findings ? { findings: opts.findings } : {}),
      icons,
      metadataBlock: opts.metadata !== false,
      ...(opts.theme ? { theme: opts.theme } : {}),
      ...(opts.markKey ? { markKey: opts.markKey } : {}),
    });
  const flow = FLOW_VIEWS.has(graph.view);
  // With the layout thread on, every layout goes to whichever of the two ELKs is free; without it, to this thread's.
  const pool = layoutThreadOn();
  const lay = (req: LayoutRequest, maybe?: Speculation) =>
    layoutMaybeCached(req, opts.layoutCache, pool ? (r) => layoutInPool(r, maybe) : layout);
  type Candidate = { target: DiagramTarget; laid: LayoutResult; measured: Measured; request: LayoutRequest };
  const candidate = async (request: LayoutRequest, used: Measured, maybe?: Speculation): Promise<Candidate> => {
    const laid = await lay(request, maybe);
    return { target: targetFor(laid, used), laid, measured: used, request };
  };
  // A compact view (the overview) measures its container headers again at the widths their boxes came out with:
  // the first guess wraps them narrow, and a wide VNet's header then takes five lines of the page's height.
  // Each candidate's second pass starts as soon as its own first layout is done, beside the other candidate's.
  const again = async (c: Candidate, maybe?: Speculation): Promise<Candidate> => {
    const room = new Map(
      c.measured.nodes
        .filter((n) => n.container)
        .map((n) => {
          const box = c.laid.nodes.get(n.node.id);
          return [n.node.id, box ? headerTextRoom(box.width) : 0] as const;
        }),
    );
    const remeasured = measure(m, graph, { headerText: room });
    const request =
      c.request.direction === 'DOWN' ? { ...remeasured.request, direction: 'DOWN' as const } : remeasured.request;
    // No header changed its size: the same request lays out the same boxes, without asking ELK again.
    if (JSON.stringify(request) === JSON.stringify(c.request)) {
      return { target: targetFor(c.laid, remeasured), laid: c.laid, measured: remeasured, request };
    }
    return candidate(request, remeasured, maybe);
  };
  const downRequest = { ...measured.request, direction: 'DOWN' as const };
  const across = candidate(measured.request, measured);
  // A flow view is tried top-down as well, when that candidate can win: a left-to-right picture on one page
  // cannot be beaten (pickForPage wants strictly fewer pages); the overview always compares both. With two ELKs
  // the top-down layout starts at once, beside the left-to-right one (it costs no wall time there); in a pack
  // (opts.speculate), where the other trials keep both ELKs busy, it is a speculation: it runs when the worker's
  // ELK is idle, and is dropped unrun when the left-to-right picture fits one page first. With one ELK it is not
  // run when it cannot win.
  const maybeDown = flow && pool && opts.speculate && graph.view !== 'overview' ? new Speculation() : undefined;
  const early = flow && (pool || graph.view === 'overview') ? candidate(downRequest, measured, maybeDown) : undefined;
  early?.catch(() => undefined);
  // A candidate's second pass is used only when its first pass came close to the best (SECOND_PASS_REACH), with
  // one ELK or two: which candidates compete never depends on the thread, so neither do the bytes. With two ELKs
  // each second pass is a speculation, asked for as soon as its first pass is done: it starts at once when the
  // worker's ELK is idle, and is wanted, or dropped unrun, when both first passes are known.
  const acrossMaybe = pool && graph.compact ? new Speculation() : undefined;
  const downMaybe = pool && graph.compact && early ? new Speculation() : undefined;
  const acrossAgain = acrossMaybe ? across.then((c) => again(c, acrossMaybe)) : undefined;
  acrossAgain?.catch(() => undefined);
  const downAgain = downMaybe && early ? early.then((c) => again(c, downMaybe)) : undefined;
  downAgain?.catch(() => undefined);
  const candidates: Candidate[] = [];
  try {
    const first = await across;
    candidates.push(first);
    if (flow && (graph.view === 'overview' || pagesOf(first) > 1 || (opts.wholePage && stripsOf(first) > 1))) {
      maybeDown?.want();
      candidates.push(await (early ?? candidate(downRequest, measured)));
    } else maybeDown?.drop();
    if (graph.compact) {
      const firsts = [...candidates];
      const reach = secondPassesWanted(firsts);
      for (const [i, c] of firsts.entries()) {
        const [started, maybe] = c === first ? [acrossAgain, acrossMaybe] : [downAgain, downMaybe];
        if (reach[i]) {
          maybe?.want();
          candidates.push(await (started ?? again(c)));
        } else maybe?.drop();
      }
    }
  } finally {
    // On an error, layouts no candidate waits for any more are not started.
    for (const maybe of [maybeDown, acrossMaybe, downMaybe]) maybe?.drop();
  }
  const t2 = performance.now();
  const { target, laid, measured: used } =
    graph.view === 'overview' ? pickForLandscape(candidates) : pickForPage(candidates, opts.wholePage === true);
  const drawing = drawSvg(target);
  const t3 = performance.now();
  const detail = { design: opts.design ?? model.metadata.title, view: graph.view };
  performance.measure('aksnet:measure', { start: t0, end: t1, detail });
  performance.measure('aksnet:layout', { start: t1, end: t2, detail });
  performance.measure('aksnet:render', { start: t2, end: t3, detail });
  const { width, height } = drawing;
  return { title: graph.title, drawing, width, height, measured: used, layout: laid, target, measureMs: t1 - t0, layoutMs: t2 - t1, renderMs: t3 - t2 };
}

/**
 * Renders several views of one model, in the order given. With the layout thread on they are rendered at
 * once, so that their layouts keep both ELKs busy; each view's bytes are the same either way.
 */
export async function renderViews(model: Model, graphs: ViewGraph[], opts: DiagramOptions): Promise<ViewRender[]> {
  if (layoutThreadOn()) return Promise.all(graphs.map((g) => renderView(model, g, opts)));
  const out: ViewRender[] = [];
  for (const g of graphs) out.push(await renderView(model, g, opts));
  return out;
}

/** Flow views: long chains that a left-to-right layout turns into page-wide strips; the overview is tried both ways too. */
const FLOW_VIEWS = new Set<string>(['ingress', 'egress', 'control-plane', 'overview']);

/**
 * The candidate that prints best, judged on the finished picture (legend and header included): top-down wins
 * only when it needs fewer printed pages at 6 pt, since its edges cross container headers on the way in.
 */
function pickForPage<T extends { target: DiagramTarget }>(candidates: T[], wholePage = false): T {
  // A split view's part: on one page, whole beats strips (a strip wrapped onto the page cuts the picture).
  const better = (c: T, best: T) =>
    pagesOf(c) < pagesOf(best) || (wholePage && pagesOf(c) === pagesOf(best) && stripsOf(c) < stripsOf(best));
  return candidates.reduce((best, c) => (better(c, best) ? c : best));
}

/** The printed pages a candidate needs with its smallest text (finding badges) at 6 pt or more. */
function pagesOf(c: { target: DiagramTarget }): number {
  return fitDiagram(c.target.width, c.target.height, Math.min(TYPE.badge, TYPE.edge, TYPE.detail)).pages.length;
}

/** The windows (tiles, or strips wrapped onto one page) a candidate prints in at 6 pt or more. */
function stripsOf(c: { target: DiagramTarget }): number {
  return fitDiagram(c.target.width, c.target.height, Math.min(TYPE.badge, TYPE.edge, TYPE.detail)).tiles.length;
}

/** The scale a candidate prints at on one A4 landscape picture box. */
export function landscapeScale(c: { target: DiagramTarget }): number {
  const box = pictureBox('a4', 'landscape');
  return Math.min(box.width / (c.target.width * MM_PER_PX), box.height / (c.target.height * MM_PER_PX));
}

/**
 * How close to the best first pass a compact view's candidate must print for its second pass to run and compete.
 * The second pass only shortens wrapped container headers. Framed 16:9 (2026-12-02), on the seven examples'
 * overviews (standalone and in the pack) it raised a candidate's scale by 0–6.8 % (left to right) and 0–4.6 %
 * (top-down), while every top-down first pass printed at 0.56–0.90 of the left-to-right one; on the three-region
 * fixture's whole overview (test/fixtures) top-down wins and the left-to-right first pass, at 0.87 of it, gains
 * 12.6 % and still loses. A candidate further behind than this has not won on any of them.
 */
const SECOND_PASS_REACH = 0.9;

/**
 * Which of a compact view's first passes get a second pass that competes: those printing at SECOND_PASS_REACH of
 * the best first pass or closer. Decided the same way with one ELK or two, so the bytes never depend on the thread.
 */
export function secondPassesWanted(firsts: ReadonlyArray<{ target: DiagramTarget }>): boolean[] {
  const best = Math.max(...firsts.map(landscapeScale));
  return firsts.map((c) => landscapeScale(c) >= best * SECOND_PASS_REACH);
}

/**
 * The overview is made for one landscape page: the candidate that prints largest on A4 landscape wins (its text
 * size on that page), left-to-right on a tie.
 */
function pickForLandscape<T extends { target: DiagramTarget; measured: Measured }>(candidates: T[]): T {
  // Every overview is framed 16:9, so two candidates of one scale have one size: on a tie, the one whose container
  // headers take fewer lines (wrapped at the width their boxes came out with) reads better.
  const headerLines = (c: T) => c.measured.nodes.reduce((a, n) => a + (n.container ? n.lines.length : 0), 0);
  return candidates.reduce((best, c) => {
    const d = landscapeScale(c) - landscapeScale(best);
    return d > 1e-6 || (Math.abs(d) <= 1e-6 && headerLines(c) < headerLines(best)) ? c : best;
  });
}
