/**
 * `aksnet diagram --diff base.ts`: the head design drawn with what changed since the base marked.
 * Removed parts are put back into the drawn model so they can be shown ghosted; after rendering,
 * an overlay marks each changed element's box (green added, amber changed, grey dashed and faded
 * removed); the key row that explains the marks is drawn by the renderer (markKey), inside the canvas.
 */
import { xmlUnescape } from '../shared/text-safety.js';
import type { MarkKeyInput } from '../model/diagram-target.js';
import type { Model } from '../model/types.js';
import { compareModels } from './compare.js';

export type Mark = 'added' | 'removed' | 'changed';

const LOOK: Record<Mark, { stroke: string; dash?: string; label: string }> = {
  added: { stroke: '#2E7D32', label: 'added' },
  changed: { stroke: '#E08A00', label: 'changed' },
  removed: { stroke: '#9E9E9E', dash: '6 4', label: 'removed (ghosted)' },
};

/** The head model plus the base's removed elements, and the mark of every element that changed. */
export function diffModel(base: Model, head: Model): { model: Model; marks: Map<string, Mark> } {
  const marks = new Map<string, Mark>();
  for (const c of compareModels(base, head)) marks.set(c.id, c.change);
  // A changed hop of an ingress path marks the element it goes through.
  const baseHops = new Map(base.ingressPaths.map((p) => [p.id, p.hops]));
  for (const p of head.ingressPaths) {
    const before = baseHops.get(p.id);
    if (!before) continue;
    for (const h of p.hops) {
      const b = before.find((x) => x.resource === h.resource);
      if (
        b &&
        (b.tls !== h.tls || b.port !== h.port || b.protocol !== h.protocol || b.waf !== h.waf) &&
        !marks.has(h.resource)
      )
        marks.set(h.resource, 'changed');
    }
  }
  const headIds = new Set(head.resources.map((r) => r.id));
  const removed = base.resources.filter((r) => !headIds.has(r.id));
  const ids = new Set([...headIds, ...removed.map((r) => r.id)]);
  const resources = [...head.resources, ...removed]
    .map((r) => {
      // A VNet that lost subnets still draws them, ghosted.
      if (r.kind !== 'vnet') return r;
      const was = base.resources.find((x) => x.id === r.id);
      const subnets = [...new Set([...r.subnets, ...(was?.kind === 'vnet' ? was.subnets : [])])].filter((s) =>
        ids.has(s),
      );
      return { ...r, subnets };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edgeIds = new Set(head.edges.map((e) => e.id));
  const edges = [
    ...head.edges,
    ...base.edges.filter(
      (e) =>
        !edgeIds.has(e.id) &&
        ids.has(e.from) &&
        ids.has(e.to) &&
        (marks.get(e.from) === 'removed' || marks.get(e.to) === 'removed'),
    ),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { model: { ...head, resources, edges }, marks };
}

const NUM = /^-?\d+(\.\d+)?$/;

/**
 * The key row that explains the marks, for the renderer to draw under the legends (DiagramOptions.markKey), so the
 * canvas, an overview's 16:9 frame included, is sized with it; none when nothing changed.
 */
export function markKey(marks: Map<string, Mark>): MarkKeyInput | undefined {
  if (marks.size === 0) return undefined;
  return {
    title: 'Changes since the base design:',
    entries: (['added', 'changed', 'removed'] as const).map((mark) => {
      const look = LOOK[mark];
      return { mark, label: look.label, stroke: look.stroke, ...(look.dash ? { dash: '4 3' } : {}) };
    }),
  };
}

/**
 * Adds the marks to a picture rendered with their key row (markKey). Elements are found by their data-element box.
 */
export function markSvg(svg: string, marks: Map<string, Mark>): string {
  // The diagram group is shifted down by the metadata block (and an overview's across, centred in its frame);
  // marks use the same offset.
  const shift = /<g\b[^>]*\bid="[^"]*diagram"[^>]*>/.exec(svg)?.[0].match(/translate\(([\d.]+) ([\d.]+)\)/);
  const dx = Number(shift?.[1] ?? 0);
  const dy = Number(shift?.[2] ?? 0);
  const boxes: string[] = [];
  for (const m of svg.matchAll(/<g\b[^>]*\bdata-element="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    const mark = marks.get(xmlUnescape(m[1]!));
    if (!mark) continue;
    const attr = (k: string) => new RegExp(`\\b${k}="([^"]+)"`).exec(tag)?.[1];
    const [x, y, w, h] = ['data-x', 'data-y', 'data-width', 'data-height'].map(attr);
    if (![x, y, w, h].every((v) => v !== undefined && NUM.test(v))) continue;
    const look = LOOK[mark];
    const X = Number(x) + dx - 3;
    const Y = Number(y) + dy - 3;
    const W = Number(w) + 6;
    const H = Number(h) + 6;
    if (mark === 'removed') boxes.push(`<rect ${box(X, Y, W, H)} fill="#FFFFFF" fill-opacity="0.65" stroke="none"/>`);
    boxes.push(`<rect class="diff-${mark}" ${box(X, Y, W, H)} rx="6" ${stroke(look.stroke, look.dash)}/>`);
  }
  if (boxes.length === 0) return svg;
  // Ids carry the drawing's own prefix, so two diagrams inlined in one page never share one.
  const prefix = /<svg\b[^>]*\bid="([^"]*)svg"/.exec(svg)?.[1] ?? '';
  // Drawn last, over the picture.
  const overlay = `<g id="${prefix}diff-marks" class="diff-marks">${boxes.join('')}</g>`;
  return svg.replace(/<\/svg>\s*$/, `${overlay}</svg>\n`);
}

function box(x: number, y: number, w: number, h: number): string {
  return `x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}"`;
}

function stroke(color: string, dash: string | undefined): string {
  return `fill="none" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
}

function f(n: number): string {
  return String(Math.round(n * 100) / 100);
}

