/** Measures every label with the vendored font and sizes boxes before layout. */
import type { ViewEdge, ViewGraph, ViewNode } from '../model/view-graph.js';
import type { LayoutEdge, LayoutNode, LayoutRequest } from '../layout/elk.js';
import { EDGE_LABEL, HEADER, LEAF, TYPE, leafLook } from './style.js';
import { ellipsize, wrapText, type TextMetrics } from './text.js';
import { gridColumns } from './grid.js';

export interface TextLine {
  text: string;
  size: number;
  weight: 'regular' | 'bold';
  /** Measured width in px. */
  width: number;
  role: 'label' | 'detail';
}

export interface MeasuredNode {
  node: ViewNode;
  container: boolean;
  lines: TextLine[];
  /** Full, untruncated text for `<title>`. */
  fullText: string;
  /** Leaf size / container minimum size. */
  width: number;
  height: number;
  /** Container header height. */
  header: number;
}

export interface MeasuredEdge {
  edge: ViewEdge;
  text?: string;
  textWidth: number;
  width: number;
  height: number;
}

export interface Measured {
  nodes: MeasuredNode[];
  edges: MeasuredEdge[];
  request: LayoutRequest;
}

/** Removes characters XML 1.0 cannot carry. */
export function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** ELK spacing of a compact view (overview): closer layers and siblings; routes still keep clear of boxes. */
const COMPACT: Record<string, string> = {
  'elk.layered.spacing.nodeNodeBetweenLayers': '30',
  'elk.spacing.nodeNode': '16',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.spacing.componentComponent': '24',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/**
 * ELK spacing of the overview (a compact view, not a dense one) on top of COMPACT: the columns closer still. Its
 * lines carry no words, only a step number (16 px) each, which fits between two columns this far apart; a line keeps
 * 10 px from the boxes of the columns it passes, so two lines into one box leave room for their numbers.
 */
const OVERVIEW: Record<string, string> = {
  'elk.layered.spacing.nodeNodeBetweenLayers': '20',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
};

/** Text width of a compact view's leaf: longer names wrap onto a second line. */
const COMPACT_LEAF_TEXT = 96;
/**
 * Text width of a dense (print) view's leaf: its boxes keep their details (SKU, node counts, addresses), which at the
 * compact width would break inside names such as Standard_D4ds_v5.
 */
const DENSE_LEAF_TEXT = 140;
/** The repeated parts whose order every view shares (`partOrder`): regions, VNets (spokes) and clusters (stamps). */
const ORDERED_KINDS = new Set(['region', 'vnet', 'cluster']);

/** ELK's gaps between boxes of one column and between columns (ROOT_OPTIONS, COMPACT), for estimating grids. */
const SCREEN_GAPS = { node: 24, layer: 56 };
const DENSE_GAPS = { node: 16, layer: 30 };

/** Text width of a compact view's container header: an overview is wider than its page, so headers wrap sooner. */
const COMPACT_HEADER_TEXT = 200;

/** Lines one detail of a box may take. */
const DETAIL_LINES = 4;

/**
 * A detail wrapped at spaces only, so that a name such as Standard_D4ds_v5 stays whole on its line (a word wider
 * than `max` is still cut by wrapText); undefined when that takes more than DETAIL_LINES lines.
 */
function wrapAtSpaces(m: TextMetrics, text: string, max: number): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const next = cur === '' ? word : `${cur} ${word}`;
    if (m.width(next, TYPE.detail) <= max) {
      cur = next;
      continue;
    }
    if (cur !== '') out.push(cur);
    const pieces = m.width(word, TYPE.detail) <= max ? [word] : wrapText(m, word, max, TYPE.detail, 'regular', DETAIL_LINES);
    out.push(...pieces.slice(0, -1));
    cur = pieces.at(-1) ?? '';
  }
  if (cur !== '') out.push(cur);
  return out.length <= DETAIL_LINES ? out : undefined;
}

function lines(m: TextMetrics, n: ViewNode, max: number, atSpaces = false): TextLine[] {
  const out: TextLine[] = [];
  const label = wrapText(m, clean(n.label), max, TYPE.label, 'bold', 3);
  for (const t of label) out.push({ text: t, size: TYPE.label, weight: 'bold', width: m.width(t, TYPE.label, 'bold'), role: 'label' });
  // A box grows to hold its details: a long one wraps onto more lines instead of ending in "…" (only text
  // longer than DETAIL_LINES lines is still cut, and the tooltip keeps it whole). A dense box, narrower than the
  // screen's, wraps them at spaces, so that it breaks no SKU or resource name the screen drawing keeps whole.
  for (const d of n.details) {
    const text = clean(d).replace(/\s+/g, ' ').trim();
    const wrapped = (atSpaces ? wrapAtSpaces(m, text, max) : undefined) ?? wrapText(m, text, max, TYPE.detail, 'regular', DETAIL_LINES);
    for (const t of wrapped) {
      out.push({ text: t, size: TYPE.detail, weight: 'regular', width: m.width(t, TYPE.detail), role: 'detail' });
    }
  }
  return out;
}

function textHeight(m: TextMetrics, ls: TextLine[]): number {
  return ls.reduce((a, l) => a + m.lineHeight(l.size), 0);
}

const HEADER_SLACK = 34;
const COMPACT_HEADER_SLACK = 12;

/** Room for a compact container header's text in a box `width` wide (the inverse of its measured width). */
export const headerTextRoom = (width: number): number => Math.floor(width - HEADER.padX * 2 - COMPACT_HEADER_SLACK);

export interface MeasureOptions {
  /**
   * Text width of given containers' headers (a compact view's second pass: a header wraps at the width its box was
   * laid out with, not at the narrow first guess, so a wide VNet's header takes two lines instead of five).
   */
  headerText?: ReadonlyMap<string, number>;
}

export function measure(m: TextMetrics, g: ViewGraph, opts: MeasureOptions = {}): Measured {
  // A dense (print) view packs its boxes as a compact one does; only a compact one drops the words on its lines.
  const small = g.compact === true || g.dense === true;
  const containers = new Set(g.nodes.map((n) => n.parent).filter((p): p is string => p !== undefined));
  const nodes: MeasuredNode[] = g.nodes.map((node) => {
    const container = containers.has(node.id);
    const fullText = [node.label, ...node.details].map(clean).join('\n');
    if (container) {
      const base = g.compact ? COMPACT_HEADER_TEXT : HEADER.maxText;
      const ls = lines(m, node, Math.max(base, opts.headerText?.get(node.id) ?? 0));
      const textW = Math.max(0, ...ls.map((l) => l.width));
      const header = Math.ceil(HEADER.padY * 2 + textHeight(m, ls));
      // Room right of the header for a finding chip; a compact view's chips sit on the border above its text.
      const slack = g.compact ? COMPACT_HEADER_SLACK : HEADER_SLACK;
      return { node, container, lines: ls, fullText, width: Math.ceil(textW + HEADER.padX * 2 + slack), height: header + 24, header };
    }
    // A compact box keeps the full width for a name that two narrow lines cannot hold whole, and is as wide as the
    // widest piece of its name between hyphens and spaces: a name breaks there, never inside a word.
    // A dense box also breaks a dotted name (a private DNS zone's privatelink.vaultcore.azure.net) after a dot.
    const breaks = g.dense === true && g.compact !== true ? /(?<=[-\s.])/ : /(?<=[-\s])/;
    const widestPiece = Math.max(0, ...clean(node.label).split(breaks).map((t) => m.width(t.trim(), TYPE.label, 'bold')));
    const narrow = g.compact ? COMPACT_LEAF_TEXT : DENSE_LEAF_TEXT;
    let maxText = small ? Math.min(LEAF.maxText, Math.max(narrow, Math.ceil(widestPiece))) : LEAF.maxText;
    const atSpaces = g.dense === true && g.compact !== true;
    let ls = lines(m, node, maxText, atSpaces);
    if (maxText < LEAF.maxText && ls.some((l) => l.role === 'label' && l.text.endsWith('…'))) {
      maxText = LEAF.maxText;
      ls = lines(m, node, maxText, atSpaces);
    }
    // A box whose details wrapped takes the full text width, as wide as it was when they were cut short.
    const wrapped = ls.filter((l) => l.role === 'detail').length > node.details.length;
    const textW = Math.max(wrapped ? maxText : 0, ...ls.map((l) => l.width));
    const leaf = leafLook(small);
    const width = Math.max(leaf.minWidth, Math.ceil(leaf.padX * 2 + leaf.icon + leaf.gap + textW));
    const height = Math.max(leaf.minHeight, Math.ceil(leaf.padY * 2 + textHeight(m, ls)));
    return { node, container, lines: ls, fullText, width, height, header: 0 };
  });
  const edges: MeasuredEdge[] = g.edges.map((edge) => {
    // A compact view writes no words on its lines (its step legend does), so none are measured.
    const text = edge.label && !g.compact ? ellipsize(m, clean(edge.label), 160, TYPE.edge) : undefined;
    const textWidth = text ? m.width(text, TYPE.edge) : 0;
    let width = EDGE_LABEL.padX * 2 + textWidth;
    if (edge.step !== undefined) width += EDGE_LABEL.badge + EDGE_LABEL.gap;
    if (edge.tls) width += EDGE_LABEL.glyph + EDGE_LABEL.gap;
    return { edge, ...(text ? { text } : {}), textWidth, width: Math.ceil(width), height: EDGE_LABEL.height };
  });
  // Stamps and spokes in the view's order (the design's part order): ranks ELK keeps within each column.
  const rankOf = new Map<string, number>();
  if (g.keepOrder) for (const n of g.nodes) if (ORDERED_KINDS.has(n.kind)) rankOf.set(n.id, rankOf.size);
  // The overview's containers sit closest around their content: four levels deep (region, VNet, subnet, cluster),
  // each pixel of padding costs the picture up to eight of its width and of its height.
  const pad = g.compact ? 3 : 6;
  const containerPadding = (header: number) =>
    small
      ? { top: header + pad, left: pad, bottom: pad, right: pad }
      : { top: header + 12, left: 14, bottom: 14, right: 14 };
  const layoutNodes: LayoutNode[] = nodes.map((n) => ({
    id: n.node.id,
    ...(n.node.parent !== undefined ? { parent: n.node.parent } : {}),
    width: n.width,
    height: n.height,
    container: n.container,
    ...(n.container ? { padding: containerPadding(n.header) } : {}),
    ...(n.node.ports && !n.container ? { ports: true } : {}),
    ...(n.node.layer ? { layer: n.node.layer } : {}),
    ...(rankOf.has(n.node.id) ? { order: rankOf.get(n.node.id)! } : {}),
  }));
  const layoutEdges: LayoutEdge[] = edges.map((e) => ({
    id: e.edge.id,
    from: e.edge.from,
    to: e.edge.to,
    ...(!g.compact && (e.text || e.edge.step !== undefined || e.edge.tls) ? { label: { width: e.width, height: e.height } } : {}),
    // A compact map lays egress out against the ingress direction: the way out shares the columns of the way in
    // (hub on the left, spoke on the right) instead of adding columns after the pods. A private DNS zone's VNet
    // links run from the VNets, so the zones share the last column with the PaaS services instead of adding one of
    // their own on the left.
    ...((g.compact && e.edge.style === 'egress') || e.edge.style === 'dns-link' ? { reverse: true } : {}),
  }));
  const hints = [...(g.hints ?? [])];
  // A grid's columns are undrawn boxes of their own, chained by hints (render/grid.ts).
  if (g.grids) hints.push(...gridColumns(layoutNodes, layoutEdges, hints, g.grids, small ? DENSE_GAPS : SCREEN_GAPS));
  hints.forEach((h, i) => layoutEdges.push({ id: `hint:${i}`, from: h.from, to: h.to }));
  return { nodes, edges, request: {
      nodes: layoutNodes,
      edges: layoutEdges,
      direction: 'RIGHT',
      // Grids keep their boxes' order down each column.
      ...(g.keepOrder || g.grids ? { orderHints: true } : {}),
      // Model order and thorough crossing minimisation cost most on big graphs (20-spoke designs).
      modelOrder: g.nodes.length <= 150,
      ...(g.nodes.length > 150 || g.keepOrder || small || g.view === 'topology'
        ? {
            options: {
              ...(g.nodes.length > 150 ? { 'elk.layered.thoroughness': '3' } : {}),
              // The topology's columns are as wide as their widest box: compaction pulls the narrower ones in.
              ...(g.view === 'topology' ? { 'elk.layered.compaction.postCompaction.strategy': 'EDGE_LENGTH' } : {}),
              ...(g.keepOrder ? { 'elk.layered.crossingMinimization.forceNodeModelOrder': 'true' } : {}),
              ...(small ? COMPACT : {}),
              ...(g.compact ? OVERVIEW : {}),
            },
          }
        : {}),
    },
  };
}
