/**
 * The view graph: what one diagram shows, derived from the model, before measurement and layout.
 *
 * It lives in the model layer because it is a contract between stages: the diagram stage derives
 * it (`diagram/views.ts`), the render stage measures it, and both import it backwards from here.
 */
import type { Id, TlsState } from './types.js';

export type ViewName = 'overview' | 'topology' | 'ingress' | 'egress' | 'control-plane';

/** Visual style of a box. */
export type BoxStyle = 'region' | 'vnet' | 'subnet' | 'cluster' | 'zone' | 'leaf' | 'actor';

/** Edge styles, one per traffic class drawn. */
export type EdgeStyle = 'ingress' | 'egress' | 'management' | 'private-link' | 'peering' | 'hybrid' | 'dns-link';

export interface ViewNode {
  /** Unique id within the view (a model id, or a derived id such as `zone:paas`). */
  id: string;
  /** Resource kind (or `zone`, `actor`) for the glyph and `data-kind`. */
  kind: string;
  /** Primary label. */
  label: string;
  /** Secondary lines (CIDRs, SKUs, counts). */
  details: string[];
  style: BoxStyle;
  /** Containing view node. */
  parent?: string;
  /** West in-port and east out-port with FIXED_SIDE (gateway-type nodes). */
  ports?: boolean;
  /** Pin to the first (clients) or last (internet) layer. */
  layer?: 'first' | 'last';
  /** Icon key (`paas:keyVault`, `loadBalancer:internal`, …); leaves only. */
  icon?: string;
  /** Model element the node stands for (finding overlay, `data-element`). */
  element?: Id;
}

export interface ViewEdge {
  /** Unique id within the view (usually the model edge id). */
  id: string;
  from: string;
  to: string;
  style: EdgeStyle;
  label?: string;
  tls?: TlsState;
  /** Hop number (numbered badge). */
  step?: number;
  /** Draw without arrowheads (symmetric relations such as peering). */
  undirected?: boolean;
}

export interface ViewGraph {
  view: ViewName;
  title: string;
  /** One-sentence description for `<desc>`. */
  description: string;
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Invisible layout-only edges that spread otherwise unconnected boxes over columns (never drawn). */
  hints?: Array<{ from: string; to: string }>;
  /**
   * Sibling boxes to spread over columns by their measured sizes (a VNet's subnets, a cluster's node pools): the
   * render stage, which knows the sizes, lays each out as columns of consecutive boxes (`render/grid.ts`). With an
   * `aspect` (the width the group may take per unit of height; larger: fewer, longer rows) the group is shaped by
   * it; without one it takes the arrangement that prints the whole picture largest.
   */
  grids?: Array<{ ids: string[]; aspect?: number }>;
  /**
   * Keep boxes of one layer in the order of `nodes` instead of letting crossing minimisation reorder them: set on
   * flow views with several clusters, so stamps and spokes keep the one order every view shares.
   */
  keepOrder?: boolean;
  /**
   * A map rather than a flow picture (overview): edges carry no label chips (step numbers sit on the lines and the
   * step legend carries the words), and ELK packs the boxes closer.
   */
  compact?: boolean;
  /**
   * Drawn for print where the normal picture does not fit one page at 6 pt: the compact view's smaller boxes, tighter
   * padding and spacing, but every edge keeps its label chip (ports, TLS, step numbers), unlike a compact map.
   */
  dense?: boolean;
  /** The numbered legend under the picture (overview): one entry per step number drawn on the edges. */
  steps?: FlowStep[];
  /** Unnumbered lines after the steps (what the picture draws without a number, such as private endpoints). */
  notes?: string[];
}

/** One numbered step of the overview's legend: the edges it is drawn on and what happens there. */
export interface FlowStep {
  n: number;
  flow: 'ingress' | 'egress';
  text: string;
  /** Ids of the view edges that carry this number (one edge; shared hops of several paths are one step). */
  edges: string[];
}
