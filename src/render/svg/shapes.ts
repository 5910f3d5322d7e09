/** Containers (outermost first, so children draw on top) and leaves with their icons. */
import type { Shape } from '../../model/diagram-target.js';
import { el, textEl } from './markup.js';
import { boxRect, icon, texts, type SvgContext } from './draw.js';

function shape(ctx: SvgContext, s: Shape, container: boolean): string {
  const b = s.box;
  const g = {
    id: ctx.pid(`n${s.index}`),
    class: `node ${container ? 'container' : 'leaf'} ${s.style}`,
    'data-id': s.id,
    'data-kind': s.kind,
    'data-element': s.element,
    'data-x': b.x,
    'data-y': b.y,
    'data-width': b.width,
    'data-height': b.height,
  };
  const look = ctx.target.theme.boxes[s.style];
  let body = textEl('title', {}, s.tooltip) + boxRect(look, b.width, b.height, b.x, b.y);
  if (s.icon) body += icon(ctx, s.icon);
  // A container's words are drawn over the edges (containerLabels): ELK routes an edge into a box through its header.
  return el('g', g, container ? body : body + texts(ctx, s.lines));
}

/**
 * The containers' names and detail lines, drawn after the edges with a halo of their box's fill: an edge that enters
 * a box through its header (ELK leaves the header band to the edges) passes under the words instead of striking
 * through them. Each container's text is grouped under the container's id, so a reader can tell which box it names.
 */
export function containerLabels(ctx: SvgContext): string {
  let body = '';
  for (const s of ctx.target.containers) {
    if (s.lines.length === 0) continue;
    const halo = { stroke: ctx.target.theme.boxes[s.style].fill, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' };
    body += el('g', { class: 'container-label', 'data-for': ctx.pid(`n${s.index}`), ...halo }, texts(ctx, s.lines));
  }
  return el('g', { id: ctx.pid('container-labels') }, body);
}

export function containers(ctx: SvgContext): string {
  let body = '';
  for (const s of ctx.target.containers) body += shape(ctx, s, true);
  return el('g', { id: ctx.pid('containers') }, body);
}

export function nodes(ctx: SvgContext): string {
  let body = '';
  for (const s of ctx.target.nodes) body += shape(ctx, s, false);
  return el('g', { id: ctx.pid('nodes') }, body);
}
