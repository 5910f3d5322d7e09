/**
 * The public source addresses a partner must allow-list for a design's outbound traffic: one answer that the
 * egress diagram and the egress narrative share.
 *
 * Traffic leaves with the addresses of the last device before the internet on its effective egress path:
 * - a NAT gateway (on the subnet, user-assigned or AKS-managed, or attached to a firewall): every public IP and every
 *   address of its public IP prefixes;
 * - an Azure Firewall or NVA without a NAT gateway: all of its public IPs, since the firewall picks any of them for
 *   SNAT (https://learn.microsoft.com/azure/firewall/features, "Outbound SNAT support");
 * - the outbound load balancer of the `loadBalancer` outbound type: its outbound IPs;
 * - and, where the load balancer's outbound rules would apply, every node of a pool with node public IPs uses its own
 *   address instead (https://learn.microsoft.com/azure/load-balancer/outbound-rules: outbound rules apply only to
 *   VMs without an instance-level public IP).
 * A device used by several clusters counts once. Counts that are a documented minimum rather than a stated fact (a
 * firewall's "at least one public IP") make the total a lower bound (`exact: false`), never a silent exact number.
 */
import { cidr } from './cidr.js';
import type { Id, Model, Resource, ResourceOf } from './types.js';

export interface SnatSource {
  /** The element whose public addresses the traffic leaves with (NAT gateway, firewall, NVA, LB, node pool). */
  device: Id;
  kind: 'natGateway' | 'azureFirewall' | 'nva' | 'loadBalancer' | 'nodePublicIp';
  addresses: number;
  /** False when the count is a platform minimum or an assumption, not stated in the design. */
  exact: boolean;
  /** Clusters whose internet-bound traffic leaves with these addresses, in model order. */
  clusters: Id[];
}

export interface SnatAllowList {
  /** One entry per egress device, in the order the egress paths reach them. */
  sources: SnatSource[];
  total: number;
  /** False when any source's count is only a lower bound. */
  exact: boolean;
}

/** Addresses in a list of IPs and CIDR prefixes; undefined when an entry cannot be read. */
function addressCount(list: string[] | undefined): number | undefined {
  if (!list || list.length === 0) return undefined;
  let n = 0;
  for (const text of list) {
    const r = cidr(text.includes('/') ? text : `${text}/32`);
    if (!r) return undefined;
    n += r.last - r.first + 1;
  }
  return n;
}

/** Whether the normalizer filled in the element's public IP count as a minimum rather than reading it. */
function countDefaulted(model: Model, id: Id): boolean {
  return model.defaults.some((d) => d.element === id && /(^|\.)publicIps$/.test(d.path));
}

/**
 * The public addresses a NAT gateway, firewall or NVA translates to: the declared addresses and prefixes when the
 * design lists them, else its IP count (plus prefix addresses for a NAT gateway); `exact` is false when that count is
 * only the platform minimum the normalizer filled in.
 */
export function publicAddressesOf(
  model: Model,
  r: ResourceOf<'natGateway'> | ResourceOf<'azureFirewall'> | ResourceOf<'nva'>,
): { addresses: number; exact: boolean } {
  const listed = addressCount(r.publicIpAddresses);
  if (listed !== undefined) return { addresses: listed, exact: true };
  return {
    addresses: r.kind === 'natGateway' ? r.publicAddressCount : r.publicIps,
    exact: !countDefaulted(model, r.id),
  };
}

function deviceSource(model: Model, byId: Map<Id, Resource>, r: Resource, cluster: Id): SnatSource | undefined {
  switch (r.kind) {
    case 'natGateway':
    case 'azureFirewall':
    case 'nva':
      return { device: r.id, kind: r.kind, ...publicAddressesOf(model, r), clusters: [cluster] };
    case 'loadBalancer': {
      const c = byId.get(cluster);
      const ips = c?.kind === 'cluster' && c.outbound.type === 'loadBalancer' ? c.outbound.outboundIps : 0;
      return { device: r.id, kind: 'loadBalancer', addresses: ips, exact: true, clusters: [cluster] };
    }
    default:
      return undefined;
  }
}

/**
 * The SNAT addresses of the given clusters' egress paths (all clusters when omitted), each device once.
 * Paths that never reach the internet (forced tunnel, outbound blocked) contribute nothing.
 */
const index = new WeakMap<Model, Map<Id, Resource>>();

export function snatAllowList(model: Model, clusters?: readonly Id[]): SnatAllowList {
  // The narrative asks once per cluster: index the resources once per model.
  let byId = index.get(model);
  if (!byId) {
    byId = new Map(model.resources.map((r) => [r.id, r]));
    index.set(model, byId);
  }
  const sources = new Map<Id, SnatSource>();
  const add = (s: SnatSource): void => {
    const cur = sources.get(s.device);
    if (!cur) sources.set(s.device, s);
    else if (!cur.clusters.includes(s.clusters[0]!)) cur.clusters.push(...s.clusters);
  };
  for (const p of model.egressPaths) {
    if (clusters && !clusters.includes(p.cluster)) continue;
    const i = p.hops.indexOf('internet');
    if (i <= 0) continue;
    const last = byId.get(p.hops[i - 1]!);
    const s = last ? deviceSource(model, byId, last, p.cluster) : undefined;
    if (s) add(s);
    // Outbound rules (and default outbound access) give way to the nodes' own public IPs.
    if (p.via === 'loadBalancer' || p.via === 'internet') {
      const c = byId.get(p.cluster);
      const pools = c?.kind === 'cluster' ? c.nodePools.map((id) => byId.get(id)) : [];
      for (const pool of pools) {
        if (pool?.kind !== 'nodePool' || !pool.nodePublicIp) continue;
        add({
          device: pool.id,
          kind: 'nodePublicIp',
          addresses: pool.maxNodes + pool.surgeNodes,
          exact: true,
          clusters: [p.cluster],
        });
      }
    }
  }
  const list = [...sources.values()];
  return { sources: list, total: list.reduce((a, s) => a + s.addresses, 0), exact: list.every((s) => s.exact) };
}

/** "4 public IPs" / "at least 1 public IP": a count of addresses in words. */
export function publicIpsText(n: number, exact: boolean): string {
  return `${exact ? '' : 'at least '}${n} public IP${n === 1 ? '' : 's'}`;
}

/** The allow-list total in words. */
export function snatTotalText(a: SnatAllowList): string {
  return publicIpsText(a.total, a.exact);
}
