/** measure → layout → render for one view (the heavy imports live behind this module). */
import { performance } from 'node:perf_hooks';
import type { Model } from '../model/types.js';
import type { LayoutResult } from '../layout/elk.js';
import { layoutMaybeCached } from '../layout/cache.js';
import { layoutInThread, layoutThreadOn } from '../layout/layout-thread.js';
import { headerTextRoom, measure, type Measured } from '../render/measure.js';
import { renderSvg } from '../render/svg.js';
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

export async function renderView(model: Model, graph: ViewGraph, opts: DiagramOptions): Promise<ViewRender> {
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
    });
  const flow = FLOW_VIEWS.has(graph.view);
  const downRequest = { ...measured.request, direction: 'DOWN' as const };
  // With a layout thread (review packs) the top-down candidate is laid out there at once, beside the
  // left-to-right one; handled now, awaited below only when needed, so a failure is never unhandled.
  const early = flow && layoutThreadOn() ? layoutMaybeCached(downRequest, opts.layoutCache, layoutInThread) : undefined;
  early?.catch(() => undefined);
  const across = await layoutMaybeCached(measured.request, opts.layoutCache);
  const first = { target: targetFor(across, measured), laid: across, measured };
  const candidates = [first];
  // A flow view is tried top-down as well, when that candidate can win: a left-to-right picture on one page
  // cannot be beaten (pickForPage wants strictly fewer pages); the overview always compares both. Without a
  // layout thread (diagram, watch, serve) the top-down layout is not run when it cannot win.
  if (flow && (graph.view === 'overview' || pagesOf(first) > 1)) {
    const down = await (early ?? layoutMaybeCached(downRequest, opts.layoutCache));
    candidates.push({ target: targetFor(down, measured), laid: down, measured });
  }
  // A compact view (the overview) measures its container headers again at the widths their boxes came out with:
  // the first guess wraps them narrow, and a wide VNet's header then takes five lines of the page's height.
  if (graph.compact) {
    for (const [i, c] of [...candidates].entries()) {
      const room = new Map(
        c.measured.nodes
          .filter((n) => n.container)
          .map((n) => {
            const box = c.laid.nodes.get(n.node.id);
            return [n.node.id, box ? headerTextRoom(box.width) : 0] as const;
          }),
      );
      const again = measure(m, graph, { headerText: room });
      const request = i === 0 ? again.request : { ...again.request, direction: 'DOWN' as const };
      const laid = await layoutMaybeCached(request, opts.layoutCache);
      candidates.push({ target: targetFor(laid, again), laid, measured: again });
    }
  }
  const t2 = performance.now();
  const { target, laid, measured: used } =
    graph.view === 'overview' ? pickForLandscape(candidates) : pickForPage(candidates);
  const r = await renderSvg(target);
  const t3 = performance.now();
  const detail = { design: opts.design ?? model.metadata.title, view: graph.view };
  performance.measure('aksnet:measure', { start: t0, end: t1, detail });
  performance.measure('aksnet:layout', { start: t1, end: t2, detail });
  performance.measure('aksnet:render', { start: t2, end: t3, detail });
  return { title: graph.title, ...r, measured: used, layout: laid, target, measureMs: t1 - t0, layoutMs: t2 - t1, renderMs: t3 - t2 };
}

/** Flow views: long chains that a left-to-right layout turns into page-wide strips; the overview is tried both ways too. */
const FLOW_VIEWS = new Set<string>(['ingress', 'egress', 'control-plane', 'overview']);

/**
 * The candidate that prints best, judged on the finished picture (legend and header included): top-down wins
 * only when it needs fewer printed pages at 6 pt, since its edges cross container headers on the way in.
 */
function pickForPage<T extends { target: DiagramTarget }>(candidates: T[]): T {
  return candidates.reduce((best, c) => (pagesOf(c) < pagesOf(best) ? c : best));
}

/** The printed pages a candidate needs with its smallest text (finding badges) at 6 pt or more. */
function pagesOf(c: { target: DiagramTarget }): number {
  return fitDiagram(c.target.width, c.target.height, Math.min(TYPE.badge, TYPE.edge, TYPE.detail)).pages.length;
}

/**
 * The overview is made for one landscape page: the candidate that prints largest on A4 landscape wins (its text
 * size on that page), left-to-right on a tie.
 */
function pickForLandscape<T extends { target: DiagramTarget }>(candidates: T[]): T {
  const box = pictureBox('a4', 'landscape');
  const scale = (c: T) => Math.min(box.width / (c.target.width * MM_PER_PX), box.height / (c.target.height * MM_PER_PX));
  const area = (c: T) => c.target.width * c.target.height;
  // On a tie (the same binding side) the smaller picture wins: less empty paper around the same scale.
  return candidates.reduce((best, c) => {
    const d = scale(c) - scale(best);
    return d > 1e-6 || (Math.abs(d) <= 1e-6 && area(c) < area(best) - 1) ? c : best;
  });
}
