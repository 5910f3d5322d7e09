/** The visual language: one style per container level, one edge style per traffic class, type sizes. */
import type { BoxStyle, EdgeStyle } from '../model/view-graph.js';

export interface BoxLook {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: string;
  radius: number;
  /** Legend text. */
  legend: string;
}

export const BOX: Record<BoxStyle, BoxLook> = {
  region: { fill: '#FBFBFB', stroke: '#7F7F7F', strokeWidth: 1.2, dash: '8 4', radius: 8, legend: 'Region' },
  vnet: { fill: '#EDF3FA', stroke: '#3E6E9E', strokeWidth: 1.6, radius: 6, legend: 'Virtual network' },
  subnet: { fill: '#FFFFFF', stroke: '#6F9CC8', strokeWidth: 1.2, dash: '4 3', radius: 4, legend: 'Subnet' },
  cluster: { fill: '#EBF5EF', stroke: '#2E7D57', strokeWidth: 1.6, radius: 6, legend: 'AKS cluster' },
  zone: { fill: '#F6F4EF', stroke: '#8C8577', strokeWidth: 1.2, dash: '2 4', radius: 8, legend: 'Outside the VNets' },
  leaf: { fill: '#FFFFFF', stroke: '#5A5A5A', strokeWidth: 1.2, radius: 4, legend: 'Resource' },
  actor: { fill: '#FFF8E6', stroke: '#8C6D1F', strokeWidth: 1.2, radius: 14, legend: 'Client or actor' },
};

export interface EdgeLook {
  stroke: string;
  width: number;
  dash?: string;
  legend: string;
}

/** Okabe–Ito based colours; every class also has its own dash pattern, so colour is never the only cue. */
export const EDGE: Record<EdgeStyle, EdgeLook> = {
  ingress: { stroke: '#0072B2', width: 2, legend: 'Ingress traffic' },
  egress: { stroke: '#D55E00', width: 2, dash: '8 4', legend: 'Egress traffic' },
  management: { stroke: '#AA4499', width: 2, dash: '2 3', legend: 'Management / control plane' },
  'private-link': { stroke: '#009E73', width: 2, dash: '10 3 2 3', legend: 'Private Link' },
  peering: { stroke: '#555555', width: 2.6, legend: 'VNet peering (both ways)' },
  hybrid: { stroke: '#B87700', width: 2, dash: '14 4 4 4', legend: 'Hybrid link (VPN / ExpressRoute)' },
  'dns-link': { stroke: '#5E4FA2', width: 1.8, dash: '1 2', legend: 'Private DNS zone VNet link' },
};

/**
 * How an edge's TLS state changes its line, so encryption reads from the line itself and survives black-and-white
 * print: plaintext is dotted (and red), TLS passed through is long-dashed, mutual TLS is a heavier solid line,
 * TLS keeps the traffic class's own line. Words for the legend say the same.
 */
export const TLS_LINE: Record<'tls' | 'plaintext' | 'passthrough' | 'mtls', { stroke?: string; width?: number; dash?: string; words: string }> = {
  tls: { words: 'solid line' },
  plaintext: { stroke: '#C0392B', dash: '3 3', words: 'dotted red line' },
  passthrough: { dash: '10 3', words: 'long-dashed line' },
  mtls: { width: 3.4, words: 'heavy solid line' },
};

export const SEVERITY_LOOK = {
  error: { fill: '#B2182B', text: '#FFFFFF', legend: 'open error findings' },
  warning: { fill: '#F0B400', text: '#1A1A1A', legend: 'open warning findings' },
  info: { fill: '#4F7FBF', text: '#FFFFFF', legend: 'open info findings' },
} as const;

export const TYPE = {
  title: 17,
  subtitle: 13,
  meta: 11,
  label: 12,
  detail: 10.5,
  header: 12,
  edge: 10.5,
  badge: 10,
  glyph: 9,
  legend: 10.5,
};

export const TEXT_COLOR = '#1A1A1A';
export const DETAIL_COLOR = '#4A4A4A';

/** Leaf box geometry. */
export const LEAF = { padX: 10, padY: 8, icon: 28, gap: 8, minWidth: 120, minHeight: 46, maxText: 190 };
/**
 * A compact view's (the overview's) leaf box: a smaller icon and margins. The overview is a map of names on one
 * landscape page, seven or eight boxes across: each box narrower by 20 px is a column's worth of width.
 */
export const COMPACT_LEAF = { ...LEAF, padX: 8, padY: 7, icon: 24, gap: 6, minWidth: 110, minHeight: 40 };
/** Leaf geometry of a view: the compact box for a compact (overview) or dense (print) view. */
export const leafLook = (small: boolean | undefined): typeof LEAF => (small ? COMPACT_LEAF : LEAF);
/** Container header geometry. */
export const HEADER = { padX: 10, padY: 7, maxText: 300 };
/** Edge label geometry. */
export const EDGE_LABEL = { padX: 5, height: 20, badge: 16, glyph: 14, gap: 4 };

/** The colour themes of a diagram (`aksnet diagram --theme`). */
export type ThemeName = 'light' | 'dark';
export const THEMES: readonly ThemeName[] = Object.freeze(['light', 'dark'] as const);

/**
 * Every colour a diagram draws, as one typed palette per theme. The geometry (stroke widths, dash patterns, radii)
 * stays in BOX, EDGE and TLS_LINE: a theme changes colours only, so light and dark pictures have the same layout
 * and the same line patterns (which is what keeps traffic classes and TLS states apart in black-and-white print).
 */
export interface Palette {
  background: string;
  /** Labels, legend and header text. */
  text: string;
  /** Secondary lines (CIDRs, SKUs). */
  detail: string;
  /** The rule under the metadata block. */
  rule: string;
  /** Fill of edge-label chips, finding-badge chips and hollow (egress) step badges. */
  chip: string;
  boxes: Record<BoxStyle, { fill: string; stroke: string }>;
  edges: Record<EdgeStyle, string>;
  /** The line of a plaintext segment. */
  plaintext: string;
  severity: Record<'error' | 'warning' | 'info', string>;
  /** The number on a filled step badge (the badge takes its edge's colour). */
  badgeText: string;
  /** The number and ring of a hollow egress step badge (overview). */
  egressStep: string;
}

const LIGHT: Palette = {
  background: '#FFFFFF',
  text: TEXT_COLOR,
  detail: DETAIL_COLOR,
  rule: '#BBBBBB',
  chip: '#FFFFFF',
  boxes: Object.fromEntries(
    Object.entries(BOX).map(([k, b]) => [k, { fill: b.fill, stroke: b.stroke }]),
  ) as Palette['boxes'],
  edges: Object.fromEntries(Object.entries(EDGE).map(([k, e]) => [k, e.stroke])) as Palette['edges'],
  plaintext: TLS_LINE.plaintext.stroke!,
  severity: { error: SEVERITY_LOOK.error.fill, warning: SEVERITY_LOOK.warning.fill, info: SEVERITY_LOOK.info.fill },
  badgeText: '#FFFFFF',
  egressStep: '#A84300',
};

/**
 * Dark theme: Okabe–Ito hues lightened for a near-black background, so the traffic classes keep the hues readers
 * know from the light pictures; every text colour meets WCAG AA (4.5:1) on the fill it is drawn on
 * (`contrastPairs`, tested).
 */
const DARK: Palette = {
  background: '#14181E',
  text: '#ECEFF3',
  detail: '#B9C0C9',
  rule: '#4A525C',
  chip: '#1C2129',
  boxes: {
    region: { fill: '#181C22', stroke: '#8C949E' },
    vnet: { fill: '#172434', stroke: '#6FA3D8' },
    subnet: { fill: '#1A1F27', stroke: '#7FAAD6' },
    cluster: { fill: '#15271F', stroke: '#5FBF8A' },
    zone: { fill: '#221F1A', stroke: '#A39B8A' },
    leaf: { fill: '#232830', stroke: '#9AA1AA' },
    actor: { fill: '#2C2515', stroke: '#D9B45A' },
  },
  edges: {
    ingress: '#56B4E9',
    egress: '#F08A3C',
    management: '#D98CC0',
    'private-link': '#3CCB9D',
    peering: '#B4B9C0',
    hybrid: '#E8C547',
    'dns-link': '#A99BE8',
  },
  plaintext: '#FF6B5E',
  severity: { error: '#FF5C6C', warning: '#F0B400', info: '#7FA8E8' },
  badgeText: '#0B1620',
  egressStep: '#F5A05A',
};

export function palette(name: ThemeName = 'light'): Palette {
  return name === 'dark' ? DARK : LIGHT;
}

/** Every text colour a theme draws with the fill it is drawn on (for the contrast check). */
export function contrastPairs(p: Palette): Array<{ what: string; text: string; fill: string }> {
  const out: Array<{ what: string; text: string; fill: string }> = [];
  for (const t of [
    ['text', p.text],
    ['detail', p.detail],
  ] as const) {
    out.push({ what: `${t[0]} on background`, text: t[1], fill: p.background });
    for (const [k, b] of Object.entries(p.boxes)) out.push({ what: `${t[0]} on ${k} box`, text: t[1], fill: b.fill });
    out.push({ what: `${t[0]} on label chip`, text: t[1], fill: p.chip });
  }
  out.push({ what: 'step number on ingress badge', text: p.badgeText, fill: p.edges.ingress });
  out.push({ what: 'egress step number on chip', text: p.egressStep, fill: p.chip });
  out.push({ what: 'egress step number on background', text: p.egressStep, fill: p.background });
  return out;
}
