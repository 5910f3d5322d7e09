/** The metadata block: title, view title, version · date · owner · status, and a rule under them. */
import { el } from './markup.js';
import { text, type SvgContext } from './draw.js';

export function header(ctx: SvgContext): string {
  const h = ctx.target.header;
  if (!h) return '';
  let body = '';
  h.lines.forEach((l, i) => (body += text(ctx, l, `meta-${i}`)));
  const r = h.rule;
  body += el('line', {
    x1: r.x1,
    y1: r.y1,
    x2: r.x2,
    y2: r.y2,
    stroke: r.stroke,
    'stroke-width': r.width,
    id: ctx.pid('meta-rule'),
  });
  return el('g', { id: ctx.pid('metadata'), class: 'metadata' }, body);
}
