/**
 * `aksnet diagram --diff base.ts`: the head design drawn with what changed since the base marked.
 * Removed parts are put back into the drawn model so they can be shown ghosted; after rendering,
 * an overlay marks each changed element's box (green added, amber changed, grey dashed and faded
 * removed) and a legend row explains the marks. The renderer itself is untouched.
 */
import { xmlUnescape } from '../shared/text-safety.js';
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

/** Adds the marks and a legend row to a rendered SVG. Elements are found by their data-element box. */
export function markSvg(svg: string, marks: Map<string, Mark>): string {
  const size = /<svg[^>]*\bviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  // The diagram group is shifted down by the metadata block (and an overview's across, centred in its frame);
  // marks use the same offset.
  const shift = /<g\b[^>]*\bid="[^"]*diagram"[^>]*>/.exec(svg)?.[0].match(/translate\(([\d.]+) ([\d.]+)\)/);
  if (!size) return svg;
  const height = Number(size[2]);
  const dx = Number(shift?.[1] ?? 0);
  const dy = Number(shift?.[2] ?? 0);
  const boxes: string[] = [];
  const used = new Set<Mark>();
  for (const m of svg.matchAll(/<g\b[^>]*\bdata-element="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    const mark = marks.get(xmlUnescape(m[1]!));
    if (!mark) continue;
    const attr = (k: string) => new RegExp(`\\b${k}="([^"]+)"`).exec(tag)?.[1];
    const [x, y, w, h] = ['data-x', 'data-y', 'data-width', 'data-height'].map(attr);
    if (![x, y, w, h].every((v) => v !== undefined && NUM.test(v))) continue;
    used.add(mark);
    const look = LOOK[mark];
    const X = Number(x) + dx - 3;
    const Y = Number(y) + dy - 3;
    const W = Number(w) + 6;
    const H = Number(h) + 6;
    if (mark === 'removed') boxes.push(`<rect ${box(X, Y, W, H)} fill="#FFFFFF" fill-opacity="0.65" stroke="none"/>`);
    boxes.push(`<rect class="diff-${mark}" ${box(X, Y, W, H)} rx="6" ${stroke(look.stroke, look.dash)}/>`);
  }
  if (used.size === 0 && marks.size === 0) return svg;
  const rowH = 28;
  const newH = height + rowH;
  const legend: string[] = [];
  let lx = 16;
  const ly = height + 8;
  legend.push(
    `<text x="${f(lx)}" y="${f(ly + 12)}" font-size="12" fill="#333333">Changes since the base design:</text>`,
  );
  lx += 215;
  for (const mark of ['added', 'changed', 'removed'] as const) {
    const look = LOOK[mark];
    legend.push(`<rect ${box(lx, ly + 1, 18, 14)} rx="3" ${stroke(look.stroke, look.dash ? '4 3' : undefined)}/>`);
    legend.push(`<text x="${f(lx + 24)}" y="${f(ly + 12)}" font-size="12" fill="#333333">${look.label}</text>`);
    lx += 24 + look.label.length * 7 + 18;
  }
  // Ids carry the drawing's own prefix, so two diagrams inlined in one page never share one.
  const prefix = /<svg\b[^>]*\bid="([^"]*)svg"/.exec(svg)?.[1] ?? '';
  const overlay =
    `<g id="${prefix}diff-marks" class="diff-marks">${boxes.join('')}</g>` +
    `<g id="${prefix}diff-legend" class="diff-legend">${legend.join('')}</g>`;
  return svg
    .replace(size[0], size[0].replace(`viewBox="0 0 ${size[1]} ${size[2]}"`, `viewBox="0 0 ${size[1]} ${f(newH)}"`))
    .replace(/(<svg[^>]*\bheight=")([\d.]+)(")/, `$1${f(newH)}$3`)
    .replace(/(<rect[^>]*\bwidth="[\d.]+"[^>]*\bheight=")([\d.]+)("[^>]*id="[^"]*bg")/, `$1${f(newH)}$3`)
    .replace(/<\/svg>\s*$/, `${overlay}</svg>\n`)
    .replace(/\n\n$/, '\n');
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

