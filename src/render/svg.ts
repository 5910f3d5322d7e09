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
import { attrs, el, esc, textEl } from './svg/markup.js';
import { containerLabels, containers, nodes } from './svg/shapes.js';
import { fontFace, loadFonts } from './text.js';

export { instanceIds } from './svg/draw.js';

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * An SVG document drawn, its font subsets not yet embedded: what page fitting reads (text sizes, boxes, label
 * chips: page-fit.ts) is all in `markup`, and the subsets (about half of the document's bytes and of the time to
 * draw it) are made only for a picture that is kept. A review pack draws many trial pictures and keeps few.
 */
export interface SvgDrawing {
  width: number;
  height: number;
  /** The whole document, except the @font-face rules that go at `fontAt`. */
  markup: string;
  fontAt: number;
  /** The characters drawn in each weight: the font subsets hold their glyphs. */
  chars: { regular: string; bold: string };
  family: string;
}

/** Draws a target as an SVG document without its font subsets (see SvgDrawing). */
export function drawSvg(target: DiagramTarget): SvgDrawing {
  const ctx = context(target);
  const { pid } = ctx;
  const { width, height } = target;
  // Parts are built before the <style> element because the font subset depends on the text they draw.
  const top = header(ctx);
  const diagram = containers(ctx) + nodes(ctx) + edges(ctx) + containerLabels(ctx) + findingBadges(ctx);
  const bottom = legend(ctx) + stepLegend(ctx) + markKey(ctx);

  const family = `aksnet-${target.uid}`;
  const fontStack = `"${family}","${target.theme.fontFamily}",sans-serif`;
  const css = `#${pid('svg')} text{font-family:${fontStack};white-space:pre;}`;

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
  const before =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg${attrs(root)}>` +
    textEl('title', { id: pid('title') }, target.title) +
    textEl('desc', { id: pid('desc') }, target.description) +
    `<defs${attrs({ id: pid('defs') })}><style${attrs({ id: pid('style') })}>`;
  const after =
    `${esc(css)}</style>${markers(ctx)}</defs>` +
    el('rect', { width, height, x: 0, y: 0, fill: target.theme.background, id: pid('bg') }) +
    top +
    el('g', { id: pid('diagram'), transform: `translate(${target.diagramX ?? 0} ${target.diagramY})` }, diagram) +
    bottom +
    '</svg>\n';
  return {
    width,
    height,
    markup: before + after,
    fontAt: before.length,
    chars: { regular: [...ctx.used.regular].join(''), bold: [...ctx.used.bold].join('') },
    family,
  };
}

/** The finished document: the drawing with the subsets of the font its text uses embedded in its <style>. */
export function embedFonts(d: SvgDrawing): string {
  let faces = '';
  if (d.chars.regular) faces += fontFace(d.chars.regular, 'regular', d.family);
  if (d.chars.bold) faces += fontFace(d.chars.bold, 'bold', d.family);
  return d.markup.slice(0, d.fontAt) + esc(faces) + d.markup.slice(d.fontAt);
}

export async function renderSvg(target: DiagramTarget): Promise<RenderedSvg> {
  await loadFonts();
  const d = drawSvg(target);
  return { svg: embedFonts(d), width: d.width, height: d.height };
}
