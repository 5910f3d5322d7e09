/** Shared drawing pieces of the SVG renderer: the render context, text runs, icons, boxes, hop badges. */
import type { BoxTheme, DiagramTarget, IconPlacement, StepBadge, TextRun } from '../../model/diagram-target.js';
import { canonicalMarkup, el, textEl } from './markup.js';

export interface SvgContext {
  target: DiagramTarget;
  /** A document-unique id: `<view>-<uid>-<local>`. */
  pid: (local: string) => string;
  /** Text drawn per weight, for the embedded font subset. */
  used: { regular: Set<string>; bold: Set<string> };
}

export function context(target: DiagramTarget): SvgContext {
  const prefix = `${target.view}-${target.uid}-`;
  return { target, pid: (local) => prefix + local, used: { regular: new Set(), bold: new Set() } };
}

export function text(ctx: SvgContext, t: TextRun, id?: string): string {
  ctx.used[t.weight].add(t.text);
  const weight = t.weight === 'bold' ? 700 : undefined;
  return textEl(
    'text',
    { x: t.x, y: t.y, 'font-size': t.size, fill: t.fill, 'font-weight': weight, id: id && ctx.pid(id) },
    t.text,
  );
}

export function texts(ctx: SvgContext, runs: readonly TextRun[]): string {
  let out = '';
  for (const t of runs) out += text(ctx, t);
  return out;
}

/** A nested `<svg>` drawing an icon, with its ids suffixed per drawing. */
export function icon(ctx: SvgContext, p: IconPlacement): string {
  const def = ctx.target.icons[p.icon];
  if (!def) throw new Error(`internal error: diagram target has no icon ${JSON.stringify(p.icon)}`);
  const a = {
    x: p.x,
    y: p.y,
    width: p.size,
    height: p.size,
    viewBox: def.viewBox,
    class: p.className,
    id: p.id && ctx.pid(p.id),
  };
  return el('svg', a, canonicalMarkup(instanceIds(def.body, ctx.pid(p.instance))));
}

export function boxRect(look: BoxTheme, width: number, height: number, x: number, y: number, rx = look.radius): string {
  const a = {
    width,
    height,
    x,
    y,
    rx,
    fill: look.fill,
    stroke: look.stroke,
    'stroke-width': look.strokeWidth,
    'stroke-dasharray': look.dash,
  };
  return el('rect', a);
}

export function stepBadge(ctx: SvgContext, b: StepBadge): string {
  const ring = b.stroke ? { stroke: b.stroke, 'stroke-width': 1.8 } : {};
  return el('circle', { r: b.r, cx: b.cx, cy: b.cy, fill: b.fill, ...ring }) + text(ctx, b.label);
}

/**
 * Icon-pack icons may carry ids (gradients, clip paths); the same icon drawn twice would repeat them.
 * Each drawing gets its own suffix on every id and on the local references to it.
 */
export function instanceIds(body: string, suffix: string): string {
  if (!/(?<![\w-])id="/.test(body)) return body;
  return body
    .replace(/(?<![\w-])id="([^"]+)"/g, (_m, id: string) => `id="${id}--${suffix}"`)
    .replace(/url\(#([^)\s]+)\)/g, (_m, id: string) => `url(#${id}--${suffix})`)
    .replace(/\b((?:xlink:)?href)="#([^"]+)"/g, (_m, attr: string, id: string) => `${attr}="#${id}--${suffix}"`);
}
