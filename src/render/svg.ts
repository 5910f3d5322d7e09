/**
 * Renders a laid-out view with svg.js on svgdom: boxes per container level, edges per traffic
 * class, numbered hop badges, TLS glyphs, finding badges, a legend and a metadata block.
 *
 * Output is self-contained and deterministic: every id is set explicitly, numbers are rounded to
 * two decimals, the font is embedded as a subset, and there are no external references.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../validate/finding.js';
import type { ModelMetadata } from '../model/types.js';
import type { BoxStyle, EdgeStyle, ViewGraph } from '../diagram/graph.js';
import type { Box, LayoutResult, Point } from '../layout/elk.js';
import type { Measured, MeasuredNode, TextLine } from './measure.js';
import { clean } from './measure.js';
import { BOX, DETAIL_COLOR, EDGE, EDGE_LABEL, HEADER, LEAF, SEVERITY_LOOK, TEXT_COLOR, TYPE } from './style.js';
import { fontFace, FONT_FAMILY, wrapText, type TextMetrics, type Weight } from './text.js';
import { glyphTint, KIND_ABBR, tlsGlyph, TLS_LEGEND } from './glyphs.js';
import type { TlsState } from '../model/types.js';

/** An icon as the icon pack provides it. */
export interface Icon {
  viewBox: string;
  body: string;
}
export type IconLookup = (kind: string) => Icon | undefined;

export interface RenderInput {
  graph: ViewGraph;
  measured: Measured;
  layout: LayoutResult;
  metadata: ModelMetadata;
  findings?: Finding[];
  icons?: IconLookup;
  metadataBlock?: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type El = any;

interface SvgLib {
  svgjs: any;
  svgdom: any;
}

let lib: Promise<SvgLib> | undefined;

/** svg.js bound to an svgdom window (both imported on first use). */
async function svgLib(): Promise<SvgLib> {
  lib ??= (async () => {
    const svgdom = await import('svgdom');
    const svgjs = (await import('@svgdotjs/svg.js')) as any;
    return { svgjs, svgdom };
  })();
  return lib;
}

const TLS_ICON: Record<TlsState, string> = { tls: 'tls-lock', plaintext: 'tls-open', passthrough: 'tls-passthrough', mtls: 'tls-mtls' };

const f2 = (n: number) => Math.round(n * 100) / 100;
const MARGIN = 16;

type Sev = 'error' | 'warning' | 'info';

export async function renderSvg(m: TextMetrics, input: RenderInput): Promise<{ svg: string; width: number; height: number }> {
  const { svgjs, svgdom } = await svgLib();
  const { graph, measured, layout } = input;
  const view = graph.view;
  // Ids and the embedded font's family carry a short content hash, so several diagrams inlined into
  // one HTML page (a review pack) neither share ids nor override each other's (or the page's) fonts.
  const uid = createHash('sha256').update(JSON.stringify([input.metadata.title, graph, input.metadataBlock !== false])).digest('hex').slice(0, 8);
  const pid = (s: string) => `${view}-${uid}-${s}`;
  let glyphs = 0;
  const family = `aksnet-${uid}`;
  const fontStack = `"${family}","${FONT_FAMILY}",sans-serif`;
  const used = { regular: new Set<string>(), bold: new Set<string>() };
  const note = (t: string, w: Weight) => used[w].add(t);

  // A fresh window and document per render so nothing leaks between diagrams.
  const window = svgdom.createSVGWindow();
  svgjs.registerWindow(window, window.document);
  const canvas = svgjs.SVG(window.document.documentElement);

  const meta = input.metadata;
  const title = `${clean(meta.title)}: ${graph.title}`;
  canvas.element('title').id(pid('title')).words(title);
  canvas.element('desc').id(pid('desc')).words(`${graph.description} ${metaLine(meta)}`);
  const defs = canvas.defs().id(pid('defs'));
  const style = defs.element('style').id(pid('style'));

  const edgeStyles = new Set<EdgeStyle>(graph.edges.map((e) => e.style));
  for (const s of edgeStyles) {
    const look = EDGE[s];
    const marker = defs.marker(9, 9, () => undefined).id(pid(`arrow-${s}`)).attr({ viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' });
    marker.path('M0 0 L10 5 L0 10 z').attr({ fill: look.stroke });
  }

  const text = (parent: El, t: string, x: number, y: number, size: number, weight: Weight, fill = TEXT_COLOR, id?: string) => {
    note(t, weight);
    const el = parent.plain(t).attr({ x: f2(x), y: f2(y), 'font-size': size, fill });
    if (weight === 'bold') el.attr('font-weight', 700);
    if (id) el.id(id);
    return el;
  };

  // ---- header (metadata block) ----
  const content = input.metadataBlock === false ? [] : headerLines(m, meta, graph.title, Math.max(layout.width, 900) - 2 * MARGIN);
  const headerH = content.length ? Math.ceil(MARGIN + content.reduce((a, l) => a + m.lineHeight(l.size) + 2, 0) + 10) : 0;

  // ---- legend ----
  const legendItems = legend(graph, measured, input.findings ? usedSeverities(graph, input.findings) : new Set());
  const diagramW = Math.max(layout.width, 560);
  const legendLayout = placeLegend(m, legendItems, diagramW - 2 * MARGIN);
  const width = f2(Math.max(diagramW, ...content.map((l) => l.width + 2 * MARGIN)));
  const height = f2(headerH + layout.height + legendLayout.height + MARGIN);

  canvas.attr({
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${pid('title')} ${pid('desc')}`,
    'font-family': `${family}, ${FONT_FAMILY}, sans-serif`,
    id: pid('svg'),
    'data-view': view,
  });
  canvas.rect(width, height).attr({ x: 0, y: 0, fill: '#FFFFFF' }).id(pid('bg'));

  if (content.length) {
    const g = canvas.group().id(pid('metadata')).attr({ class: 'metadata' });
    let y = MARGIN;
    content.forEach((l, i) => {
      y += m.ascent(l.size);
      text(g, l.text, MARGIN, y, l.size, l.weight, l.role === 'detail' ? DETAIL_COLOR : TEXT_COLOR, pid(`meta-${i}`));
      y += m.lineHeight(l.size) - m.ascent(l.size) + 2;
    });
    g.line(MARGIN, headerH - 6, width - MARGIN, headerH - 6).attr({ stroke: '#BBBBBB', 'stroke-width': 1 }).id(pid('meta-rule'));
  }

  const diagram = canvas.group().id(pid('diagram')).attr({ transform: `translate(0 ${headerH})` });
  const depth = (id: string | undefined): number => {
    let d = 0;
    for (let p = id; p !== undefined; p = graph.nodes.find((n) => n.id === p)?.parent) d++;
    return d;
  };
  const order = measured.nodes.map((n, i) => ({ n, i, d: depth(n.node.parent) }));
  const containers = order.filter((o) => o.n.container).sort((a, b) => a.d - b.d || a.i - b.i);
  const leaves = order.filter((o) => !o.n.container);

  const layerC = diagram.group().id(pid('containers'));
  for (const { n, i } of containers) drawContainer(layerC.group().id(pid(`n${i}`)), n, layout.nodes.get(n.node.id)!);
  const layerL = diagram.group().id(pid('nodes'));
  for (const { n, i } of leaves) drawLeaf(layerL.group().id(pid(`n${i}`)), n, layout.nodes.get(n.node.id)!, i);

  function attrsFor(g: El, n: MeasuredNode, box: Box) {
    g.attr({ class: `node ${n.container ? 'container' : 'leaf'} ${n.node.style}`, 'data-id': n.node.id, 'data-kind': n.node.kind });
    if (n.node.element) g.attr('data-element', n.node.element);
    g.attr({ 'data-x': box.x, 'data-y': box.y, 'data-width': box.width, 'data-height': box.height });
    g.element('title').words(n.fullText);
  }

  function boxRect(g: El, s: BoxStyle, box: Box) {
    const look = BOX[s];
    const r = g.rect(box.width, box.height).attr({ x: box.x, y: box.y, rx: look.radius, fill: look.fill, stroke: look.stroke, 'stroke-width': look.strokeWidth });
    if (look.dash) r.attr('stroke-dasharray', look.dash);
    return r;
  }

  function drawLines(g: El, ls: TextLine[], x: number, top: number) {
    let y = top;
    for (const l of ls) {
      y += m.ascent(l.size);
      text(g, l.text, x, y, l.size, l.weight, l.role === 'detail' ? DETAIL_COLOR : TEXT_COLOR);
      y += m.lineHeight(l.size) - m.ascent(l.size);
    }
  }

  function drawContainer(g: El, n: MeasuredNode, box: Box) {
    attrsFor(g, n, box);
    boxRect(g, n.node.style, box);
    drawLines(g, n.lines, box.x + HEADER.padX, box.y + HEADER.padY);
  }

  function drawLeaf(g: El, n: MeasuredNode, box: Box, i: number) {
    attrsFor(g, n, box);
    boxRect(g, n.node.style, box);
    const gx = box.x + LEAF.padX;
    const gy = box.y + (box.height - LEAF.icon) / 2;
    const icon = input.icons?.(n.node.icon ?? n.node.kind);
    if (icon) {
      const nested = g.nested().attr({ x: f2(gx), y: f2(gy), width: LEAF.icon, height: LEAF.icon, viewBox: icon.viewBox }).id(pid(`n${i}-icon`));
      nested.svg(instanceIds(icon.body, pid(`n${i}`)));
    } else {
      g.rect(LEAF.icon, LEAF.icon).attr({ x: f2(gx), y: f2(gy), rx: 5, fill: glyphTint(n.node.kind), stroke: '#6A6A6A', 'stroke-width': 0.8 });
      const abbr = KIND_ABBR[n.node.kind] ?? n.node.kind.slice(0, 3).toUpperCase();
      const aw = m.width(abbr, TYPE.glyph, 'bold');
      const size = aw > LEAF.icon - 4 ? (TYPE.glyph * (LEAF.icon - 4)) / aw : TYPE.glyph;
      text(g, abbr, gx + (LEAF.icon - m.width(abbr, size, 'bold')) / 2, gy + LEAF.icon / 2 + m.ascent(size) / 2 - 1, f2(size), 'bold', '#333333');
    }
    const th = n.lines.reduce((a, l) => a + m.lineHeight(l.size), 0);
    drawLines(g, n.lines, gx + LEAF.icon + LEAF.gap, box.y + (box.height - th) / 2);
  }

  // ---- edges (drawn after boxes so no arrow hides behind a box) ----
  const layerE = diagram.group().id(pid('edges'));
  const layerEL = diagram.group().id(pid('edge-labels'));
  measured.edges.forEach((me, i) => {
    const e = me.edge;
    const route = layout.edges.get(e.id)!;
    const look = EDGE[e.style];
    const g = layerE.group().id(pid(`e${i}`)).attr({ class: `edge ${e.style}`, 'data-id': e.id, 'data-from': e.from, 'data-to': e.to, 'data-style': e.style });
    g.attr('data-points', route.points.map((p) => `${p.x},${p.y}`).join(' '));
    g.element('title').words(clean([e.label, e.step !== undefined ? `hop ${e.step}` : '', e.tls ? TLS_LEGEND[e.tls] : ''].filter(Boolean).join(' · ')) || e.style);
    const p = g.path(pathData(route.points)).attr({ fill: 'none', stroke: look.stroke, 'stroke-width': look.width, 'stroke-linejoin': 'round' });
    if (look.dash) p.attr('stroke-dasharray', look.dash);
    if (!e.undirected) p.attr('marker-end', `url(#${pid(`arrow-${e.style}`)})`);
    const lb = route.label;
    if (lb && (me.text || e.step !== undefined || e.tls)) {
      const lg = layerEL.group().id(pid(`e${i}-label`)).attr({ class: 'edge-label', 'data-id': e.id });
      lg.rect(lb.width, lb.height).attr({ x: lb.x, y: lb.y, rx: 3, fill: '#FFFFFF', 'fill-opacity': 0.92, stroke: look.stroke, 'stroke-width': 0.6 });
      let x = lb.x + EDGE_LABEL.padX;
      const cy = lb.y + lb.height / 2;
      if (e.step !== undefined) {
        badge(lg, String(e.step), x + EDGE_LABEL.badge / 2, cy, look.stroke);
        x += EDGE_LABEL.badge + EDGE_LABEL.gap;
      }
      if (me.text) {
        text(lg, me.text, x, cy + m.ascent(TYPE.edge) / 2 - 1, TYPE.edge, 'regular');
        x += me.textWidth + EDGE_LABEL.gap;
      }
      if (e.tls) glyph(lg, e.tls, x, cy - EDGE_LABEL.glyph / 2);
    }
  });

  function glyph(parent: El, tls: TlsState, x: number, y: number) {
    const ic = input.icons?.(TLS_ICON[tls]);
    if (ic) {
      const nested = parent.nested().attr({ x: f2(x), y: f2(y), width: EDGE_LABEL.glyph, height: EDGE_LABEL.glyph, viewBox: ic.viewBox, class: `tls ${tls}` });
      nested.svg(instanceIds(ic.body, pid(`g${++glyphs}`)));
    } else parent.group().attr({ transform: `translate(${f2(x)} ${f2(y)})`, class: `tls ${tls}` }).svg(tlsGlyph(tls));
  }

  function sevGlyph(parent: El, sev: Sev, cx: number, cy: number, color: string) {
    const ic = input.icons?.(`sev-${sev}`);
    if (ic) {
      const nested = parent.nested().attr({ x: f2(cx - 6.5), y: f2(cy - 6.5), width: 13, height: 13, viewBox: ic.viewBox });
      nested.svg(instanceIds(ic.body, pid(`g${++glyphs}`)));
    } else severityShape(parent, sev, cx, cy, color);
  }

  function badge(parent: El, label: string, cx: number, cy: number, fill: string) {
    parent.circle(EDGE_LABEL.badge).attr({ cx: f2(cx), cy: f2(cy), fill });
    const w = m.width(label, TYPE.badge, 'bold');
    text(parent, label, cx - w / 2, cy + m.ascent(TYPE.badge) / 2 - 1, TYPE.badge, 'bold', '#FFFFFF');
  }

  // ---- finding badges ----
  if (input.findings) {
    const layerB = diagram.group().id(pid('findings'));
    const counts = findingCounts(input.findings);
    measured.nodes.forEach((n, i) => {
      const el = n.node.element;
      const c = el ? counts.get(el) : undefined;
      if (!c) return;
      const box = layout.nodes.get(n.node.id)!;
      const sev: Sev = c.error ? 'error' : c.warning ? 'warning' : 'info';
      const total = c.error + c.warning + c.info;
      const look = SEVERITY_LOOK[sev];
      const label = String(total);
      const w = Math.ceil(22 + m.width(label, TYPE.badge, 'bold'));
      const x = box.x + box.width - w - 6;
      const y = box.y - 8;
      const g = layerB.group().id(pid(`n${i}-findings`)).attr({ class: `finding-badge ${sev}`, 'data-id': n.node.id, 'data-severity': sev, 'data-count': total });
      g.element('title').words(`${c.error} error, ${c.warning} warning, ${c.info} info open finding(s)`);
      g.rect(w, 16).attr({ x: f2(x), y: f2(y), rx: 8, fill: '#FFFFFF', stroke: look.fill, 'stroke-width': 1.6 });
      sevGlyph(g, sev, x + 9, y + 8, look.fill);
      text(g, label, x + 18, y + 8 + m.ascent(TYPE.badge) / 2 - 1, TYPE.badge, 'bold', TEXT_COLOR);
    });
  }

  // ---- legend ----
  const lgY = headerH + layout.height;
  const legendG = canvas.group().id(pid('legend')).attr({ class: 'legend', transform: `translate(${MARGIN} ${f2(lgY)})` });
  text(legendG, 'Legend', 0, m.ascent(TYPE.legend), TYPE.legend, 'bold', TEXT_COLOR, pid('legend-title'));
  legendLayout.items.forEach(({ item, x, y }, i) => {
    const g = legendG.group().id(pid(`legend-${i}`)).attr({ transform: `translate(${f2(x)} ${f2(y)})`, 'data-legend': item.key });
    const cy = 8;
    if (item.type === 'box') {
      const look = BOX[item.style];
      const r = g.rect(26, 16).attr({ x: 0, y: 0, rx: Math.min(look.radius, 6), fill: look.fill, stroke: look.stroke, 'stroke-width': look.strokeWidth });
      if (look.dash) r.attr('stroke-dasharray', look.dash);
    } else if (item.type === 'edge') {
      const look = EDGE[item.style];
      const p = g.path(`M0 ${cy} H30`).attr({ fill: 'none', stroke: look.stroke, 'stroke-width': look.width });
      if (look.dash) p.attr('stroke-dasharray', look.dash);
      if (item.style !== 'peering') p.attr('marker-end', `url(#${pid(`arrow-${item.style}`)})`);
    } else if (item.type === 'tls') {
      glyph(g, item.tls, 8, 1);
    } else if (item.type === 'badge') {
      badge(g, '1', 13, cy, '#0072B2');
    } else if (item.type === 'severity') {
      const look = SEVERITY_LOOK[item.severity];
      g.rect(26, 16).attr({ x: 0, y: 0, rx: 8, fill: '#FFFFFF', stroke: look.fill, 'stroke-width': 1.6 });
      sevGlyph(g, item.severity, 9, 8, look.fill);
    } else if (item.type === 'glyph') {
      g.rect(16, 16).attr({ x: 5, y: 0, rx: 3, fill: glyphTint('azureFirewall'), stroke: '#6A6A6A', 'stroke-width': 0.8 });
    }
    text(g, item.text, 38, cy + m.ascent(TYPE.legend) / 2 - 1, TYPE.legend, 'regular');
  });

  // ---- embedded font subset ----
  const css: string[] = [];
  if (used.regular.size) css.push(fontFace([...used.regular].join(''), 'regular', family));
  if (used.bold.size) css.push(fontFace([...used.bold].join(''), 'bold', family));
  css.push(`#${pid('svg')} text{font-family:${fontStack};white-space:pre;}`);
  style.words(css.join(''));

  const svg = canvas.svg();
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, width, height };
}

function severityShape(g: El, sev: Sev, cx: number, cy: number, color: string) {
  if (sev === 'error') {
    // octagon-ish stop sign outline with a bar
    g.path(`M${f2(cx - 5)} ${f2(cy - 1)} H${f2(cx + 5)} V${f2(cy + 1)} H${f2(cx - 5)} Z`).attr({ fill: color });
    g.circle(11).attr({ cx: f2(cx), cy: f2(cy), fill: 'none', stroke: color, 'stroke-width': 1.3 });
  } else if (sev === 'warning') {
    g.path(`M${f2(cx)} ${f2(cy - 5.5)} L${f2(cx + 5.5)} ${f2(cy + 4.5)} H${f2(cx - 5.5)} Z`).attr({ fill: 'none', stroke: color, 'stroke-width': 1.3, 'stroke-linejoin': 'round' });
    g.path(`M${f2(cx)} ${f2(cy - 2)} V${f2(cy + 1.5)}`).attr({ stroke: color, 'stroke-width': 1.3 });
  } else {
    g.circle(11).attr({ cx: f2(cx), cy: f2(cy), fill: 'none', stroke: color, 'stroke-width': 1.3 });
    g.path(`M${f2(cx)} ${f2(cy - 1)} V${f2(cy + 3)} M${f2(cx)} ${f2(cy - 3.2)} V${f2(cy - 2.2)}`).attr({ stroke: color, 'stroke-width': 1.4 });
  }
}

function pathData(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${f2(p.x)} ${f2(p.y)}`).join(' ');
}

function metaLine(meta: ModelMetadata): string {
  return [
    meta.version ? `Version ${meta.version}` : 'Version not set',
    meta.date ? `Date ${meta.date}` : 'Date not set',
    meta.owner ? `Owner ${meta.owner}` : 'Owner not set',
    `Status ${meta.status}`,
  ].join(' · ');
}

interface HeaderLine extends TextLine {}

function headerLines(m: TextMetrics, meta: ModelMetadata, viewTitle: string, max: number): HeaderLine[] {
  const out: HeaderLine[] = [];
  const add = (t: string, size: number, weight: Weight, role: 'label' | 'detail') => {
    for (const l of wrapText(m, clean(t), Math.max(max, 300), size, weight, 2)) out.push({ text: l, size, weight, width: m.width(l, size, weight), role });
  };
  add(meta.title, TYPE.title, 'bold', 'label');
  add(viewTitle, TYPE.subtitle, 'bold', 'label');
  add(metaLine(meta), TYPE.meta, 'regular', 'detail');
  return out;
}

type LegendItem =
  | { type: 'box'; key: string; style: BoxStyle; text: string }
  | { type: 'edge'; key: string; style: EdgeStyle; text: string }
  | { type: 'tls'; key: string; tls: TlsState; text: string }
  | { type: 'badge'; key: string; text: string }
  | { type: 'glyph'; key: string; text: string }
  | { type: 'severity'; key: string; severity: Sev; text: string };

const BOX_ORDER: BoxStyle[] = ['region', 'vnet', 'subnet', 'cluster', 'zone', 'actor'];
const EDGE_ORDER: EdgeStyle[] = ['ingress', 'egress', 'management', 'private-link', 'peering', 'hybrid'];
const TLS_ORDER: TlsState[] = ['tls', 'mtls', 'passthrough', 'plaintext'];

function legend(g: ViewGraph, measured: Measured, severities: Set<Sev>): LegendItem[] {
  const items: LegendItem[] = [];
  const containerStyles = new Set(measured.nodes.filter((n) => n.container || n.node.style === 'actor').map((n) => n.node.style));
  for (const s of BOX_ORDER) if (containerStyles.has(s)) items.push({ type: 'box', key: `box-${s}`, style: s, text: BOX[s].legend });
  const edges = new Set(g.edges.map((e) => e.style));
  for (const s of EDGE_ORDER) if (edges.has(s)) items.push({ type: 'edge', key: `edge-${s}`, style: s, text: EDGE[s].legend });
  const tls = new Set(g.edges.map((e) => e.tls).filter((t): t is TlsState => !!t));
  for (const t of TLS_ORDER) if (tls.has(t)) items.push({ type: 'tls', key: `tls-${t}`, tls: t, text: TLS_LEGEND[t] });
  if (g.edges.some((e) => e.step !== undefined)) items.push({ type: 'badge', key: 'badge-hop', text: 'hop number, in path order' });
  for (const s of ['error', 'warning', 'info'] as const) if (severities.has(s)) items.push({ type: 'severity', key: `severity-${s}`, severity: s, text: `${SEVERITY_LOOK[s].legend} (count)` });
  return items;
}

function placeLegend(m: TextMetrics, items: LegendItem[], max: number): { items: Array<{ item: LegendItem; x: number; y: number }>; height: number } {
  const out: Array<{ item: LegendItem; x: number; y: number }> = [];
  let x = 0;
  let y = 22;
  for (const item of items) {
    const w = 38 + m.width(item.text, TYPE.legend) + 22;
    if (x > 0 && x + w > max) {
      x = 0;
      y += 24;
    }
    out.push({ item, x, y });
    x += w;
  }
  return { items: out, height: y + 24 };
}

function findingCounts(findings: Finding[]): Map<string, { error: number; warning: number; info: number }> {
  const out = new Map<string, { error: number; warning: number; info: number }>();
  for (const f of findings) {
    if (!f.element || f.status === 'suppressed') continue;
    const c = out.get(f.element) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    out.set(f.element, c);
  }
  return out;
}

/** Severities of the badges a view shows (a badge shows its element's highest severity). */
function usedSeverities(g: ViewGraph, findings: Finding[]): Set<Sev> {
  const counts = findingCounts(findings);
  const out = new Set<Sev>();
  for (const n of g.nodes) {
    const c = n.element ? counts.get(n.element) : undefined;
    if (c) out.add(c.error ? 'error' : c.warning ? 'warning' : 'info');
  }
  return out;
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
