/**
 * The IP plan: every VNet and subnet with its size, usable addresses, consumption at maximum
 * scale (with upgrade surge) and headroom, plus the pod and service CIDRs of overlay/kubenet clusters.
 */
import { counted } from './plural.js';
import { cidr } from '../model/cidr.js';
import type { ModelQuery } from '../model/query.js';
import { podCidrDemand, subnetDemand } from '../model/capacity.js';
import type { SubnetResource } from '../model/types.js';
import type { Band, IpPlanView, IpRow } from './types.js';

/** Address counts in the Basis column read as the Size, Usable and Used columns print them: 65,536. */
const fmt = (n: number | null): string => (n === null ? '?' : new Intl.NumberFormat('en-US').format(n));

export function headroomBand(pct: number | null): Band | 'none' {
  if (pct === null) return 'none';
  if (pct < 0) return 'red';
  if (pct < 20) return 'amber';
  return 'green';
}

/**
 * Headroom in percent, rounded to 0.1, and its band. Red exactly when consumption exceeds the usable
 * addresses (the capacity rules' condition), even when the percentage rounds to zero.
 */
function headroom(usable: number | null, used: number | null): { pct: number | null; band: Band | 'none' } {
  if (usable === null || used === null || usable <= 0) return { pct: null, band: used !== null && usable !== null && used > usable ? 'red' : 'none' };
  const pct = Math.round(((usable - used) / usable) * 1000) / 10;
  if (used > usable) return { pct: Math.min(pct, -0.1), band: 'red' };
  return { pct: Object.is(pct, -0) ? 0 : pct, band: headroomBand(pct) };
}

/** Consumption of a subnet at maximum scale (the capacity model's), with a sentence saying how it was computed. */
function subnetConsumption(s: SubnetResource, q: ModelQuery): { used: number | null; usable: number | null; basis: string[] } {
  const d = subnetDemand(q, s.id);
  if (d.used === null) {
    // Every managed resource in it is named: a GatewaySubnet holds an ExpressRoute and a VPN gateway side by side.
    const managed = q.children(s.id).filter((r) => ['azureFirewall', 'bastion', 'vnetGateway', 'agc', 'apiManagement', 'apiServer'].includes(r.kind));
    return { used: null, usable: d.usable, basis: [managed.length ? `managed by Azure (${managed.map((r) => r.name).join(', ')})` : 'no consumption modelled'] };
  }
  return { used: d.used, usable: d.usable, basis: d.terms.map((t) => (t.text.endsWith(`: ${t.addresses}`) ? t.text : `${t.text} = ${fmt(t.addresses)}`)) };
}

const PURPOSE_LABEL: Record<string, string> = {
  'aks-nodes': 'AKS nodes',
  'aks-pods': 'AKS pods',
  'aks-apiserver': 'API server',
  ingress: 'ingress',
  'application-gateway': 'Application Gateway',
  agc: 'App Gateway for Containers',
  'private-endpoints': 'private endpoints',
  'private-link-service': 'Private Link service',
  firewall: 'Azure Firewall',
  'firewall-management': 'firewall management',
  gateway: 'VNet gateway',
  bastion: 'Bastion',
  jumpbox: 'jump box',
  'build-agents': 'build agents',
  apim: 'API Management',
  nva: 'NVA',
  workload: 'workload',
};

export function buildIpPlan(q: ModelQuery): IpPlanView {
  const rows: IpRow[] = [];
  for (const v of q.all('vnet')) {
    const ranges = v.addressSpace.map((a) => cidr(a));
    const size = ranges.every((r) => r) ? ranges.reduce((a, r) => a + r!.size, 0) : null;
    const subnets = v.subnets.map((id) => q.getAs(id, 'subnet')).filter((s): s is SubnetResource => !!s);
    const allocated = subnets.reduce((a, s) => a + (cidr(s.cidr)?.size ?? 0), 0);
    const vpct = size ? Math.round(((size - allocated) / size) * 1000) / 10 : null;
    rows.push({
      level: 'vnet',
      name: v.name,
      parent: v.region,
      purpose: `${v.role} VNet`,
      cidr: v.addressSpace.join(', '),
      size,
      usable: size,
      consumption: allocated,
      basis: `${counted(subnets.length, 'subnet')} allocated; ${size !== null ? fmt(size - allocated) : '?'} addresses unallocated`,
      headroomPct: vpct,
      headroomBand: vpct === null ? 'none' : vpct < 0 ? 'red' : vpct < 10 ? 'amber' : 'green',
    });
    for (const s of subnets) {
      const r = cidr(s.cidr);
      const { used, usable, basis } = subnetConsumption(s, q);
      const h = headroom(usable, used);
      rows.push({
        level: 'subnet',
        name: s.name,
        parent: v.name,
        purpose: s.purpose ? (PURPOSE_LABEL[s.purpose] ?? s.purpose) : '',
        cidr: s.cidr,
        size: r?.size ?? null,
        usable,
        consumption: used,
        basis: basis.join('; '),
        headroomPct: h.pct,
        headroomBand: h.band,
      });
    }
  }
  for (const c of q.all('cluster')) {
    const pd = podCidrDemand(q, c);
    if (c.network.podCidr && (c.network.cni === 'azure-overlay' || c.network.cni === 'kubenet' || c.network.cni === 'byo')) {
      const r = cidr(c.network.podCidr);
      const used = pd ? pd.used : null;
      const h = headroom(r?.size ?? null, used);
      rows.push({
        level: 'pod-cidr',
        name: `${c.name} pods`,
        parent: c.name,
        purpose: `pod CIDR (${c.network.cni})`,
        cidr: c.network.podCidr,
        size: r?.size ?? null,
        usable: r?.size ?? null,
        consumption: used,
        basis: pd
          ? `(${pd.demand.nodes} nodes + ${pd.demand.surge} surge) at maximum scale × /24 per node = ${fmt(used)}`
          : c.network.cni === 'byo'
            ? 'depends on the BYO CNI'
            : 'invalid pod CIDR',
        headroomPct: h.pct,
        headroomBand: h.band,
      });
    }
    const sr = cidr(c.network.serviceCidr);
    rows.push({
      level: 'service-cidr',
      name: `${c.name} services`,
      parent: c.name,
      purpose: 'service CIDR (cluster-internal)',
      cidr: c.network.serviceCidr,
      size: sr?.size ?? null,
      usable: sr ? sr.size - 1 : null,
      consumption: null,
      basis: `DNS service IP ${c.network.dnsServiceIP}; one address per Service`,
      headroomPct: null,
      headroomBand: 'none',
    });
  }
  return {
    rows,
    notes: [
      'Usable = addresses in the subnet minus the 5 Azure reserves in every subnet.',
      'Consumption is computed at maximum scale with the same capacity model as the capacity rules: autoscaler maximum (or fixed count) plus upgrade surge per pool (maxSurge as a count, or a percentage of the pool rounded up; 10 % when unset).',
      'Azure CNI node subnet: (max nodes + surge) × (max pods + 1) per pool. Overlay, kubenet and pod-subnet CNIs: one node-subnet address per node; dynamic pod subnets: max pods per node in batches of 16; static pod subnets: /28 blocks for max pods + 1 per node.',
      'Overlay and kubenet take a /24 per node from the pod CIDR. Other subnets count private endpoints, Application Gateway instances, internal load balancer frontends, Private Link NAT IPs and appliances.',
      'Headroom: green 20 % or more, amber below 20 %, red when consumption exceeds the usable addresses.',
    ],
  };
}
