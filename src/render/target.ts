/**
 * Builds the diagram target (`model/diagram-target.ts`) from a measured and laid-out view: every
 * text run, icon, badge and legend entry placed, every colour final. Renderers take only the result.
 */
import { createHash } from 'node:crypto';
import type { LayoutResult } from '../layout/elk.js';
import type {
  Box,
  Connection,
  DiagramHeader,
  DiagramTarget,
  DiagramTheme,
  FindingBadge,
  FontWeight,
  IconDrawing,
  IconPlacement,
  Legend,
  LegendEntry,
  MarkKey,
  MarkKeyInput,
  Point,
  Severity,
  Shape,
  StepBadge,
  TextRun,
} from '../model/diagram-target.js';
import { DIAGRAM_TARGET_VERSION } from '../model/diagram-target.js';
import type { ModelMetadata, TlsState } from '../model/types.js';
import type { BoxStyle, EdgeStyle, ViewGraph } from '../model/view-graph.js';
import type { Finding } from '../validate/finding.js';
import { TLS_LEGEND } from './glyphs.js';
import type { Measured, MeasuredNode, TextLine } from './measure.js';
import { clean } from './measure.js';
import { BOX, EDGE, EDGE_LABEL, HEADER, SEVERITY_LOOK, TLS_LINE, TYPE, leafLook, palette, type Palette, type ThemeName } from './style.js';
import { emitStepLegend, planStepLegend, type StepLegendInput, type StepLegendPlan } from './step-legend.js';
import { badgeCentre } from './step-badges.js';
import { separateRouteEnds } from './route-ends.js';
import { keepRoutesApart } from './route-apart.js';
import { FONT_FAMILY, wrapText, type TextMetrics } from './text.js';

/** An icon as the icon source provides it (the built-in set never lacks one: unknown kinds get `generic`). */
export type Icon = IconDrawing;
export type IconLookup = (key: string) => Icon;

export interface TargetInput {
  graph: ViewGraph;
  measured: Measured;
  layout: LayoutResult;
  metadata: ModelMetadata;
  /** Findings to overlay as badges (the overlay is drawn, possibly empty, whenever this is given). */
  findings?: Finding[];
  icons: IconLookup;
  /** Draw the metadata block; default true. */
  metadataBlock?: boolean;
  /** Colour theme; default light. */
  theme?: ThemeName;
  /** A key row of marks the caller draws over the picture (`aksnet diagram --diff`), placed under the legends. */
  markKey?: MarkKeyInput;
}

const TLS_ICON: Record<TlsState, string> = {
  tls: 'tls-lock',
  plaintext: 'tls-open',
  passthrough: 'tls-passthrough',
  mtls: 'tls-mtls',
};
const BOX_ORDER: BoxStyle[] = ['region', 'vnet', 'subnet', 'cluster', 'zone', 'actor'];
const EDGE_ORDER: EdgeStyle[] = ['ingress', 'egress', 'management', 'private-link', 'peering', 'hybrid', 'dns-link'];
const TLS_ORDER: TlsState[] = ['tls', 'mtls', 'passthrough', 'plaintext'];
const MARGIN = 16;
/** Width of a step legend drawn beside the picture (one column). */
const STEP_LEGEND_BESIDE = 380;
/**
 * The narrowest a step legend beside the picture may be (about 38 characters of legend text a line, a newspaper
 * column), and the steps it is narrowed in.
 */
const STEP_LEGEND_BESIDE_MIN = 260;
const BESIDE_STEP = 10;
/**
 * Width to height of a compact view's (the overview's) frame: 16:9, a slide's shape (issue #11 §3). The legends are
 * arranged so that the whole needs the narrowest 16:9 frame, and the canvas is that frame, the drawing centred in
 * it. On an A4 or Letter landscape page (1.71:1, 1.54:1) a 16:9 frame is bound by the page's width.
 */
const FRAME_ASPECT = 16 / 9;

const LEGEND_TITLE = 'Legend';
/** Height of a mark key row (MarkKeyInput) under the legends. */
const MARK_KEY_ROW = 28;

const f2 = (n: number) => Math.round(n * 100) / 100;

/** A colour as `#rrggbb` in lowercase (the form the SVG has always carried). */
export function hex(color: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : color;
}

/** The visual language of `style.ts` in one theme's colours, as target data. */
export function theme(pal: Palette = palette('light')): DiagramTheme {
  const boxes = {} as DiagramTheme['boxes'];
  for (const [k, b] of Object.entries(BOX) as Array<[BoxStyle, (typeof BOX)[BoxStyle]]>) {
    boxes[k] = {
      fill: hex(pal.boxes[k].fill),
      stroke: hex(pal.boxes[k].stroke),
      strokeWidth: b.strokeWidth,
      ...(b.dash ? { dash: b.dash } : {}),
      radius: b.radius,
    };
  }
  const edges = {} as DiagramTheme['edges'];
  for (const [k, e] of Object.entries(EDGE) as Array<[EdgeStyle, (typeof EDGE)[EdgeStyle]]>) {
    edges[k] = { stroke: hex(pal.edges[k]), width: e.width, ...(e.dash ? { dash: e.dash } : {}) };
  }
  return { fontFamily: FONT_FAMILY, background: hex(pal.background), chip: hex(pal.chip), boxes, edges };
}

/** Places everything of one view; the result is plain data (see `DiagramTarget`). */
export function buildTarget(m: TextMetrics, input: TargetInput): DiagramTarget {
  const { graph, measured, layout } = input;
  const meta = input.metadata;
  const pal = palette(input.theme);
  const TEXT_COLOR = pal.text;
  const DETAIL_COLOR = pal.detail;
  // Ids and the embedded font's family carry a short content hash, so several diagrams inlined into
  // one HTML page (a review pack) neither share ids nor override each other's (or the page's) fonts.
  const uid = createHash('sha256')
    .update(JSON.stringify([meta.title, graph, input.metadataBlock !== false, ...(input.theme === 'dark' ? ['dark'] : [])]))
    .digest('hex')
    .slice(0, 8);
  const icons: Record<string, IconDrawing> = {};
  let glyphs = 0;
  const place = (
    key: string,
    x: number,
    y: number,
    size: number,
    instance: string,
    extra: Partial<IconPlacement> = {},
  ) => {
    const ic = input.icons(key);
    icons[key] ??= { viewBox: ic.viewBox, body: ic.body };
    return { icon: key, x: f2(x), y: f2(y), size, instance, ...extra } satisfies IconPlacement;
  };
  // Glyph instance suffixes count in drawing order: edge labels, finding badges, legend.
  const glyph = (tls: TlsState, x: number, y: number) =>
    place(TLS_ICON[tls], x, y, EDGE_LABEL.glyph, `g${++glyphs}`, { className: `tls ${tls}` });
  const sevGlyph = (sev: Severity, cx: number, cy: number) =>
    place(`sev-${sev}`, cx - 6.5, cy - 6.5, 13, `g${++glyphs}`);
  const run = (text: string, x: number, y: number, size: number, weight: FontWeight, fill = TEXT_COLOR): TextRun => ({
    text,
    x: f2(x),
    y: f2(y),
    size,
    weight,
    fill: hex(fill),
  });
  // A compact view's (the overview's) step numbers and finding counts are as large as its smallest other text
  // (its legend), not smaller: the smallest text decides how large the whole picture prints on its one page.
  const badgeSize = graph.compact ? TYPE.legend : TYPE.badge;
  const step = (label: string, cx: number, cy: number, fill: string, hollow = false): StepBadge => {
    const w = m.width(label, badgeSize, 'bold');
    const y = cy + m.ascent(badgeSize) / 2 - 1;
    // A hollow badge (an overview's egress step) is a ring in the chip colour: it stays apart from a filled
    // ingress badge in black-and-white print.
    if (hollow) {
      return { cx: f2(cx), cy: f2(cy), r: EDGE_LABEL.badge / 2, fill: hex(pal.chip), stroke: hex(pal.egressStep),
        label: run(label, cx - w / 2, y, badgeSize, 'bold', pal.egressStep) };
    }
    return {
      cx: f2(cx),
      cy: f2(cy),
      r: EDGE_LABEL.badge / 2,
      fill: hex(fill),
      label: run(label, cx - w / 2, y, badgeSize, 'bold', pal.badgeText),
    };
  };
  const lineRuns = (ls: TextLine[], x: number, top: number): TextRun[] => {
    const out: TextRun[] = [];
    let y = top;
    for (const l of ls) {
      y += m.ascent(l.size);
      out.push(run(l.text, x, y, l.size, l.weight, l.role === 'detail' ? DETAIL_COLOR : TEXT_COLOR));
      y += m.lineHeight(l.size) - m.ascent(l.size);
    }
    return out;
  };

  // ---- header, legend placement and canvas size ----
  const content =
    input.metadataBlock === false
      ? []
      : headerRows(m, meta, graph.title, Math.max(layout.width, 900) - 2 * MARGIN, graph.compact === true);
  const rowHeight = (row: TextLine[]) => Math.max(...row.map((l) => m.lineHeight(l.size)));
  // The rule sits 4 px under the rows; a compact view's picture starts right under it (the layout's own top
  // padding is the gap), another view's 6 px lower.
  const ruleGap = graph.compact ? 6 : 10;
  const headerH = content.length
    ? Math.ceil(MARGIN + content.reduce((a, row) => a + rowHeight(row) + 2, 0) + ruleGap)
    : 0;
  const legendItems = legendItemsFor(
    graph,
    measured,
    input.findings ? usedSeverities(graph, input.findings) : new Set(),
  );
  const diagramW = Math.max(layout.width, 560);
  const stepInput = (width: number) => ({
    steps: graph.steps ?? [],
    notes: graph.notes ?? [],
    width,
    run,
    badge: (label: string, cx: number, cy: number, flow: 'ingress' | 'egress') =>
      step(label, cx, cy, pal.edges.ingress, flow === 'egress'),
  });
  const hasSteps = !!(graph.steps?.length || graph.notes?.length);
  // The step legend is tried at many widths below and beside the picture: each try is planned (its height), and
  // only the one kept gets its text runs.
  type Tried = { input: StepLegendInput; plan: StepLegendPlan };
  const tryLegend = (legendInput: StepLegendInput): Tried => ({ input: legendInput, plan: planStepLegend(m, legendInput) });
  const placeTried = (t: Tried) => emitStepLegend(m, t.input, t.plan);
  // A caller's key row of marks goes under everything else: every size below holds it, so an overview's frame does.
  const keyRow = input.markKey ? markKeyRow(m, input.markKey, run) : undefined;
  const keyRowH = keyRow ? MARK_KEY_ROW : 0;
  const keyRowW = keyRow ? keyRow.width + 2 * MARGIN : 0;
  // A compact view's (the overview's) key starts on its title's line: the height is the page's scarce side.
  const keyInline = graph.compact ? m.width(LEGEND_TITLE, TYPE.legend, 'bold') : undefined;
  const headerW = Math.max(0, ...content.map((row) => rowWidth(row) + 2 * MARGIN));
  /** How large a canvas prints in a 16:9 frame (the inverse of the frame's width). */
  const inFrame = (z: { w: number; h: number }) => Math.min(FRAME_ASPECT / z.w, 1 / z.h);
  /** The legends under the picture, spanning a canvas `w` wide. */
  const legendsBelow = (w: number) => {
    const key = placeLegend(m, legendItems, w - 2 * MARGIN, keyInline);
    const pictureH = headerH + layout.height + key.height;
    // A compact view wider than 16:9 has height to spare in its frame: its legend may use it for longer lines.
    const freeH = graph.compact ? Math.max(w, headerW, keyRowW) / FRAME_ASPECT - pictureH - MARGIN - keyRowH : undefined;
    const steps = hasSteps
      ? tryLegend({ ...stepInput(w - 2 * MARGIN), ...(freeH !== undefined ? { maxHeight: freeH } : {}) })
      : undefined;
    const size = { w: Math.max(w, headerW, keyRowW), h: pictureH + (steps?.plan.height ?? 0) + MARGIN + keyRowH };
    return { key, pictureH, steps, size };
  };
  // A compact view taller than 16:9 has width to spare in its frame: its legends may take it, in steps of a
  // fortieth, for shorter columns, as long as the whole needs a narrower frame (the narrowest canvas on a tie).
  const narrow = legendsBelow(diagramW);
  let under = narrow;
  if (graph.compact && hasSteps) {
    const widest = FRAME_ASPECT * under.size.h;
    for (let w = diagramW * 1.025; w <= widest; w += diagramW * 0.025) {
      const wider = legendsBelow(w);
      if (inFrame(wider.size) > inFrame(under.size) + 1e-9) under = wider;
    }
  }
  const { steps: below, size: belowSize } = under;
  // The step legend goes under the picture, or beside it in one column when that needs a narrower frame (a
  // picture wider than 16:9 leaves no height for it below); beside, the key stays under the picture, out of the
  // step legend's way. The column is as narrow as the frame's height lets it be.
  // When the title block is no wider than the picture, the legend column starts level with it, at the top.
  const besideTop = content.length && headerW <= diagramW ? MARGIN : headerH;
  // Beside, the unnumbered notes may go under the picture's key instead, across the picture's width, in the room the
  // longer column leaves there (g's overview: a column 140 px shorter, a frame 50 px narrower).
  const notesUnder =
    graph.compact && graph.steps?.length && graph.notes?.length
      ? tryLegend({ ...stepInput(diagramW - 2 * MARGIN), steps: [] })
      : undefined;
  const besideAt = (w: number, notesBelow: boolean) => {
    const placed = tryLegend(notesBelow ? { ...stepInput(w), notes: [] } : stepInput(w));
    const belowKey = (notesBelow ? notesUnder!.plan.height : 0) + keyRowH;
    // A key row of marks goes under the picture's key (and the notes), in the room the longer column leaves there.
    const size = {
      w: Math.max(diagramW + w + MARGIN, headerW),
      h: Math.max(narrow.pictureH + belowKey, besideTop + placed.plan.height) + MARGIN,
    };
    return { placed, notesBelow, size };
  };
  // Beside needs the key row of marks to fit under the picture.
  let beside = hasSteps && graph.compact && keyRowW <= diagramW ? besideAt(STEP_LEGEND_BESIDE, false) : undefined;
  for (let w = STEP_LEGEND_BESIDE; beside && w >= STEP_LEGEND_BESIDE_MIN; w -= BESIDE_STEP) {
    for (const notesBelow of notesUnder ? [false, true] : [false]) {
      const other = besideAt(w, notesBelow);
      if (inFrame(other.size) > inFrame(beside.size) + 1e-9) beside = other;
    }
  }
  const side = beside !== undefined && inFrame(beside.size) > inFrame(belowSize) + 1e-9;
  const { key: legendLayout, pictureH } = side ? narrow : under;
  // Notes under the picture keep the step legend's frame: moved there from the column's origin.
  const notesBelow = side && beside!.notesBelow && notesUnder ? placeTried(notesUnder) : undefined;
  const besideLegend = side ? placeTried(beside!.placed) : undefined;
  const moved = (r: TextRun): TextRun => ({ ...r, x: f2(r.x + MARGIN - diagramW), y: f2(r.y + pictureH - besideTop) });
  const stepLegend =
    side && notesBelow
      ? {
          legend: {
            headings: [...besideLegend!.legend.headings, ...notesBelow.legend.headings.map(moved)],
            entries: besideLegend!.legend.entries,
            notes: notesBelow.legend.notes.map(moved),
          },
          height: besideLegend!.height,
        }
      : side
        ? besideLegend
        : below && placeTried(below);
  const drawnW = side ? beside!.size.w : belowSize.w;
  const drawnH = side ? beside!.size.h : belowSize.h;
  // A compact view's canvas is its 16:9 frame, the drawing centred in it (whole pixels, so the ratio holds within
  // one); another view's canvas is its drawing.
  const frameW = graph.compact ? Math.ceil(Math.max(drawnW, Math.ceil(drawnH) * FRAME_ASPECT)) : drawnW;
  const frameH = graph.compact ? Math.round(frameW / FRAME_ASPECT) : drawnH;
  const dx = graph.compact ? f2((frameW - drawnW) / 2) : 0;
  const dy = graph.compact ? f2(Math.max(0, (frameH - drawnH) / 2)) : 0;
  const stepAt = side ? { x: diagramW + dx, y: besideTop + dy } : { x: MARGIN + dx, y: pictureH + dy };
  // The title block's rule ends where the step legend's column begins.
  const ruleEnd = side && besideTop < headerH ? diagramW - MARGIN : drawnW - MARGIN;
  const width = f2(frameW);
  const height = f2(frameH);
  const keyRowY = side ? pictureH + (notesBelow?.height ?? 0) : drawnH - keyRowH;
  const markKey: MarkKey | undefined = keyRow
    ? { x: f2(MARGIN + dx), y: f2(keyRowY + dy), title: keyRow.title, entries: keyRow.entries }
    : undefined;

  let header: DiagramHeader | undefined;
  if (content.length) {
    const lines: TextRun[] = [];
    let y = MARGIN + dy;
    for (const row of content) {
      // The runs of a row share the baseline of its largest text.
      const top = row.reduce((a, l) => (m.ascent(l.size) > m.ascent(a.size) ? l : a));
      y += m.ascent(top.size);
      let x = MARGIN + dx;
      for (const l of row) {
        lines.push(run(l.text, x, y, l.size, l.weight, l.role === 'detail' ? DETAIL_COLOR : TEXT_COLOR));
        x += l.width + HEADER_GAP;
      }
      y += rowHeight(row) - m.ascent(top.size) + 2;
    }
    header = {
      lines,
      rule: { x1: f2(MARGIN + dx), y1: f2(headerH - ruleGap + 4 + dy), x2: f2(ruleEnd + dx),
        y2: f2(headerH - ruleGap + 4 + dy), stroke: hex(pal.rule), width: 1 },
    };
  }

  // ---- shapes: containers outermost first, then leaves ----
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const depths = new Map<string, number>();
  const depth = (id: string | undefined): number => {
    if (id === undefined) return 0;
    let d = depths.get(id);
    if (d === undefined) {
      d = 1 + depth(parentOf.get(id));
      depths.set(id, d);
    }
    return d;
  };
  const boxOf = (id: string): Box => {
    const b = layout.nodes.get(id);
    if (!b) throw new Error(`internal error: no layout box for diagram node ${JSON.stringify(id)}`);
    return b;
  };
  const shape = (n: MeasuredNode, i: number): Shape => {
    const box = boxOf(n.node.id);
    const base = {
      index: i,
      id: n.node.id,
      kind: n.node.kind,
      ...(n.node.element ? { element: n.node.element } : {}),
      style: n.node.style,
      box,
      tooltip: n.fullText,
    };
    if (n.container) return { ...base, lines: lineRuns(n.lines, box.x + HEADER.padX, box.y + HEADER.padY) };
    const leaf = leafLook(graph.compact || graph.dense);
    const gx = box.x + leaf.padX;
    const gy = box.y + (box.height - leaf.icon) / 2;
    const icon = place(n.node.icon ?? n.node.kind, gx, gy, leaf.icon, `n${i}`, { id: `n${i}-icon` });
    const th = n.lines.reduce((a, l) => a + m.lineHeight(l.size), 0);
    return { ...base, icon, lines: lineRuns(n.lines, gx + leaf.icon + leaf.gap, box.y + (box.height - th) / 2) };
  };
  const order = measured.nodes.map((n, i) => ({ n, i, d: depth(n.node.parent) }));
  const containers = order
    .filter((o) => o.n.container)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((o) => shape(o.n, o.i));
  const nodes = order.filter((o) => !o.n.container).map((o) => shape(o.n, o.i));

  // ---- connections ----
  // Numbers keep off the leaves and off the containers' header text (a region's, VNet's, subnet's name).
  const leafBoxes = [...nodes.map((n) => n.box), ...containers.map((c) => headerBox(m, c))];
  const badgeCentres: Point[] = [];
  const laidOut = measured.edges.map(({ edge: e }) => {
    const route = layout.edges.get(e.id);
    if (!route) throw new Error(`internal error: no route for diagram edge ${JSON.stringify(e.id)}`);
    return route;
  });
  // Ends on a container moved off the lines crossing its side (route-ends.ts).
  const movedEnds = separateRouteEnds({
    edges: measured.edges.map(({ edge: e }, i) => ({
      id: e.id, from: e.from, to: e.to, points: laidOut[i]!.points, labelled: laidOut[i]!.label !== undefined,
      ...(laidOut[i]!.label ? { label: laidOut[i]!.label } : {}),
    })),
    containers: new Map(containers.map((c) => [c.id, { box: c.box, header: headerBox(m, c) }])),
    leaves: nodes.map((n) => n.box),
  });
  const ended = measured.edges.map(({ edge: e }, i) => {
    const moved = movedEnds.get(e.id);
    return moved ? { ...laidOut[i]!, points: moved } : laidOut[i]!;
  });
  // Stretches of two lines that read as one line, and stretches through a header, moved apart (route-apart.ts).
  const headers = containers.map((c) => headerBox(m, c));
  const apart = keepRoutesApart({
    edges: measured.edges.map(({ edge: e }, i) => ({
      id: e.id, from: e.from, to: e.to, style: e.style, undirected: e.undirected === true, points: ended[i]!.points,
      ...(ended[i]!.label ? { label: ended[i]!.label } : {}),
    })),
    boxes: new Map([...containers, ...nodes].map((s) => [s.id, s.box])),
    leaves: nodes.map((n) => n.box),
    containers: containers.map((c) => c.box),
    headers,
  });
  const routes = measured.edges.map(({ edge: e }, i) => {
    const moved = apart.get(e.id);
    return moved ? { ...ended[i]!, ...moved } : ended[i]!;
  });
  const connections: Connection[] = measured.edges.map((me, i) => {
    const e = me.edge;
    const route = routes[i]!;
    const stroke = hex(pal.edges[e.style]);
    const tooltip = clean([e.label, e.step !== undefined ? `hop ${e.step}` : '', e.tls ? TLS_LEGEND[e.tls] : ''].filter(Boolean).join(' · ')) || e.style;
    const c: Connection = { index: i, id: e.id, from: e.from, to: e.to, style: e.style, points: route.points, tooltip, arrow: !e.undirected };
    const tl = e.tls ? TLS_LINE[e.tls] : undefined;
    if (tl && (tl.stroke || tl.width || tl.dash)) {
      const base = EDGE[e.style];
      const dash = tl.dash ?? base.dash;
      const lineStroke = tl.stroke ? pal.plaintext : pal.edges[e.style];
      c.line = { stroke: hex(lineStroke), width: tl.width ?? base.width, ...(dash ? { dash } : {}), tls: e.tls! };
    }
    if (graph.compact && e.step !== undefined) {
      const others = routes.filter((_, j) => j !== i).map((r) => r.points);
      const at = badgeCentre(route.points, leafBoxes, badgeCentres, others);
      c.badge = step(String(e.step), at.x, at.y, pal.edges[e.style], e.style === 'egress');
    }
    const lb = route.label;
    if (lb && (me.text || e.step !== undefined || e.tls)) {
      const label: NonNullable<Connection['label']> = { box: lb, stroke };
      let x = lb.x + EDGE_LABEL.padX;
      const cy = lb.y + lb.height / 2;
      if (e.step !== undefined) {
        label.step = step(String(e.step), x + EDGE_LABEL.badge / 2, cy, pal.edges[e.style], e.style === 'egress');
        x += EDGE_LABEL.badge + EDGE_LABEL.gap;
      }
      if (me.text) {
        label.text = run(me.text, x, cy + m.ascent(TYPE.edge) / 2 - 1, TYPE.edge, 'regular');
        x += me.textWidth + EDGE_LABEL.gap;
      }
      if (e.tls) label.tls = glyph(e.tls, x, cy - EDGE_LABEL.glyph / 2);
      c.label = label;
    }
    return c;
  });

  // ---- finding badges ----
  let badges: FindingBadge[] | undefined;
  if (input.findings) {
    badges = [];
    const counts = findingCounts(input.findings);
    measured.nodes.forEach((n, i) => {
      const c = n.node.element ? counts.get(n.node.element) : undefined;
      if (!c) return;
      const box = boxOf(n.node.id);
      // One chip per severity with open findings, so a reader sees "1 error, 3 warnings", not one total.
      const chips = (['error', 'warning', 'info'] as const)
        .filter((sev) => c[sev] > 0)
        .map((sev) => ({ sev, label: String(c[sev]), w: Math.ceil(22 + m.width(String(c[sev]), badgeSize, 'bold')) }));
      const tooltip = `${c.error} error, ${c.warning} warning, ${c.info} info open finding(s)`;
      let x = box.x + box.width - 6 - chips.reduce((a, ch) => a + ch.w, 0) - 4 * (chips.length - 1);
      const y = box.y - 8;
      for (const ch of chips) {
        badges!.push({
          index: i,
          id: n.node.id,
          severity: ch.sev,
          count: c[ch.sev],
          tooltip,
          box: { x: f2(x), y: f2(y), width: ch.w, height: 16 },
          stroke: hex(pal.severity[ch.sev]),
          icon: sevGlyph(ch.sev, x + 9, y + 8),
          label: run(ch.label, x + 18, y + 8 + m.ascent(badgeSize) / 2 - 1, badgeSize, 'bold', TEXT_COLOR),
        });
        x += ch.w + 4;
      }
    });
  }

  // ---- legend ----
  const cy = 8;
  const entries: LegendEntry[] = legendLayout.items.map(({ item, x, y }) => {
    const base = {
      key: item.key,
      x: f2(x),
      y: f2(y),
      text: run(item.text, 38, cy + m.ascent(TYPE.legend) / 2 - 1, TYPE.legend, 'regular'),
    };
    switch (item.type) {
      case 'box':
        return { ...base, type: 'box', style: item.style };
      case 'edge':
        // Peerings and DNS zone links are symmetric relations: no arrowhead.
        const arrow = item.style !== 'peering' && item.style !== 'dns-link';
        return { ...base, type: 'edge', style: item.style, arrow };
      case 'tls':
        return { ...base, type: 'tls', tls: item.tls, icon: glyph(item.tls, 8, 1) };
      case 'badge':
        return { ...base, type: 'badge', step: step('1', 13, cy, pal.edges.ingress) };
      case 'severity':
        return {
          ...base,
          type: 'severity',
          severity: item.severity,
          stroke: hex(pal.severity[item.severity]),
          icon: sevGlyph(item.severity, 9, 8),
        };
    }
  });
  const legend: Legend = {
    x: f2(MARGIN + dx),
    y: f2(headerH + layout.height + dy),
    title: run(LEGEND_TITLE, 0, keyInline === undefined ? m.ascent(TYPE.legend) : cy + m.ascent(TYPE.legend) / 2 - 1,
      TYPE.legend, 'bold', TEXT_COLOR),
    entries,
  };

  return {
    version: DIAGRAM_TARGET_VERSION,
    view: graph.view,
    uid,
    title: `${clean(meta.title)}: ${graph.title}`,
    description: clean(`${graph.description} ${metaLine(meta)}`),
    width,
    height,
    theme: theme(pal),
    ...(header ? { header } : {}),
    diagramY: f2(headerH + dy),
    ...(dx ? { diagramX: dx } : {}),
    containers,
    nodes,
    connections,
    ...(badges ? { badges } : {}),
    legend,
    ...(stepLegend ? { steps: { x: f2(stepAt.x), y: f2(stepAt.y), ...stepLegend.legend } } : {}),
    ...(markKey ? { markKey } : {}),
    icons,
  };
}

/** The area a container's header text covers. */
export function headerBox(m: TextMetrics, c: Shape): Box {
  const right = Math.max(0, ...c.lines.map((l) => l.x + m.width(l.text, l.size, l.weight)));
  const bottom = Math.max(c.box.y, ...c.lines.map((l) => l.y + m.lineHeight(l.size) - m.ascent(l.size)));
  return { x: c.box.x, y: c.box.y, width: right - c.box.x + 2, height: bottom - c.box.y + 2 };
}

function metaLine(meta: ModelMetadata): string {
  return [
    meta.version ? `Version ${meta.version}` : 'Version not set',
    meta.date ? `Date ${meta.date}` : 'Date not set',
    meta.owner ? `Owner ${meta.owner}` : 'Owner not set',
    `Status ${meta.status}`,
  ].join(' · ');
}

/** Space between two runs of one header row. */
const HEADER_GAP = 16;
const rowWidth = (row: TextLine[]) => row.reduce((a, l) => a + l.width, 0) + HEADER_GAP * (row.length - 1);

/**
 * The metadata block's rows: the design's title, the view's title, version · date · owner · status. A compact view
 * (the overview, made for one landscape page whose height is its scarce side) puts the last two on one row when
 * each is one line and together they fit.
 */
function headerRows(m: TextMetrics, meta: ModelMetadata, viewTitle: string, max: number, compact: boolean): TextLine[][] {
  const lines = (t: string, size: number, weight: FontWeight, role: 'label' | 'detail'): TextLine[] =>
    wrapText(m, clean(t), Math.max(max, 300), size, weight, 2).map((l) => ({
      text: l,
      size,
      weight,
      width: m.width(l, size, weight),
      role,
    }));
  const title = lines(meta.title, TYPE.title, 'bold', 'label');
  const view = lines(viewTitle, TYPE.subtitle, 'bold', 'label');
  const about = lines(metaLine(meta), TYPE.meta, 'regular', 'detail');
  const shared = compact && view.length === 1 && about.length === 1 && rowWidth([...view, ...about]) <= max;
  return [...title.map((l) => [l]), ...(shared ? [[...view, ...about]] : [...view, ...about].map((l) => [l]))];
}

type LegendItem =
  | { type: 'box'; key: string; style: BoxStyle; text: string }
  | { type: 'edge'; key: string; style: EdgeStyle; text: string }
  | { type: 'tls'; key: string; tls: TlsState; text: string }
  | { type: 'badge'; key: string; text: string }
  | { type: 'severity'; key: string; severity: Severity; text: string };

function legendItemsFor(g: ViewGraph, measured: Measured, severities: Set<Severity>): LegendItem[] {
  const items: LegendItem[] = [];
  const containerStyles = new Set(
    measured.nodes.filter((n) => n.container || n.node.style === 'actor').map((n) => n.node.style),
  );
  for (const s of BOX_ORDER)
    if (containerStyles.has(s)) items.push({ type: 'box', key: `box-${s}`, style: s, text: BOX[s].legend });
  const edges = new Set(g.edges.map((e) => e.style));
  for (const s of EDGE_ORDER)
    if (edges.has(s)) items.push({ type: 'edge', key: `edge-${s}`, style: s, text: EDGE[s].legend });
  const tls = new Set(g.edges.map((e) => e.tls).filter((t): t is TlsState => !!t));
  for (const t of TLS_ORDER) if (tls.has(t)) items.push({ type: 'tls', key: `tls-${t}`, tls: t, text: `${TLS_LEGEND[t]} (${TLS_LINE[t].words})` });
  // The overview explains its numbers in the step legend below, one entry per number.
  if (!g.steps && g.edges.some((e) => e.step !== undefined)) items.push({ type: 'badge', key: 'badge-hop', text: 'hop number, in path order' });
  for (const s of ['error', 'warning', 'info'] as const) {
    if (severities.has(s))
      items.push({ type: 'severity', key: `severity-${s}`, severity: s, text: `${SEVERITY_LOOK[s].legend} (count)` });
  }
  return items;
}

/**
 * The key's entries in rows `max` wide; under its "Legend" title line, or (`inline`, the title's width) after the
 * title on its first row.
 */
function placeLegend(
  m: TextMetrics,
  items: LegendItem[],
  max: number,
  inline?: number,
): { items: Array<{ item: LegendItem; x: number; y: number }>; height: number } {
  const out: Array<{ item: LegendItem; x: number; y: number }> = [];
  const start = inline === undefined ? 0 : inline + 16;
  let x = start;
  let y = inline === undefined ? 22 : 0;
  // Rows of 16 px samples: 8 px apart, 6 px in a compact key (the inline one).
  const pitch = inline === undefined ? 24 : 22;
  for (const item of items) {
    const w = 38 + m.width(item.text, TYPE.legend) + 22;
    if (x > start && x + w > max) {
      x = 0;
      y += pitch;
    }
    out.push({ item, x, y });
    x += w;
  }
  return { items: out, height: y + pitch };
}

/**
 * A key row of marks in its own frame: the title, then per mark an 18 × 14 sample box and its label, on one
 * baseline 20 px down the MARK_KEY_ROW.
 */
function markKeyRow(
  m: TextMetrics,
  key: MarkKeyInput,
  run: (text: string, x: number, y: number, size: number, weight: FontWeight) => TextRun,
): { title: TextRun; entries: MarkKey['entries']; width: number } {
  const baseline = 20;
  const title = run(clean(key.title), 0, baseline, TYPE.legend, 'regular');
  let x = m.width(title.text, TYPE.legend) + 16;
  const entries = key.entries.map((e) => {
    const text = run(clean(e.label), x + 24, baseline, TYPE.legend, 'regular');
    const entry = { mark: e.mark, x: f2(x), stroke: hex(e.stroke), ...(e.dash ? { dash: e.dash } : {}), text };
    x += 24 + m.width(text.text, TYPE.legend) + 18;
    return entry;
  });
  return { title, entries, width: x - 18 };
}

type Counts = { error: number; warning: number; info: number };

function findingCounts(findings: Finding[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const f of findings) {
    if (!f.element || f.status === 'suppressed') continue;
    const c = out.get(f.element) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    out.set(f.element, c);
  }
  return out;
}

/** Severities of the badges a view shows (a badge shows its element's highest severity). */
function usedSeverities(g: ViewGraph, findings: Finding[]): Set<Severity> {
  const counts = findingCounts(findings);
  const out = new Set<Severity>();
  for (const n of g.nodes) {
    const c = n.element ? counts.get(n.element) : undefined;
    if (c) out.add(c.error ? 'error' : c.warning ? 'warning' : 'info');
  }
  return out;
}
