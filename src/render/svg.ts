/**
 * Renders a diagram target (`model/diagram-target.ts`) as a self-contained SVG document, built as
 * strings: header, containers, leaves, edges and their labels, finding badges, legend, and the
 * embedded subset of the font every text run uses.
 *
 * Output is deterministic: every id is derived from the view and the target's content hash,
 * numbers come rounded in the target, and there are no external references.
 */
import type { DiagramTarget } from '../model/diagram-target.js';
import { findingBadges } from './svg/badges.js';
import { context } from './svg/draw.js';
import { edges, markers } from './svg/edges.js';
import { header } from './svg/header.js';
import { legend, markKey } from './svg/legend.js';
import { stepLegend } from './svg/steps.js';
import { el, textEl } from './svg/markup.js';
import { containers, nodes } from './svg/shapes.js';
import { fontFace, loadFonts } from './text.js';

export { instanceIds } from './svg/draw.js';

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

export async function renderSvg(target: DiagramTarget): Promise<RenderedSvg> {
  const ctx = context(target);
  const { pid } = ctx;
  const { width, height } = target;
  // Parts are built before the <style> element because the font subset depends on the text they draw.
  const top = header(ctx);
  const diagram = containers(ctx) + nodes(ctx) + edges(ctx) + findingBadges(ctx);
  const bottom = legend(ctx) + stepLegend(ctx) + markKey(ctx);

  await loadFonts();
  const family = `aksnet-${target.uid}`;
  const fontStack = `"${family}","${target.theme.fontFamily}",sans-serif`;
  let css = '';
  if (ctx.used.regular.size) css += fontFace([...ctx.used.regular].join(''), 'regular', family);
  if (ctx.used.bold.size) css += fontFace([...ctx.used.bold].join(''), 'bold', family);
  css += `#${pid('svg')} text{font-family:${fontStack};white-space:pre;}`;

  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    version: '1.1',
    'xmlns:xlink': 'http://www.w3.org/1999/xlink',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${pid('title')} ${pid('desc')}`,
    'font-family': `${family}, ${target.theme.fontFamily}, sans-serif`,
    id: pid('svg'),
    'data-view': target.view,
  };
  const body =
    textEl('title', { id: pid('title') }, target.title) +
    textEl('desc', { id: pid('desc') }, target.description) +
    el('defs', { id: pid('defs') }, textEl('style', { id: pid('style') }, css) + markers(ctx)) +
    el('rect', { width, height, x: 0, y: 0, fill: target.theme.background, id: pid('bg') }) +
    top +
    el('g', { id: pid('diagram'), transform: `translate(${target.diagramX ?? 0} ${target.diagramY})` }, diagram) +
    bottom;
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${el('svg', root, body)}\n`, width, height };
}
