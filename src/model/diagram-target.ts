/**
 * The diagram target: one laid-out diagram as plain, JSON-serialisable data, and the single contract
 * between layout and every renderer (like d2's `d2target.Diagram`).
 *
 * The render stage builds it after measurement and layout (`render/target.ts`); renderers
 * (`render/svg.ts` today; PNG or an overview later) read nothing else: no text metrics, no icon
 * lookup, no `Map`s. Every number is final (rounded to two decimals where the drawing shows it) and
 * every colour is a lowercase `#rrggbb`, so a renderer only places what it is given and two
 * renderers of one target agree.
 *
 * Coordinate frames: `header` and `legend` entries are relative to their own origin (`legend.x/y`
 * on the canvas); shapes, connections and badges are in the diagram frame, whose origin sits at
 * `(diagramX ?? 0, diagramY)` on the canvas. Lives in the model layer so layout and render both import it
 * backwards.
 */
import type { TlsState } from './types.js';
import type { BoxStyle, EdgeStyle, ViewName } from './view-graph.js';

export const DIAGRAM_TARGET_VERSION = 1;

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type FontWeight = 'regular' | 'bold';

/** One line of text; `y` is the baseline. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: FontWeight;
  fill: string;
}

/** An icon drawn in a square at (x, y). */
export interface IconPlacement {
  /** Key into `DiagramTarget.icons`. */
  icon: string;
  x: number;
  y: number;
  size: number;
  /** Suffix that makes the ids inside this drawing of the icon unique (see `instanceIds`). */
  instance: string;
  /** Local id of the drawing (prefixed by the renderer), when it has one. */
  id?: string;
  /** Class names of the drawing, when it has any. */
  className?: string;
}

/** A box: container or leaf. */
export interface Shape {
  /** Position of the node in the view graph (stable local ids such as `n4`). */
  index: number;
  id: string;
  kind: string;
  /** Model element the shape stands for. */
  element?: string;
  style: BoxStyle;
  box: Box;
  /** Full, untruncated text (tooltip). */
  tooltip: string;
  lines: TextRun[];
  /** Leaves only. */
  icon?: IconPlacement;
}

/** A numbered hop badge (a filled circle with the number). */
export interface StepBadge {
  cx: number;
  cy: number;
  r: number;
  fill: string;
  /** A hollow badge's ring (overview egress steps); filled badges have none. */
  stroke?: string;
  label: TextRun;
}

export interface ConnectionLabel {
  box: Box;
  stroke: string;
  step?: StepBadge;
  text?: TextRun;
  tls?: IconPlacement;
}

/** A routed edge. */
export interface Connection {
  index: number;
  id: string;
  from: string;
  to: string;
  style: EdgeStyle;
  /** Orthogonal route from the source border to the target border. */
  points: Point[];
  tooltip: string;
  /** Drawn with an arrowhead at the end. */
  arrow: boolean;
  label?: ConnectionLabel;
  /** A step number on the line itself, without a label chip (compact views: the overview). */
  badge?: StepBadge;
  /** The line as the edge's TLS state draws it, when that differs from its traffic class's line. */
  line?: { stroke: string; width: number; dash?: string; tls: TlsState };
}

/** The finding-count badge on a shape. */
export interface FindingBadge {
  /** Index of the shape it sits on. */
  index: number;
  /** Id of the shape it sits on. */
  id: string;
  severity: Severity;
  count: number;
  tooltip: string;
  box: Box;
  stroke: string;
  icon: IconPlacement;
  label: TextRun;
}

/** A legend entry at (x, y) in the legend frame; its sample is drawn in a 38 px column left of the text. */
export type LegendEntry = { key: string; x: number; y: number; text: TextRun } & (
  | { type: 'box'; style: BoxStyle }
  | { type: 'edge'; style: EdgeStyle; arrow: boolean }
  | { type: 'tls'; tls: TlsState; icon: IconPlacement }
  | { type: 'badge'; step: StepBadge }
  | { type: 'severity'; severity: Severity; stroke: string; icon: IconPlacement }
);

export interface Legend {
  x: number;
  y: number;
  title: TextRun;
  entries: LegendEntry[];
}

/** One numbered step of the overview's legend, at (x, y) in the step-legend frame (text runs are in that frame). */
export interface StepLegendEntry {
  n: number;
  flow: 'ingress' | 'egress';
  badge: StepBadge;
  lines: TextRun[];
}

/** The numbered legend under an overview: group headings, one entry per step number drawn, unnumbered notes. */
export interface StepLegend {
  x: number;
  y: number;
  headings: TextRun[];
  entries: StepLegendEntry[];
  notes: TextRun[];
}

/**
 * What a key row explaining marks drawn over the finished picture says (`aksnet diagram --diff`: added, changed,
 * removed): the caller's words and colours, placed by the target builder under the legends, inside the canvas (and
 * an overview's 16:9 frame).
 */
export interface MarkKeyInput {
  title: string;
  entries: Array<{ mark: string; label: string; stroke: string; dash?: string }>;
}

/** A placed key row of marks: its title, then one sample box and label per mark (x in the row's frame). */
export interface MarkKey {
  x: number;
  y: number;
  title: TextRun;
  entries: Array<{ mark: string; x: number; stroke: string; dash?: string; text: TextRun }>;
}

/** The metadata block above the diagram. */
export interface DiagramHeader {
  lines: TextRun[];
  rule: { x1: number; y1: number; x2: number; y2: number; stroke: string; width: number };
}

export interface BoxTheme {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: string;
  radius: number;
}

export interface EdgeTheme {
  stroke: string;
  width: number;
  dash?: string;
}

export interface DiagramTheme {
  /** The font the text was measured with (embedded by renderers that can). */
  fontFamily: string;
  background: string;
  /** Fill of edge-label chips and finding-badge chips. */
  chip: string;
  boxes: Record<BoxStyle, BoxTheme>;
  edges: Record<EdgeStyle, EdgeTheme>;
}

export interface IconDrawing {
  viewBox: string;
  /** SVG markup of the icon's content (sanitized; the renderer gives its ids per-drawing suffixes). */
  body: string;
}

export interface DiagramTarget {
  version: typeof DIAGRAM_TARGET_VERSION;
  view: ViewName;
  /** Short content hash: makes element ids and the embedded font family unique per diagram. */
  uid: string;
  title: string;
  description: string;
  width: number;
  height: number;
  theme: DiagramTheme;
  header?: DiagramHeader;
  /** Canvas y of the diagram frame's origin. */
  diagramY: number;
  /** Canvas x of the diagram frame's origin, when not 0 (an overview centred in its 16:9 frame). */
  diagramX?: number;
  /** Containers, outermost first (a parent is drawn before its children). */
  containers: Shape[];
  /** Leaves, in view order. */
  nodes: Shape[];
  connections: Connection[];
  /** Finding badges; absent when the diagram has no finding overlay (empty: an overlay with nothing open). */
  badges?: FindingBadge[];
  legend: Legend;
  /** The numbered step legend under the legend (overview only). */
  steps?: StepLegend;
  /** The key row of marks a caller draws over the picture (MarkKeyInput), under the legends. */
  markKey?: MarkKey;
  /** Every icon the diagram draws, by key. */
  icons: Record<string, IconDrawing>;
}
