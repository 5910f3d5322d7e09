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
/** Container header geometry. */
export const HEADER = { padX: 10, padY: 7, maxText: 300 };
/** Edge label geometry. */
export const EDGE_LABEL = { padX: 5, height: 20, badge: 16, glyph: 14, gap: 4 };
