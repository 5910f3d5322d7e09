/**
 * aksnet's own icon set: original geometric pictograms for every resource kind of the model, plus
 * the small glyphs the diagrams need (TLS locks, severity symbols).
 *
 * Every icon is drawn on a 24×24 grid (viewBox `0 0 24 24`) with 1.75 px round-joined outlines and
 * two or three colours from one palette (see `PALETTE`): a dark "ink" for outlines, a pale "tint"
 * for bodies and a mid tone for accents, so each icon stays readable at 20 px and in grayscale.
 * Bodies are inner SVG markup only: no `<svg>` wrapper, ids, `<style>`, scripts, text or external
 * references, so they can be inlined any number of times into one document.
 *
 * Keys are a resource kind (`azureFirewall`) or a kind with a variant (`paas:keyVault`,
 * `vnetGateway:expressRoute`, `loadBalancer:internal`, `client:corporate`); `icon()` falls back
 * from a variant to its kind and from an unknown kind to a neutral `generic` icon.
 */
import { INGRESS_CONTROLLER_TYPES, PAAS_SERVICES } from '../model/kinds.js';
import type { ResourceKind } from '../model/types.js';

/** One colour family: outline ink, accent mid tone, pale body tint. */
export interface ColourFamily {
  ink: string;
  mid: string;
  tint: string;
}

/**
 * The palette. Families differ in hue *and* the icons differ in shape, so nothing relies on
 * telling red from green; ink/mid/tint differ strongly in lightness for grayscale print.
 */
export const PALETTE = {
  /** Networking: VNets, subnets, gateways, load balancers, DNS, links. */
  network: { ink: '#1d4ed8', mid: '#60a5fa', tint: '#dbeafe' },
  /** Compute: clusters, node pools, workloads, ingress controllers, VMs, agents. */
  compute: { ink: '#0f766e', mid: '#2dd4bf', tint: '#ccfbf1' },
  /** Security: firewalls, NSGs, DDoS, Bastion, appliances, locks. */
  security: { ink: '#b45309', mid: '#f59e0b', tint: '#fef3c7' },
  /** External: internet, clients, on-premises, regions, destinations. */
  external: { ink: '#334155', mid: '#94a3b8', tint: '#e2e8f0' },
  /** Data and platform services (PaaS). */
  data: { ink: '#6d28d9', mid: '#a78bfa', tint: '#ede9fe' },
  /** Errors only. */
  danger: { ink: '#b91c1c', mid: '#dc2626', tint: '#fee2e2' },
} as const satisfies Record<string, ColourFamily>;

/** Variants per kind that have (or may have, in an icon pack) their own icon. */
export const ICON_VARIANTS = {
  paas: PAAS_SERVICES,
  vnetGateway: ['vpn', 'expressRoute'],
  hybridConnection: ['vpn', 'expressRoute'],
  loadBalancer: ['public', 'internal'],
  client: ['internet', 'corporate', 'partner'],
  ingressController: INGRESS_CONTROLLER_TYPES,
} as const;

type VariantKey = {
  [K in keyof typeof ICON_VARIANTS]: `${K}:${(typeof ICON_VARIANTS)[K][number]}`;
}[keyof typeof ICON_VARIANTS];

/** Glyphs used on edges and badges. */
export const GLYPH_KEYS = ['tls-lock', 'tls-open', 'tls-passthrough', 'tls-mtls', 'sev-error', 'sev-warning', 'sev-info'] as const;
export type GlyphKey = (typeof GLYPH_KEYS)[number];

/** Keys with a built-in drawing. */
export type IconKind =
  | ResourceKind
  | Extract<
      VariantKey,
      | `paas:${'keyVault' | 'containerRegistry' | 'storageBlob' | 'storageFile' | 'sqlDatabase' | 'postgresql' | 'cosmosDb' | 'serviceBus' | 'eventHubs' | 'redis' | 'monitor'}`
      | `vnetGateway:${'vpn' | 'expressRoute'}`
      | `loadBalancer:${'public' | 'internal'}`
      | `client:${'internet' | 'corporate' | 'partner'}`
      | `ingressController:${'app-routing-nginx' | 'istio-gateway'}`
    >
  | GlyphKey
  | 'generic';

export interface IconDef {
  viewBox: '0 0 24 24';
  body: string;
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers

type Fam = ColourFamily;
const WHITE = '#ffffff';
const SW = '1.75';

/** Wrap an icon: outline defaults (ink stroke, no fill, round caps and joins). */
function g(f: Fam, inner: string): string {
  return `<g fill="none" stroke="${f.ink}" stroke-width="${SW}" stroke-linecap="round" stroke-linejoin="round">${inner}</g>`;
}

const fill = (c: string): string => `fill="${c}"`;

/** A closed padlock with its shackle; `x`,`y` top-left of the body. */
function padlock(f: Fam, x: number, y: number, w: number, h: number, opts: { open?: boolean; bodyFill?: string; keyhole?: boolean } = {}): string {
  const cx = x + w / 2;
  const r = w * 0.3;
  const left = cx - r;
  const top = y - r * 0.9;
  const shackle = opts.open
    ? `<path d="M${n(left)} ${n(y)}V${n(top - r * 0.35)}a${n(r)} ${n(r)} 0 0 1 ${n(2 * r)} 0V${n(top + r * 0.05)}"/>`
    : `<path d="M${n(left)} ${n(y)}V${n(top)}a${n(r)} ${n(r)} 0 0 1 ${n(2 * r)} 0V${n(y)}"/>`;
  const hole =
    opts.keyhole === false
      ? ''
      : `<path d="M${n(cx)} ${n(y + h * 0.42)}v${n(h * 0.22)}" stroke-width="2"/>`;
  return `${shackle}<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(2, w / 6))}" ${fill(opts.bodyFill ?? f.tint)}/>${hole}`;
}

/** Format a number compactly. */
function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** Regular polygon points (for hexagons). */
function poly(cx: number, cy: number, r: number, sides: number, startDeg: number): string {
  const pts: string[] = [];
  for (let i = 0; i < sides; i++) {
    const a = ((startDeg + (360 / sides) * i) * Math.PI) / 180;
    pts.push(`${n(cx + r * Math.cos(a))} ${n(cy + r * Math.sin(a))}`);
  }
  return pts.join(' ');
}

/** A gear outline path with `teeth` teeth. */
function gear(cx: number, cy: number, outer: number, inner: number, teeth: number): string {
  const parts: string[] = [];
  const step = (Math.PI * 2) / teeth;
  for (let i = 0; i < teeth; i++) {
    const a = i * step - Math.PI / 2;
    const pts = [
      [inner, a - step * 0.5],
      [inner, a - step * 0.22],
      [outer, a - step * 0.14],
      [outer, a + step * 0.14],
      [inner, a + step * 0.22],
    ] as const;
    for (const [r, t] of pts) parts.push(`${parts.length === 0 ? 'M' : 'L'}${n(cx + r * Math.cos(t))} ${n(cy + r * Math.sin(t))}`);
  }
  return `${parts.join('')}Z`;
}

/** A small round badge at the lower right, drawn over the icon with a white halo. */
function badge(inner: string, cx = 18, cy = 18, r = 4.75, f: Fam = PALETTE.external): string {
  return `<circle cx="${cx}" cy="${cy}" r="${r + 1}" fill="${WHITE}" stroke="none"/><circle cx="${cx}" cy="${cy}" r="${r}" fill="${f.tint}" stroke="${f.ink}" stroke-width="1.1"/>${inner}`;
}

// ---------------------------------------------------------------------------------------------
// Shared shapes

const NET = PALETTE.network;
const CMP = PALETTE.compute;
const SEC = PALETTE.security;
const EXT = PALETTE.external;
const DAT = PALETTE.data;
const DNG = PALETTE.danger;

const SHIELD = 'M12 2.75 19.5 5.5V11c0 4.8-3.2 8.4-7.5 10.25C7.7 19.4 4.5 15.8 4.5 11V5.5Z';

function globe(f: Fam, cx: number, cy: number, r: number, sw = SW): string {
  const rx = r * 0.42;
  const dy = r * 0.5;
  const half = Math.sqrt(r * r - dy * dy);
  const thin = n(Number(sw) * 0.72);
  return (
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" ${fill(f.tint)} stroke-width="${sw}"/>` +
    `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(r)}" stroke-width="${thin}"/>` +
    `<path d="M${n(cx - r)} ${n(cy)}H${n(cx + r)}" stroke-width="${thin}"/>` +
    `<path d="M${n(cx - half)} ${n(cy - dy)}Q${n(cx)} ${n(cy - dy + r * 0.16)} ${n(cx + half)} ${n(cy - dy)}M${n(cx - half)} ${n(cy + dy)}Q${n(cx)} ${n(cy + dy - r * 0.16)} ${n(cx + half)} ${n(cy + dy)}" stroke-width="${thin}"/>`
  );
}

function cylinder(f: Fam, x: number, top: number, w: number, h: number): string {
  const rx = w / 2;
  const ry = w * 0.18;
  const cx = x + rx;
  const bottom = top + h;
  const mid1 = top + h / 3;
  const mid2 = top + (2 * h) / 3;
  return (
    `<path d="M${n(x)} ${n(top)}V${n(bottom)}a${n(rx)} ${n(ry)} 0 0 0 ${n(w)} 0V${n(top)}" ${fill(f.tint)}/>` +
    `<path d="M${n(x)} ${n(mid1)}a${n(rx)} ${n(ry)} 0 0 0 ${n(w)} 0M${n(x)} ${n(mid2)}a${n(rx)} ${n(ry)} 0 0 0 ${n(w)} 0" stroke-width="1.5"/>` +
    `<ellipse cx="${n(cx)}" cy="${n(top)}" rx="${n(rx)}" ry="${n(ry)}" ${fill(f.mid)}/>`
  );
}

function person(f: Fam, cx: number, headY: number, headR: number, shoulderW: number, baseY: number, bodyFill = f.tint): string {
  const top = headY + headR + 1.6;
  const half = shoulderW / 2;
  return (
    `<path d="M${n(cx - half)} ${n(baseY)}c0-${n((baseY - top) * 0.62)} ${n(half * 0.45)}-${n(baseY - top)} ${n(half)}-${n(baseY - top)}s${n(half)} ${n((baseY - top) * 0.38)} ${n(half)} ${n(baseY - top)}Z" ${fill(bodyFill)}/>` +
    `<circle cx="${n(cx)}" cy="${n(headY)}" r="${n(headR)}" ${fill(f.tint)}/>`
  );
}

function lbTree(f: Fam): string {
  return (
    `<path d="M12 7.5V16.5M10.5 7 5.5 16.5M13.5 7 18.5 16.5" stroke-width="1.5"/>` +
    `<circle cx="12" cy="5" r="2.75" ${fill(f.mid)}/>` +
    `<circle cx="5" cy="19" r="2.25" ${fill(f.tint)}/><circle cx="12" cy="19" r="2.25" ${fill(f.tint)}/><circle cx="19" cy="19" r="2.25" ${fill(f.tint)}/>`
  );
}

function gate(f: Fam): string {
  return `<path d="M4 21V10a8 8 0 0 1 16 0V21H15.5V12.5a3.5 3.5 0 0 0-7 0V21Z" ${fill(f.tint)}/><path d="M2.5 21H21.5"/>`;
}

function ingress(): string {
  return (
    `<polygon points="${poly(13.5, 12, 8.5, 6, -90)}" ${fill(CMP.tint)}/>` +
    `<path d="M2.25 12H13.5M10.5 8.75 13.75 12 10.5 15.25" stroke-width="2"/>` +
    `<circle cx="16.5" cy="12" r="1.4" ${fill(CMP.mid)} stroke="none"/>`
  );
}

/** Badge: a small cloud, for controllers run by AKS as a managed add-on. */
const MANAGED_BADGE = badge(
  `<path d="M16.5 20.35a1.5 1.5 0 0 1-.15-2.98 2.25 2.25 0 0 1 4.3-.5 1.75 1.75 0 0 1-.05 3.48Z" fill="${NET.ink}" stroke="none"/>`,
  18.5,
  18.5,
  4.5,
  NET,
);

/** Badge: three linked dots, for a service-mesh gateway. */
const MESH_BADGE = badge(
  `<path d="M18.5 16.5 16.7 19.7H20.3Z" stroke="${CMP.ink}" stroke-width="0.9"/>` +
    `<circle cx="18.5" cy="16.5" r="1.05" fill="${CMP.ink}" stroke="none"/><circle cx="16.7" cy="19.7" r="1.05" fill="${CMP.ink}" stroke="none"/><circle cx="20.3" cy="19.7" r="1.05" fill="${CMP.ink}" stroke="none"/>`,
  18.5,
  18.5,
  4.5,
  CMP,
);

// ---------------------------------------------------------------------------------------------
// The icons

const BUILTIN: Record<IconKind, string> = {
  region: g(
    EXT,
    `<rect x="2.75" y="2.75" width="18.5" height="18.5" rx="3" stroke="${EXT.mid}" stroke-dasharray="3 2.5"/>` +
      `<path d="M12 19s-5-4.6-5-8.75a5 5 0 0 1 10 0C17 14.4 12 19 12 19Z" ${fill(NET.tint)} stroke="${NET.ink}"/>` +
      `<circle cx="12" cy="10.25" r="1.9" ${fill(NET.mid)} stroke="${NET.ink}" stroke-width="1.5"/>`,
  ),
  vnet: g(
    NET,
    `<rect x="2.5" y="3.75" width="19" height="16.5" rx="3" ${fill(NET.tint)}/>` +
      `<path d="M6.25 8.25H17.75M6.25 8.25V13M12 8.25V13M17.75 8.25V13" stroke-width="1.5"/>` +
      `<circle cx="6.25" cy="15" r="1.75" ${fill(WHITE)} stroke-width="1.5"/><circle cx="12" cy="15" r="1.75" ${fill(NET.mid)} stroke-width="1.5"/><circle cx="17.75" cy="15" r="1.75" ${fill(WHITE)} stroke-width="1.5"/>`,
  ),
  subnet: g(
    NET,
    `<rect x="3" y="3" width="18" height="18" rx="2.5" ${fill(WHITE)}/>` +
      `<path d="M5.5 3H10.5A1.5 1.5 0 0 1 12 4.5V12H3V5.5A2.5 2.5 0 0 1 5.5 3Z" ${fill(NET.mid)} stroke="none"/>` +
      `<rect x="3" y="3" width="18" height="18" rx="2.5"/>` +
      `<path d="M12 3V21M3 12H21" stroke-width="1.5" stroke-dasharray="2 2"/>`,
  ),
  routeTable: g(
    NET,
    `<path d="M12 2.75V21.25M8.5 21.25H15.5"/>` +
      `<path d="M12 4.5H18L20.5 7L18 9.5H12Z" ${fill(NET.mid)}/>` +
      `<path d="M12 11.5H6L3.5 14L6 16.5H12Z" ${fill(NET.tint)}/>`,
  ),
  nsg: g(
    SEC,
    `<path d="${SHIELD}" ${fill(SEC.tint)}/>` +
      `<path d="M8.5 8.5H15.5M8.5 12H15.5M8.5 15.5H12.5" stroke-width="1.6"/>`,
  ),
  natGateway: g(
    NET,
    `<path d="M3 5 10 12M3 12H10M3 19 10 12" stroke-width="1.5"/>` +
      `<path d="M12 12H20.5M17 8.5 20.75 12 17 15.5"/>` +
      `<circle cx="11" cy="12" r="2.75" ${fill(NET.mid)}/>` +
      `<circle cx="3" cy="5" r="1.25" ${fill(NET.ink)} stroke="none"/><circle cx="3" cy="12" r="1.25" ${fill(NET.ink)} stroke="none"/><circle cx="3" cy="19" r="1.25" ${fill(NET.ink)} stroke="none"/>`,
  ),
  ddosProtectionPlan: g(
    SEC,
    `<path d="${SHIELD}" ${fill(SEC.tint)}/>` +
      `<path d="M13 6.25 8.75 12.5H12L11 17.75 15.25 11.5H12Z" ${fill(SEC.mid)} stroke-width="1.5"/>`,
  ),
  privateDnsZone: g(
    NET,
    `<path d="M3 4.5H13.5L18 9 13.5 13.5H3Z" ${fill(NET.tint)}/>` +
      `<circle cx="13.25" cy="9" r="1.1" ${fill(NET.ink)} stroke="none"/>` +
      `<path d="M5.75 7.5H10M5.75 10.5H9" stroke-width="1.5"/>` +
      `<g stroke="${SEC.ink}" stroke-width="1.5">${padlock(SEC, 13.5, 15.5, 7.5, 5.75, { bodyFill: SEC.mid, keyhole: false })}</g>`,
  ),
  paas: g(
    DAT,
    `<path d="M6.5 18.5a4 4 0 0 1-.5-7.95 6 6 0 0 1 11.5-1.55 4.75 4.75 0 0 1 0 9.5Z" ${fill(DAT.tint)}/>` +
      `<path d="M9 15.5H15" stroke="${DAT.mid}" stroke-width="2"/>`,
  ),
  'paas:keyVault': g(
    DAT,
    `<rect x="3.5" y="3.5" width="17" height="15.5" rx="2" ${fill(DAT.tint)}/>` +
      `<path d="M6.5 19V21M17.5 19V21"/>` +
      `<circle cx="11" cy="11.25" r="4" ${fill(WHITE)}/>` +
      `<path d="M11 7.25V8.5M11 14V15.25M7 11.25H8.25M13.75 11.25H15" stroke-width="1.5"/>` +
      `<circle cx="11" cy="11.25" r="1.6" ${fill(SEC.mid)} stroke="${SEC.ink}" stroke-width="1.25"/>` +
      `<path d="M17.5 8.5V14" stroke-width="2.25"/>`,
  ),
  'paas:containerRegistry': g(
    DAT,
    `<rect x="6" y="4" width="12" height="6.5" rx="1" ${fill(DAT.mid)}/>` +
      `<rect x="2.75" y="12.5" width="18.5" height="7.5" rx="1" ${fill(DAT.tint)}/>` +
      `<path d="M9 6.25V8.25M12 6.25V8.25M15 6.25V8.25M6.5 14.75V17.75M10 14.75V17.75M14 14.75V17.75M17.5 14.75V17.75" stroke-width="1.4"/>`,
  ),
  'paas:storageBlob': g(
    DAT,
    `<path d="M4 7 5.75 18.75C6 20 8.75 21 12 21s6-1 6.25-2.25L20 7" ${fill(DAT.tint)}/>` +
      `<ellipse cx="12" cy="7" rx="8" ry="2.75" ${fill(WHITE)}/>` +
      `<circle cx="9.5" cy="13" r="1.9" ${fill(DAT.mid)} stroke-width="1.4"/><circle cx="14.75" cy="12.25" r="1.4" ${fill(DAT.mid)} stroke-width="1.4"/><circle cx="12.75" cy="16.75" r="1.6" ${fill(DAT.mid)} stroke-width="1.4"/>`,
  ),
  'paas:storageFile': g(
    DAT,
    `<path d="M3 18V6.5A1.5 1.5 0 0 1 4.5 5H9.25L11.25 7.25H19.5A1.5 1.5 0 0 1 21 8.75V18A1.5 1.5 0 0 1 19.5 19.5H4.5A1.5 1.5 0 0 1 3 18Z" ${fill(DAT.tint)}/>` +
      `<path d="M3 10.5H21" />` +
      `<path d="M7 14H13M7 16.5H11" stroke="${DAT.mid}" stroke-width="1.75"/>`,
  ),
  'paas:sqlDatabase': g(DAT, cylinder(DAT, 4.75, 5.25, 14.5, 13.5)),
  'paas:postgresql': g(
    DAT,
    cylinder(DAT, 3, 5.25, 12.5, 13.5) +
      `<circle cx="17.5" cy="16.75" r="5.5" fill="${WHITE}" stroke="none"/>` +
      `<circle cx="14.9" cy="15.4" r="2.1" ${fill(DAT.mid)} stroke-width="1.25"/><circle cx="20.1" cy="15.4" r="2.1" ${fill(DAT.mid)} stroke-width="1.25"/>` +
      `<circle cx="17.5" cy="15.6" r="2.3" ${fill(DAT.tint)} stroke-width="1.25"/>` +
      `<path d="M17.5 17.8V20.6A1.1 1.1 0 0 0 19 21.4" stroke-width="1.4"/>`,
  ),
  'paas:cosmosDb': g(
    DAT,
    `<g transform="rotate(-25 12 12)"><ellipse cx="12" cy="12" rx="10" ry="3.5" stroke="${DAT.mid}" stroke-width="1.6"/></g>` +
      `<circle cx="12" cy="12" r="5.5" ${fill(DAT.tint)}/>` +
      `<g transform="rotate(-25 12 12)"><path d="M22 12A10 3.5 0 0 1 2 12" stroke="${DAT.mid}" stroke-width="1.6"/></g>` +
      `<circle cx="4.5" cy="5" r="1" ${fill(DAT.ink)} stroke="none"/><circle cx="19.5" cy="19.5" r="0.9" ${fill(DAT.ink)} stroke="none"/>`,
  ),
  'paas:serviceBus': g(
    DAT,
    `<rect x="6.5" y="2.75" width="13" height="9" rx="1.25" ${fill(DAT.mid)} stroke-width="1.5"/>` +
      `<rect x="2.75" y="7.25" width="14.5" height="10" rx="1.5" ${fill(DAT.tint)}/>` +
      `<path d="M3.25 8 10 12.75 16.75 8" stroke-width="1.5"/>` +
      `<path d="M13.5 20H21M18.75 17.75 21.25 20 18.75 22.25" stroke-width="1.5"/>`,
  ),
  'paas:eventHubs': g(
    DAT,
    `<path d="M12 12 12 4M12 12 19 8M12 12 19 16M12 12 12 20M12 12 5 16M12 12 5 8" stroke-width="1.4"/>` +
      `<circle cx="12" cy="12" r="3.5" ${fill(DAT.mid)}/>` +
      `<circle cx="12" cy="3.75" r="1.75" ${fill(DAT.tint)} stroke-width="1.4"/><circle cx="19.25" cy="7.9" r="1.75" ${fill(DAT.tint)} stroke-width="1.4"/><circle cx="19.25" cy="16.1" r="1.75" ${fill(DAT.tint)} stroke-width="1.4"/><circle cx="12" cy="20.25" r="1.75" ${fill(DAT.tint)} stroke-width="1.4"/><circle cx="4.75" cy="16.1" r="1.75" ${fill(DAT.tint)} stroke-width="1.4"/><circle cx="4.75" cy="7.9" r="1.75" ${fill(DAT.tint)} stroke-width="1.4"/>`,
  ),
  'paas:redis': g(
    DAT,
    `<path d="M3.5 16 12 20 20.5 16" />` +
      `<path d="M3.5 12 12 16 20.5 12" />` +
      `<path d="M12 4 20.5 8 12 12 3.5 8Z" ${fill(DAT.mid)}/>` +
      `<path d="M12.75 5.25 10.75 8.25H13.25L11.25 10.75" stroke="${WHITE}" stroke-width="1.4"/>`,
  ),
  'paas:monitor': g(
    DAT,
    `<circle cx="12" cy="12" r="9" ${fill(DAT.tint)}/>` +
      `<path d="M4.5 12.5H8L10 8 13.5 16.5 15.5 12.5H19.5" stroke-width="1.75"/>`,
  ),
  privateEndpoint: g(
    NET,
    `<g transform="translate(-1.5 0)">` +
      `<path d="M9.75 3.5V8M14.25 3.5V8" stroke-width="2"/>` +
      `<path d="M7 8H17V11.5A5 5 0 0 1 12 16.5 5 5 0 0 1 7 11.5Z" ${fill(NET.tint)}/>` +
      `<path d="M12 16.5V18.5A2.5 2.5 0 0 0 14.5 21H20.5"/>` +
      `<circle cx="12" cy="11.5" r="1.5" ${fill(NET.mid)} stroke="none"/>` + `</g>`,
  ),
  onPremises: g(
    EXT,
    `<path d="M2.5 21H21.5"/>` +
      `<rect x="4" y="4" width="10" height="17" ${fill(EXT.tint)}/>` +
      `<rect x="14" y="10" width="6" height="11" ${fill(EXT.mid)}/>` +
      `<path d="M7 7.5H8M10 7.5H11M7 11H8M10 11H11M7 14.5H8M10 14.5H11" stroke-width="1.75"/>` +
      `<path d="M8 21V18H10V21" stroke-width="1.5"/>`,
  ),
  vnetGateway: g(NET, gate(NET) + `<path d="M6.5 16.5H17.5M8.5 14.5 6.25 16.5 8.5 18.5M15.5 14.5 17.75 16.5 15.5 18.5" stroke="${NET.ink}" stroke-width="1.5"/>`),
  'vnetGateway:vpn': g(
    NET,
    gate(NET) +
      `<g stroke="${SEC.ink}" stroke-width="1.4">${padlock(SEC, 9.5, 15, 5, 4.25, { bodyFill: SEC.mid, keyhole: false })}</g>`,
  ),
  'vnetGateway:expressRoute': g(
    NET,
    gate(NET) + `<path d="M9 14.25 11 16.5 9 18.75M12.5 14.25 14.5 16.5 12.5 18.75" stroke="${NET.ink}" stroke-width="1.6"/>`,
  ),
  hybridConnection: g(
    EXT,
    `<path d="M2.5 21H21.5" stroke="${EXT.mid}" stroke-dasharray="2 2"/>` +
      `<path d="M4 18Q12 5 20 18" stroke="${NET.ink}" stroke-width="2"/>` +
      `<path d="M8 8.5V13.1M12 8.5V11.5M16 8.5V13.1" stroke-width="1.4"/>` +
      `<path d="M4.25 8.5V19.5M19.75 8.5V19.5"/>` +
      `<path d="M2.5 8.5H21.5" stroke-width="2.25"/>`,
  ),
  bastion: g(
    SEC,
    `<path d="M6 21V9.5H18V21Z" ${fill(SEC.tint)}/>` +
      `<path d="M5 9.5V3.5H8V5.75H10.5V3.5H13.5V5.75H16V3.5H19V9.5Z" ${fill(SEC.mid)}/>` +
      `<path d="M10 21V17.25A2 2 0 0 1 14 17.25V21" ${fill(WHITE)}/>` +
      `<path d="M12 11.75V13.75" stroke-width="1.5"/>` +
      `<path d="M3 21H21"/>`,
  ),
  jumpBox: g(
    CMP,
    `<rect x="2.75" y="3.75" width="18.5" height="13" rx="1.75" ${fill(CMP.tint)}/>` +
      `<path d="M6.5 8 9.25 10.25 6.5 12.5M11 12.75H15" stroke-width="1.75"/>` +
      `<path d="M12 16.75V20.25M8 20.25H16"/>`,
  ),
  buildAgents: g(
    CMP,
    `<path d="${gear(12, 12, 9.5, 7.25, 8)}" ${fill(CMP.tint)}/>` +
      `<circle cx="12" cy="12" r="4.25" ${fill(WHITE)} stroke-width="1.5"/>` +
      `<path d="M10.75 9.9 14.25 12 10.75 14.1Z" ${fill(CMP.mid)} stroke-width="1.25"/>`,
  ),
  azureFirewall: g(
    SEC,
    `<rect x="2.75" y="9" width="18.5" height="12" rx="1" ${fill(SEC.tint)}/>` +
      `<path d="M2.75 13H21.25M2.75 17H21.25M9 9V13M15 9V13M6 13V17M12 13V17M18 13V17M9 17V21M15 17V21" stroke-width="1.4"/>` +
      `<path d="M12 2.5C13.6 4 14.6 5.2 14.6 6.4A2.6 2.4 0 0 1 9.4 6.4C9.4 5.6 9.9 4.9 10.5 4.4 10.6 5.3 11.1 5.6 11.5 5.6 11.7 4.5 11.6 3.5 12 2.5Z" ${fill(SEC.mid)} stroke-width="1.3"/>`,
  ),
  nva: g(
    SEC,
    `<rect x="2.75" y="8" width="18.5" height="8" rx="1.5" ${fill(SEC.tint)}/>` +
      `<circle cx="6" cy="12" r="1.1" ${fill(SEC.mid)} stroke="none"/><circle cx="9.25" cy="12" r="1.1" ${fill(SEC.mid)} stroke="none"/>` +
      `<path d="M13 10.5V13.5M15.5 10.5V13.5M18 10.5V13.5" stroke-width="1.4"/>` +
      `<path d="M5 4.25H18.5M16.25 2.25 18.5 4.25 16.25 6.25M19 19.75H5.5M7.75 17.75 5.5 19.75 7.75 21.75" stroke-width="1.5"/>`,
  ),
  frontDoor: g(
    NET,
    `<path d="M5 21.25V3.25H16V21.25" ${fill(NET.tint)}/>` +
      `<path d="M5 3.25 11.5 5.25V22.5L5 21.25Z" ${fill(NET.mid)}/>` +
      `<circle cx="9.75" cy="13.5" r="0.9" ${fill(NET.ink)} stroke="none"/>` +
      `<path d="M3 21.25H21M14 12.5H20.5M18.25 10.25 20.5 12.5 18.25 14.75" stroke-width="1.5"/>`,
  ),
  applicationGateway: g(
    NET,
    `<path d="M2.5 12H7.5" />` +
      `<path d="M14.5 10.5 19.5 5.5M14.5 12H20.5M14.5 13.5 19.5 18.5" stroke-width="1.5"/>` +
      `<path d="M16.5 5.25H19.75V8.5M18.25 9.75 20.75 12 18.25 14.25M19.75 15.5V18.75H16.5" stroke-width="1.5"/>` +
      `<rect x="7.5" y="8" width="7" height="8" rx="2" ${fill(NET.mid)}/>`,
  ),
  agc: g(
    NET,
    `<path d="M2.5 12H7" />` +
      `<path d="M12 10.5 15.5 6M12 12H15.5M12 13.5 15.5 18" stroke-width="1.5"/>` +
      `<rect x="6.5" y="8.75" width="5.5" height="6.5" rx="1.75" ${fill(NET.mid)}/>` +
      `<g stroke="${CMP.ink}" stroke-width="1.4"><rect x="15.75" y="3" width="5.5" height="5" rx="0.8" ${fill(CMP.tint)}/><rect x="15.75" y="9.5" width="5.5" height="5" rx="0.8" ${fill(CMP.tint)}/><rect x="15.75" y="16" width="5.5" height="5" rx="0.8" ${fill(CMP.tint)}/></g>`,
  ),
  apiManagement: g(
    NET,
    `<path d="M8.5 3.5H7.75C6.5 3.5 6 4.25 6 5.5V9.5C6 10.75 5.25 12 3.75 12 5.25 12 6 13.25 6 14.5V18.5C6 19.75 6.5 20.5 7.75 20.5H8.5"/>` +
      `<path d="M15.5 3.5H16.25C17.5 3.5 18 4.25 18 5.5V9.5C18 10.75 18.75 12 20.25 12 18.75 12 18 13.25 18 14.5V18.5C18 19.75 17.5 20.5 16.25 20.5H15.5"/>` +
      `<circle cx="12" cy="12" r="2.5" ${fill(NET.mid)}/>`,
  ),
  loadBalancer: g(NET, lbTree(NET)),
  'loadBalancer:public': g(
    NET,
    lbTree(NET).replace(`<circle cx="12" cy="5" r="2.75" fill="${NET.mid}"/>`, '') +
      `<circle cx="12" cy="5.25" r="4" fill="${WHITE}" stroke="none"/>` +
      `<g stroke="${NET.ink}" stroke-width="1.3"><circle cx="12" cy="5.25" r="3.4" ${fill(NET.mid)}/><ellipse cx="12" cy="5.25" rx="1.4" ry="3.4"/><path d="M8.6 5.25H15.4"/></g>`,
  ),
  'loadBalancer:internal': g(
    NET,
    `<rect x="1.5" y="1.5" width="21" height="21" rx="3" stroke="${NET.mid}" stroke-width="1.25" stroke-dasharray="2.5 2"/>` +
      `<g transform="translate(12 12) scale(0.82) translate(-12 -12)">${lbTree(NET)}</g>`,
  ),
  privateLinkService: g(
    NET,
    `<rect x="2.25" y="8.5" width="11.5" height="7" rx="3.5" ${fill(NET.tint)} transform="rotate(-35 8 12)"/>` +
      `<rect x="10.25" y="8.5" width="11.5" height="7" rx="3.5" transform="rotate(-35 16 12)"/>`,
  ),
  ingressController: g(CMP, ingress()),
  'ingressController:app-routing-nginx': g(CMP, ingress() + MANAGED_BADGE),
  'ingressController:istio-gateway': g(CMP, ingress() + MESH_BADGE),
  cluster: g(
    CMP,
    `<polygon points="${poly(12, 12, 9.75, 6, -90)}" ${fill(CMP.tint)}/>` +
      `<path d="M12 8.5 8.5 14.5H15.5Z" stroke-width="1.25"/>` +
      `<circle cx="12" cy="8.5" r="2.1" ${fill(CMP.mid)} stroke-width="1.4"/><circle cx="8.5" cy="14.5" r="2.1" ${fill(CMP.mid)} stroke-width="1.4"/><circle cx="15.5" cy="14.5" r="2.1" ${fill(CMP.mid)} stroke-width="1.4"/>`,
  ),
  nodePool: g(
    CMP,
    [3.25, 9.5, 15.75]
      .map(
        (y) =>
          `<rect x="3.5" y="${y}" width="17" height="5" rx="1.25" ${fill(CMP.tint)}/><circle cx="6.75" cy="${y + 2.5}" r="0.95" ${fill(CMP.ink)} stroke="none"/><path d="M10.5 ${y + 2.5}H17" stroke="${CMP.mid}" stroke-width="1.5"/>`,
      )
      .join(''),
  ),
  apiServer: g(
    CMP,
    `<rect x="3" y="3" width="18" height="18" rx="3" ${fill(CMP.tint)}/>` +
      `<path d="M8 6.5V17.5M12 6.5V17.5M16 6.5V17.5" stroke-width="1.5"/>` +
      `<circle cx="8" cy="9.5" r="1.9" ${fill(CMP.mid)} stroke-width="1.5"/><circle cx="12" cy="14.5" r="1.9" ${fill(CMP.mid)} stroke-width="1.5"/><circle cx="16" cy="11" r="1.9" ${fill(CMP.mid)} stroke-width="1.5"/>`,
  ),
  client: g(
    EXT,
    `<rect x="4.5" y="4.5" width="15" height="10.5" rx="1.25" ${fill(EXT.tint)}/>` +
      `<path d="M2.5 18.75H21.5L19.75 15H4.25Z" ${fill(EXT.mid)}/>`,
  ),
  'client:internet': g(
    EXT,
    person(EXT, 9, 7.25, 3.5, 13, 20.5) +
      badge(`<g stroke="${NET.ink}" stroke-width="1"><ellipse cx="17.5" cy="17" rx="1.7" ry="4"/><path d="M13.5 17H21.5"/></g>`, 17.5, 17, 4, NET),
  ),
  'client:corporate': g(
    EXT,
    person(EXT, 12, 7, 3.75, 15.5, 21) + `<path d="M12 13.75 10.75 15.25 12 20 13.25 15.25Z" ${fill(EXT.ink)} stroke-width="1"/>`,
  ),
  'client:partner': g(
    EXT,
    person(EXT, 15.5, 6.5, 3, 12, 18.5, EXT.mid) +
      person(EXT, 8.5, 9.5, 3.25, 13, 21.25),
  ),
  workload: g(
    CMP,
    `<path d="M12 2.75 20.25 7.25V16.75L12 21.25 3.75 16.75V7.25Z" ${fill(CMP.tint)}/>` +
      `<path d="M3.75 7.25 12 11.75 20.25 7.25Z" ${fill(CMP.mid)}/>` +
      `<path d="M12 11.75V21.25"/>`,
  ),
  egressDestination: g(
    EXT,
    `<g transform="translate(1.25 0)">` +
      `<path d="M5.5 21.25V2.75"/>` +
      `<path d="M5.5 3.75H18.5L16 8 18.5 12.25H5.5Z" ${fill(EXT.tint)}/>` +
      `<path d="M5.5 3.75H12V12.25H5.5Z" ${fill(EXT.mid)} stroke="none"/>` +
      `<path d="M5.5 3.75H18.5L16 8 18.5 12.25H5.5"/>` +
      `<path d="M3 21.25H9"/>` + `</g>`,
  ),
  internet: g(EXT, globe(EXT, 12, 12, 9)),
  publicIp: g(
    EXT,
    `<rect x="2.75" y="6.75" width="18.5" height="10.5" rx="2" ${fill(EXT.tint)}/>` +
      `<path d="M9 9.5V14.5M12.5 14.5V9.5H14.5A1.5 1.5 0 0 1 14.5 12.5H12.5" stroke-width="1.5"/>`,
  ),
  firewallPolicy: g(
    SEC,
    `<path d="M5.75 2.75H15L18.25 6V21.25H5.75Z" ${fill(SEC.tint)}/>` +
      `<path d="M8.5 9.5H15.5M8.5 13H15.5M8.5 16.5H13" stroke-width="1.4"/>`,
  ),
  trafficManager: g(
    NET,
    globe(NET, 12, 12, 8) + `<path d="M12 4V1.5M12 20V22.5M4 12H1.5M20 12H22.5" stroke-width="1.5"/>`,
  ),
  'tls-lock': g(CMP, padlock(CMP, 5, 10.5, 14, 10.5)),
  'tls-open': g(SEC, padlock(SEC, 5, 11.5, 14, 9.75, { open: true })),
  'tls-passthrough': g(
    CMP,
    padlock(CMP, 5.5, 12.5, 13, 9) +
      `<path d="M7.25 9.25H16.75" stroke="${WHITE}" stroke-width="4"/>` +
      `<path d="M1.75 9.25H21.75M18.5 6 21.75 9.25 18.5 12.5" stroke="${NET.ink}" stroke-width="2"/>`,
  ),
  'tls-mtls': g(
    CMP,
    `<g stroke-width="1.5">${padlock(CMP, 11.5, 7, 10, 7.5, { bodyFill: CMP.mid, keyhole: false })}</g>` +
      `<rect x="1.75" y="11.25" width="12.5" height="11" rx="2.25" fill="${WHITE}" stroke="none"/>` +
      `<g stroke-width="1.5">${padlock(CMP, 2.5, 12, 11, 9.5)}</g>`,
  ),
  'sev-error': `<polygon points="${poly(12, 12, 10, 8, 22.5)}" fill="${DNG.mid}" stroke="${DNG.ink}" stroke-width="1.25" stroke-linejoin="round"/><path d="M8.5 8.5 15.5 15.5M15.5 8.5 8.5 15.5" fill="none" stroke="${WHITE}" stroke-width="2.5" stroke-linecap="round"/>`,
  'sev-warning': `<path d="M12 2.75 22 20.25H2Z" fill="${SEC.mid}" stroke="${SEC.ink}" stroke-width="1.5" stroke-linejoin="round"/><path d="M12 9V14" fill="none" stroke="#422006" stroke-width="2.5" stroke-linecap="round"/><circle cx="12" cy="17.25" r="1.4" fill="#422006"/>`,
  'sev-info': `<circle cx="12" cy="12" r="10" fill="${NET.ink}"/><path d="M12 11V17" fill="none" stroke="${WHITE}" stroke-width="2.5" stroke-linecap="round"/><circle cx="12" cy="7.25" r="1.5" fill="${WHITE}"/>`,
  generic: g(
    EXT,
    `<rect x="3.5" y="3.5" width="17" height="17" rx="3" ${fill(EXT.tint)} stroke-dasharray="3 2.5"/>` +
      `<circle cx="12" cy="12" r="2.5" ${fill(EXT.mid)}/>`,
  ),
};

/** Every key with a built-in drawing, in a stable order. */
export const ICON_KINDS: readonly IconKind[] = Object.freeze(Object.keys(BUILTIN) as IconKind[]);

/** What each key depicts (for the docs and the contact sheet). */
export const ICON_DESCRIPTIONS: Readonly<Record<IconKind, string>> = {
  region: 'map pin inside a dashed boundary',
  vnet: 'network backbone with three attached nodes in a box',
  subnet: 'square split into four, one quarter highlighted',
  routeTable: 'signpost with two opposite signs',
  nsg: 'shield carrying a list of rules',
  natGateway: 'three sources merging into one outbound arrow',
  ddosProtectionPlan: 'shield with a lightning bolt',
  privateDnsZone: 'name tag with a small padlock',
  paas: 'cloud (generic platform service)',
  'paas:keyVault': 'safe with a combination dial',
  'paas:containerRegistry': 'two stacked shipping containers',
  'paas:storageBlob': 'bucket holding blobs',
  'paas:storageFile': 'folder',
  'paas:sqlDatabase': 'database cylinder',
  'paas:postgresql': 'database cylinder with an elephant head',
  'paas:cosmosDb': 'planet with an orbit ring',
  'paas:serviceBus': 'two envelopes (messages) with an outbound arrow',
  'paas:eventHubs': 'hub with six spokes',
  'paas:redis': 'stacked cache layers with a bolt',
  'paas:monitor': 'heartbeat line in a circle',
  privateEndpoint: 'plug with a cable',
  onPremises: 'office building',
  vnetGateway: 'arched gate with a two-way arrow',
  'vnetGateway:vpn': 'arched gate with a padlock (encrypted tunnel)',
  'vnetGateway:expressRoute': 'arched gate with a fast-forward chevron (dedicated circuit)',
  hybridConnection: 'bridge spanning a gap (VPN or ExpressRoute connection)',
  bastion: 'castle tower',
  jumpBox: 'terminal screen with a prompt',
  buildAgents: 'gear with a play button',
  azureFirewall: 'brick wall with a flame',
  nva: 'network appliance with traffic in both directions',
  frontDoor: 'open door with an arrow',
  applicationGateway: 'one request fanned out by path',
  agc: 'gateway fanning out to three containers',
  apiManagement: 'curly braces around a dot',
  loadBalancer: 'one node spreading to three',
  'loadBalancer:public': 'load balancer with a globe at the front',
  'loadBalancer:internal': 'load balancer inside a dashed private boundary',
  privateLinkService: 'two chain links',
  ingressController: 'arrow entering a hexagon (self-managed controllers: nginx, traefik, contour, …)',
  'ingressController:app-routing-nginx': 'ingress hexagon with a cloud badge (AKS-managed add-on; also app-routing-gateway-api and http-application-routing)',
  'ingressController:istio-gateway': 'ingress hexagon with a mesh badge (service-mesh gateway)',
  cluster: 'hexagon holding three connected nodes',
  nodePool: 'stack of three servers',
  apiServer: 'control panel with three sliders',
  client: 'laptop',
  'client:internet': 'person with a globe',
  'client:corporate': 'person wearing a tie',
  'client:partner': 'two people',
  workload: 'box (pod) in isometric view',
  egressDestination: 'flag on a pole',
  internet: 'globe',
  publicIp: 'address plate reading IP',
  firewallPolicy: 'rule sheet',
  trafficManager: 'globe with four compass spokes',
  'tls-lock': 'closed padlock (TLS)',
  'tls-open': 'open padlock (plaintext)',
  'tls-passthrough': 'arrow passing through a closed padlock (TLS passed through, not terminated)',
  'tls-mtls': 'two padlocks (mutual TLS)',
  'sev-error': 'octagon with a cross',
  'sev-warning': 'triangle with an exclamation mark',
  'sev-info': 'circle with an i',
  generic: 'dashed box (unknown kind)',
};

const BUILTIN_DEFS = new Map<string, IconDef>(
  Object.entries(BUILTIN).map(([k, body]) => [k, Object.freeze({ viewBox: '0 0 24 24', body }) as IconDef]),
);

/** Variant keys drawn with another variant's icon. */
export const ICON_ALIASES: Readonly<Record<string, IconKind>> = {
  'ingressController:app-routing-gateway-api': 'ingressController:app-routing-nginx',
  'ingressController:http-application-routing': 'ingressController:app-routing-nginx',
};

/** Keys to try for `kind`, most specific first: `paas:keyVault`, `paas`, `generic`. */
export function iconFallbacks(kind: string): string[] {
  const keys = [kind];
  const alias = Object.hasOwn(ICON_ALIASES, kind) ? ICON_ALIASES[kind] : undefined;
  if (alias) keys.push(alias);
  const colon = kind.indexOf(':');
  if (colon > 0) keys.push(kind.slice(0, colon));
  keys.push('generic');
  return keys;
}

/**
 * The icon for a key. Falls back from `paas:keyVault` to `paas`, and to the neutral `generic`
 * icon for unknown kinds; never throws. With `pack` (from `loadIconPack`), a pack icon wins over a
 * built-in one of the same specificity.
 */
export function icon(kind: string, pack?: ReadonlyMap<string, IconDef>): IconDef {
  for (const key of iconFallbacks(String(kind))) {
    const fromPack = pack?.get(key);
    if (fromPack) return fromPack;
    const builtin = BUILTIN_DEFS.get(key);
    if (builtin && key !== 'generic') return builtin;
  }
  return BUILTIN_DEFS.get('generic')!;
}

/** Whether `kind` has its own built-in drawing (not a fallback). */
export function hasIcon(kind: string): boolean {
  return BUILTIN_DEFS.has(kind);
}

/** The most specific icon key for a model resource (`paas:keyVault`, `loadBalancer:internal`, …). */
export function iconKey(resource: { kind: string; service?: string; type?: string; visibility?: string; clientKind?: string }): string {
  const { kind } = resource;
  const variant =
    kind === 'paas'
      ? resource.service
      : kind === 'vnetGateway' || kind === 'hybridConnection' || kind === 'ingressController'
        ? resource.type
        : kind === 'loadBalancer'
          ? resource.visibility
          : kind === 'client'
            ? resource.clientKind
            : undefined;
  const allowed = (ICON_VARIANTS as Record<string, readonly string[]>)[kind];
  if (variant && allowed?.includes(variant) && variant !== 'other') return `${kind}:${variant}`;
  return kind;
}

/** Every key an icon pack may supply: the built-in keys plus every `kind:variant`. */
export function knownIconKeys(): string[] {
  const keys = new Set<string>(ICON_KINDS);
  for (const [kind, variants] of Object.entries(ICON_VARIANTS)) for (const v of variants) keys.add(`${kind}:${v}`);
  return [...keys];
}

/** A complete standalone SVG document for one icon (for previews and the contact sheet). */
export function iconSvg(kind: string, size = 24, pack?: ReadonlyMap<string, IconDef>): string {
  const def = icon(kind, pack);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${def.viewBox}">${def.body}</svg>`;
}
