/** Connections (drawn after the boxes so no arrow hides behind one) and their label chips. */
import type { Connection, Point } from '../../model/diagram-target.js';
import { el, textEl } from './markup.js';
import { icon, stepBadge, text, type SvgContext } from './draw.js';

const f2 = (n: number) => Math.round(n * 100) / 100;

export function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${f2(p.x)} ${f2(p.y)}`).join(' ');
}

/** The arrowhead marker id of a connection: its style's, or its TLS line's when that recolours it. */
function markerKey(c: Connection, base: string): string {
  return c.line && c.line.stroke !== base ? `${c.style}-${c.line.tls}` : c.style;
}

/** The arrowhead markers, one per edge style (and recoloured TLS line) in order of first use. */
export function markers(ctx: SvgContext): string {
  let out = '';
  const keys = new Map<string, string>();
  for (const c of ctx.target.connections) {
    const base = ctx.target.theme.edges[c.style].stroke;
    const k = markerKey(c, base);
    if (!keys.has(k)) keys.set(k, k === c.style ? base : c.line!.stroke);
  }
  for (const [s, fill] of keys) {
    const a = {
      markerWidth: 9,
      markerHeight: 9,
      refX: 9,
      refY: 5,
      viewBox: '0 0 10 10',
      orient: 'auto',
      id: ctx.pid(`arrow-${s}`),
      markerUnits: 'userSpaceOnUse',
    };
    out += el('marker', a, el('path', { d: 'M0 0 L10 5 L0 10 z', fill }));
  }
  return out;
}

function edge(ctx: SvgContext, c: Connection): string {
  const theme = ctx.target.theme.edges[c.style];
  // The TLS state's line (dotted plaintext, dashed passthrough, heavy mTLS) replaces the class's line.
  const look = c.line ? { stroke: c.line.stroke, width: c.line.width, dash: c.line.dash } : theme;
  const g = {
    id: ctx.pid(`e${c.index}`),
    class: `edge ${c.style}`,
    'data-id': c.id,
    'data-from': c.from,
    'data-to': c.to,
    'data-style': c.style,
    'data-points': c.points.map((p) => `${p.x},${p.y}`).join(' '),
  };
  const path = {
    d: pathData(c.points),
    fill: 'none',
    stroke: look.stroke,
    'stroke-width': look.width,
    'stroke-linejoin': 'round',
    'stroke-dasharray': look.dash,
    'data-tls': c.line?.tls,
    'marker-end': c.arrow ? `url(#${ctx.pid(`arrow-${markerKey(c, theme.stroke)}`)})` : undefined,
  };
  return el('g', g, textEl('title', {}, c.tooltip) + el('path', path));
}

function label(ctx: SvgContext, c: Connection): string {
  if (c.badge) {
    const g = { id: ctx.pid(`e${c.index}-label`), class: 'edge-label step-badge', 'data-id': c.id, 'data-step': c.badge.label.text };
    return el('g', g, stepBadge(ctx, c.badge));
  }
  const l = c.label;
  if (!l) return '';
  const b = l.box;
  const chip = {
    width: b.width,
    height: b.height,
    x: b.x,
    y: b.y,
    rx: 3,
    fill: ctx.target.theme.chip,
    'fill-opacity': 0.92,
    stroke: l.stroke,
    'stroke-width': 0.6,
  };
  let body = el('rect', chip);
  if (l.step) body += stepBadge(ctx, l.step);
  if (l.text) body += text(ctx, l.text);
  if (l.tls) body += icon(ctx, l.tls);
  return el('g', { id: ctx.pid(`e${c.index}-label`), class: 'edge-label', 'data-id': c.id }, body);
}

export function edges(ctx: SvgContext): string {
  let lines = '';
  let labels = '';
  for (const c of ctx.target.connections) {
    lines += edge(ctx, c);
    labels += label(ctx, c);
  }
  return el('g', { id: ctx.pid('edges') }, lines) + el('g', { id: ctx.pid('edge-labels') }, labels);
}
