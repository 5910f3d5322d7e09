/**
 * The IP plan: every VNet and subnet with its size, usable addresses, consumption at maximum
 * scale (with upgrade surge) and headroom, plus the pod and service CIDRs of overlay/kubenet clusters.
 */
import { azureUsable, cidr } from '../model/cidr.js';
import type { ModelQuery } from '../model/query.js';
import type { ClusterResource, NodePoolResource, SubnetResource } from '../model/types.js';
import type { Band, IpPlanView, IpRow } from './types.js';

/** Pod addresses per node reserved from the pod CIDR by overlay and kubenet (a /24 per node). */
const POD_BLOCK_PER_NODE = 256;
/** Azure CNI static block allocation hands out pod IPs in /28 blocks. */
const STATIC_BLOCK = 16;

export function headroomBand(pct: number | null): Band | 'none' {
  if (pct === null) return 'none';
  if (pct < 0) return 'red';
  if (pct < 20) return 'amber';
  return 'green';
}

function nodesAtMax(p: NodePoolResource): number {
  return p.maxNodes + p.surgeNodes;
}

function pct(usable: number, used: number): number | null {
  if (usable <= 0) return null;
  return Math.round(((usable - used) / usable) * 1000) / 10;
}

/** Consumption of a subnet at maximum scale, with a sentence saying how it was computed. */
function subnetConsumption(s: SubnetResource, q: ModelQuery): { used: number | null; basis: string[] } {
  const basis: string[] = [];
  let used = 0;
  let known = false;
  const clusters = new Map<string, ClusterResource>();
  for (const c of q.all('cluster')) clusters.set(c.id, c);

  for (const p of q.all('nodePool')) {
    const c = clusters.get(p.cluster);
    if (!c) continue;
    const n = nodesAtMax(p);
    if (p.subnet === s.id) {
      known = true;
      if (c.network.cni === 'azure-nodesubnet') {
        const u = n * (p.maxPods + 1);
        used += u;
        basis.push(`${p.name}: (${p.maxNodes} + ${p.surgeNodes} surge) × (${p.maxPods} pods + 1) = ${u}`);
      } else {
        used += n;
        basis.push(`${p.name}: ${p.maxNodes} + ${p.surgeNodes} surge nodes = ${n}`);
      }
    }
    if (p.podSubnet === s.id) {
      known = true;
      if (c.network.cni === 'azure-podsubnet-static') {
        const perNode = Math.ceil(p.maxPods / STATIC_BLOCK) * STATIC_BLOCK;
        const u = n * perNode;
        used += u;
        basis.push(`${p.name} pods: ${n} nodes × ${perNode} (/28 blocks for ${p.maxPods} pods) = ${u}`);
      } else {
        const u = n * p.maxPods;
        used += u;
        basis.push(`${p.name} pods: ${n} nodes × ${p.maxPods} pods = ${u}`);
      }
    }
  }
  for (const r of q.children(s.id)) {
    switch (r.kind) {
      case 'privateEndpoint':
        used += 1;
        known = true;
        basis.push(`private endpoint ${r.name}: 1`);
        break;
      case 'applicationGateway': {
        const u = r.maxCapacity + (r.privateIp ? 1 : 0);
        used += u;
        known = true;
        basis.push(`${r.name}: ${r.maxCapacity} instances${r.privateIp ? ' + private frontend' : ''} = ${u}`);
        break;
      }
      case 'loadBalancer':
        if (r.visibility === 'internal') {
          used += 1;
          known = true;
          basis.push(`${r.name} frontend: 1`);
        }
        break;
      case 'privateLinkService':
        used += 1;
        known = true;
        basis.push(`${r.name} NAT IP: 1`);
        break;
      case 'nva':
      case 'jumpBox':
        used += 1;
        known = true;
        basis.push(`${r.name}: 1`);
        break;
      default:
        break;
    }
  }
  if (!known) {
    const managed = q.children(s.id).find((r) => ['azureFirewall', 'bastion', 'vnetGateway', 'agc', 'apiManagement', 'apiServer'].includes(r.kind));
    return { used: null, basis: [managed ? `managed by Azure (${managed.name})` : 'no consumption modelled'] };
  }
  return { used, basis };
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
      basis: `${subnets.length} subnet${subnets.length === 1 ? '' : 's'} allocated; ${size !== null ? size - allocated : '?'} addresses unallocated`,
      headroomPct: vpct,
      headroomBand: vpct === null ? 'none' : vpct < 0 ? 'red' : vpct < 10 ? 'amber' : 'green',
    });
    for (const s of subnets) {
      const r = cidr(s.cidr);
      const usable = r ? azureUsable(r) : null;
      const { used, basis } = subnetConsumption(s, q);
      const h = usable !== null && used !== null ? pct(usable, used) : null;
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
        headroomPct: h,
        headroomBand: headroomBand(h),
      });
    }
  }
  for (const c of q.all('cluster')) {
    const pools = q.pools(c.id);
    const n = pools.reduce((a, p) => a + nodesAtMax(p), 0);
    if (c.network.podCidr && (c.network.cni === 'azure-overlay' || c.network.cni === 'kubenet' || c.network.cni === 'byo')) {
      const r = cidr(c.network.podCidr);
      const used = c.network.cni === 'byo' ? null : n * POD_BLOCK_PER_NODE;
      const h = r && used !== null ? pct(r.size, used) : null;
      rows.push({
        level: 'pod-cidr',
        name: `${c.name} pods`,
        parent: c.name,
        purpose: `pod CIDR (${c.network.cni})`,
        cidr: c.network.podCidr,
        size: r?.size ?? null,
        usable: r?.size ?? null,
        consumption: used,
        basis: used === null ? 'depends on the BYO CNI' : `${n} nodes at maximum scale incl. surge × /24 per node = ${used}`,
        headroomPct: h,
        headroomBand: headroomBand(h),
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
      'Consumption is computed at maximum scale: autoscaler maximum (or fixed count) plus upgrade surge nodes per pool.',
      'Azure CNI node subnet: (max nodes + surge) × (max pods + 1) per pool. Overlay, kubenet and pod-subnet CNIs: one node-subnet address per node; pod subnets: nodes × max pods (static allocation rounds up to /28 blocks).',
      'Overlay and kubenet take a /24 per node from the pod CIDR. Other subnets count private endpoints, Application Gateway instances, internal load balancer frontends, Private Link NAT IPs and appliances.',
      'Headroom: green 20 % or more, amber below 20 %, red when consumption exceeds the usable addresses.',
    ],
  };
}
