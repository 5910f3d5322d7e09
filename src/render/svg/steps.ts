/** The overview's numbered step legend: headings, one badge and text per step, unnumbered notes. */
import { el } from './markup.js';
import { stepBadge, text, texts, type SvgContext } from './draw.js';

export function stepLegend(ctx: SvgContext): string {
  const s = ctx.target.steps;
  if (!s) return '';
  let body = texts(ctx, s.headings);
  for (const e of s.entries) {
    const g = { id: ctx.pid(`step-${e.n}`), class: `step ${e.flow}`, 'data-step': e.n, 'data-flow': e.flow };
    body += el('g', g, stepBadge(ctx, e.badge) + texts(ctx, e.lines));
  }
  for (const n of s.notes) body += text(ctx, n);
  return el('g', { id: ctx.pid('steps'), class: 'step-legend', transform: `translate(${s.x} ${s.y})` }, body);
}
