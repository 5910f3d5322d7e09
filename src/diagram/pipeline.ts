/** measure → layout → render for one view (the heavy imports live behind this module). */
import { performance } from 'node:perf_hooks';
import type { Model } from '../model/types.js';
import type { LayoutResult } from '../layout/elk.js';
import { layoutMaybeCached } from '../layout/cache.js';
import { measure, type Measured } from '../render/measure.js';
import { renderSvg } from '../render/svg.js';
import { buildTarget } from '../render/target.js';
import type { DiagramTarget } from '../model/diagram-target.js';
import { loadFonts } from '../render/text.js';
import { iconLookup } from '../render/icon-source.js';
import type { ViewGraph } from './graph.js';
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
  const laid = await layoutMaybeCached(measured.request, opts.layoutCache);
  const t2 = performance.now();
  const icons = await iconLookup(opts.iconPack);
  const target = buildTarget(m, {
    graph,
    measured,
    layout: laid,
    metadata: model.metadata,
    ...(opts.findings ? { findings: opts.findings } : {}),
    icons,
    metadataBlock: opts.metadata !== false,
  });
  const r = await renderSvg(target);
  const t3 = performance.now();
  const detail = { design: opts.design ?? model.metadata.title, view: graph.view };
  performance.measure('aksnet:measure', { start: t0, end: t1, detail });
  performance.measure('aksnet:layout', { start: t1, end: t2, detail });
  performance.measure('aksnet:render', { start: t2, end: t3, detail });
  return { title: graph.title, ...r, measured, layout: laid, target, measureMs: t1 - t0, layoutMs: t2 - t1, renderMs: t3 - t2 };
}
