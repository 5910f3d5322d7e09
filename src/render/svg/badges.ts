/** Finding badges: one chip per severity (its glyph and open-finding count) on a shape's top edge. */
import { el, textEl } from './markup.js';
import { icon, text, type SvgContext } from './draw.js';

export function findingBadges(ctx: SvgContext): string {
  const badges = ctx.target.badges;
  if (!badges) return '';
  let body = '';
  for (const b of badges) {
    const g = { id: ctx.pid(`n${b.index}-findings-${b.severity}`), class: `finding-badge ${b.severity}`, 'data-id': b.id, 'data-severity': b.severity, 'data-count': b.count };
    const r = b.box;
    const chip = {
      width: r.width,
      height: r.height,
      x: r.x,
      y: r.y,
      rx: 8,
      fill: ctx.target.theme.chip,
      stroke: b.stroke,
      'stroke-width': 1.6,
    };
    body += el('g', g, textEl('title', {}, b.tooltip) + el('rect', chip) + icon(ctx, b.icon) + text(ctx, b.label));
  }
  return el('g', { id: ctx.pid('findings') }, body);
}
