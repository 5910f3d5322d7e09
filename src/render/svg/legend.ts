/** The legend: one sample and text per box style, edge style, TLS state, hop badge and severity used. */
import type { LegendEntry } from '../../model/diagram-target.js';
import { el } from './markup.js';
import { boxRect, icon, stepBadge, text, type SvgContext } from './draw.js';

function sample(ctx: SvgContext, e: LegendEntry): string {
  const theme = ctx.target.theme;
  switch (e.type) {
    case 'box': {
      const look = theme.boxes[e.style];
      return boxRect(look, 26, 16, 0, 0, Math.min(look.radius, 6));
    }
    case 'edge': {
      const look = theme.edges[e.style];
      const a = {
        d: 'M0 8 H30',
        fill: 'none',
        stroke: look.stroke,
        'stroke-width': look.width,
        'stroke-dasharray': look.dash,
        'marker-end': e.arrow ? `url(#${ctx.pid(`arrow-${e.style}`)})` : undefined,
      };
      return el('path', a);
    }
    case 'tls':
      return icon(ctx, e.icon);
    case 'badge':
      return stepBadge(ctx, e.step);
    case 'severity':
      return (
        el('rect', {
          width: 26,
          height: 16,
          x: 0,
          y: 0,
          rx: 8,
          fill: ctx.target.theme.chip,
          stroke: e.stroke,
          'stroke-width': 1.6,
        }) + icon(ctx, e.icon)
      );
  }
}

export function legend(ctx: SvgContext): string {
  const l = ctx.target.legend;
  let body = text(ctx, l.title, 'legend-title');
  l.entries.forEach((e, i) => {
    const g = { id: ctx.pid(`legend-${i}`), transform: `translate(${e.x} ${e.y})`, 'data-legend': e.key };
    body += el('g', g, sample(ctx, e) + text(ctx, e.text));
  });
  return el('g', { id: ctx.pid('legend'), class: 'legend', transform: `translate(${l.x} ${l.y})` }, body);
}

/** The key row of marks a caller draws over the picture (DiagramTarget.markKey), under the legends. */
export function markKey(ctx: SvgContext): string {
  const k = ctx.target.markKey;
  if (!k) return '';
  let body = text(ctx, k.title);
  for (const e of k.entries) {
    const sample = { x: e.x, y: 9, width: 18, height: 14, rx: 3, fill: 'none', stroke: e.stroke, 'stroke-width': 2.5,
      'stroke-dasharray': e.dash };
    body += el('rect', sample) + text(ctx, e.text);
  }
  return el('g', { id: ctx.pid('mark-key'), class: 'mark-key', transform: `translate(${k.x} ${k.y})` }, body);
}
