/** Neutral kind glyphs (used until, or when, no icon is available for a kind) and TLS glyphs as SVG markup. */
import type { TlsState } from '../model/types.js';

/** Short abbreviations drawn in the neutral glyph. */
export const KIND_ABBR: Record<string, string> = {
  azureFirewall: 'FW',
  nva: 'NVA',
  applicationGateway: 'AGW',
  agc: 'AGC',
  frontDoor: 'AFD',
  apiManagement: 'APIM',
  loadBalancer: 'LB',
  privateLinkService: 'PLS',
  privateEndpoint: 'PE',
  natGateway: 'NAT',
  routeTable: 'RT',
  bastion: 'BAS',
  jumpBox: 'JMP',
  buildAgents: 'CI',
  vnetGateway: 'GW',
  hybridConnection: 'VPN',
  onPremises: 'DC',
  ingressController: 'ING',
  workload: 'POD',
  nodePool: 'NP',
  apiServer: 'API',
  cluster: 'AKS',
  client: 'USR',
  actor: 'USR',
  internet: 'WWW',
  egressDestination: 'DST',
  paas: 'PaaS',
  privateDnsZone: 'DNS',
  gitops: 'GIT',
  nsg: 'NSG',
};

/** Glyph tint per kind family (fill of the neutral glyph). */
export function glyphTint(kind: string): string {
  if (['applicationGateway', 'agc', 'frontDoor', 'apiManagement', 'loadBalancer', 'ingressController', 'privateLinkService'].includes(kind)) return '#D6E6F5';
  if (['azureFirewall', 'nva', 'natGateway', 'routeTable', 'nsg'].includes(kind)) return '#F8DCCB';
  if (['privateEndpoint', 'paas', 'privateDnsZone'].includes(kind)) return '#CDEBDF';
  if (['nodePool', 'workload', 'apiServer', 'cluster', 'gitops'].includes(kind)) return '#D3EBDD';
  if (['bastion', 'jumpBox', 'buildAgents', 'vnetGateway', 'hybridConnection', 'onPremises'].includes(kind)) return '#EAD9E6';
  return '#E8E8E8';
}

const lock = (x: number, filled: boolean, open: boolean) => {
  const shackle = open ? `M${x + 2.2} 6 V3.6 a2.3 2.3 0 0 1 4.6 0` : `M${x + 2.2} 6 V3.6 a2.3 2.3 0 0 1 4.6 0 V6`;
  return `<path d="${shackle}" fill="none" stroke="#1A1A1A" stroke-width="1.3"/><rect x="${x + 0.8}" y="6" width="7.4" height="6" rx="1" fill="${filled ? '#1A1A1A' : '#FFFFFF'}" stroke="#1A1A1A" stroke-width="1.1"/>`;
};

/** TLS glyph markup in a 14×14 box at the origin. */
export function tlsGlyph(state: TlsState): string {
  switch (state) {
    case 'tls':
      return lock(2.5, true, false);
    case 'plaintext':
      return lock(2.5, false, true);
    case 'mtls':
      return lock(0, true, false) + lock(5.5, true, false);
    case 'passthrough':
      return `${lock(2.5, true, false)}<path d="M0 9 H13 M10.5 6.8 L13.2 9 L10.5 11.2" fill="none" stroke="#FFFFFF" stroke-width="2.6"/><path d="M0 9 H13 M10.5 6.8 L13.2 9 L10.5 11.2" fill="none" stroke="#1A1A1A" stroke-width="1.2"/>`;
  }
}

export const TLS_LEGEND: Record<TlsState, string> = {
  tls: 'TLS (encrypted)',
  plaintext: 'plaintext',
  passthrough: 'TLS passed through undecrypted',
  mtls: 'mutual TLS',
};
