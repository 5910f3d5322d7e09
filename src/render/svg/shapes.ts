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
  return el('g', g, body + texts(ctx, s.lines));
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
