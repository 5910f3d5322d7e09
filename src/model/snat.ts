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
 * Pods of an Azure CNI pod subnet with a way out of its own (the egress path's `podEgress`) leave with that exit's
 * addresses, which count beside the nodes'. A user-assigned NAT gateway not associated with a node subnet is no exit.
 * A device's count is its IP count or the addresses it lists, whichever is more (deviceAddressCount); an outbound IP
 * count the design states invalidly is not known (`invalid`), never the stand-in the model holds.
 * A device used by several clusters counts once. Counts that are a documented minimum rather than a stated fact (a
 * firewall's "at least one public IP") make the total a lower bound (`exact: false`), never a silent exact number.
 */
import { cidr } from './cidr.js';
import type { EgressPathModel, Id, Model, Resource, ResourceOf } from './types.js';

export interface SnatSource {
  /** The element whose public addresses the traffic leaves with (NAT gateway, firewall, NVA, LB, node pool). */
  device: Id;
  kind: 'natGateway' | 'azureFirewall' | 'nva' | 'loadBalancer' | 'nodePublicIp';
  addresses: number;
  /** False when the count is a platform minimum or an assumption, not stated in the design. */
  exact: boolean;
  /** The addresses the design lists for the device (possibly fewer than `addresses`). */
  listed?: string[];
  /**
   * The DSL path of the invalid value the count would come from (`outbound.outboundIps` of the cluster): the count is
   * not known, `addresses` is 0 and `exact` false.
   */
  invalid?: string;
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

/** Whether the cluster's outbound IP count is a stand-in for an invalid value (the path records those fields). */
function invalidOutboundIps(p: EgressPathModel): boolean {
  return p.invalidOutbound?.includes('outboundIps') ?? false;
}

/** The addresses of a listed IP or prefix as a reader writes them: a single address without its "/32". */
function addressText(text: string): string {
  return text.endsWith('/32') ? text.slice(0, -3) : text;
}

/**
 * How many public addresses a NAT gateway, firewall or NVA translates to, from the design alone: its IP count (plus
 * prefix addresses for a NAT gateway) or the addresses and prefixes it lists, whichever is more. A list shorter than
 * the count names only some of them; one longer than a stated count contradicts it (structure/public-ip-count reports
 * that), and the larger number is the one a partner must at least allow.
 */
export function deviceAddressCount(r: ResourceOf<'natGateway'> | ResourceOf<'azureFirewall'> | ResourceOf<'nva'>): number {
  const count = r.kind === 'natGateway' ? r.publicAddressCount : r.publicIps;
  return Math.max(count, addressCount(r.publicIpAddresses) ?? 0);
}

/** The number of addresses a device's `publicIpAddresses` names; undefined when none is listed or one cannot be read. */
export function listedAddressCount(r: { publicIpAddresses?: string[] }): number | undefined {
  return addressCount(r.publicIpAddresses);
}

/**
 * The public addresses a NAT gateway, firewall or NVA translates to (deviceAddressCount), with the addresses the
 * design lists (`listed`, in the design's order) when it lists any. `exact` is false when the count is only the
 * platform minimum the normalizer filled in and the list does not name more.
 */
export function publicAddressesOf(
  model: Model,
  r: ResourceOf<'natGateway'> | ResourceOf<'azureFirewall'> | ResourceOf<'nva'>,
): { addresses: number; exact: boolean; listed?: string[]; invalid?: string } {
  // An AKS-managed NAT gateway takes its IP count from its cluster's outbound settings, which may be invalid.
  if (r.kind === 'natGateway' && r.parent && model.egressPaths.some((p) => p.outboundDevice === r.id && p.cluster === r.parent && invalidOutboundIps(p))) {
    return { addresses: 0, exact: false, invalid: 'outbound.outboundIps' };
  }
  const listedCount = addressCount(r.publicIpAddresses);
  const count = r.kind === 'natGateway' ? r.publicAddressCount : r.publicIps;
  const listed = r.publicIpAddresses?.length ? { listed: r.publicIpAddresses.map(addressText) } : {};
  // A listed set at least as large as a defaulted minimum is the design's own statement of the addresses.
  const exact = !countDefaulted(model, r.id) || (listedCount !== undefined && listedCount >= count);
  return { addresses: deviceAddressCount(r), exact, ...listed };
}

function deviceSource(model: Model, byId: Map<Id, Resource>, r: Resource, p: EgressPathModel): SnatSource | undefined {
  const cluster = p.cluster;
  switch (r.kind) {
    case 'natGateway':
    case 'azureFirewall':
    case 'nva':
      return { device: r.id, kind: r.kind, ...publicAddressesOf(model, r), clusters: [cluster] };
    case 'loadBalancer': {
      if (invalidOutboundIps(p)) return { device: r.id, kind: 'loadBalancer', addresses: 0, exact: false, invalid: 'outbound.outboundIps', clusters: [cluster] };
      const c = byId.get(cluster);
      const ips = c?.kind === 'cluster' && c.outbound.type === 'loadBalancer' ? c.outbound.outboundIps : 0;
      return { device: r.id, kind: 'loadBalancer', addresses: ips, exact: true, clusters: [cluster] };
    }
    default:
      return undefined;
  }
}

/** The last element before the internet on a chain of hops, when the chain gets there. */
function exitDevice(hops: readonly Id[]): Id | undefined {
  const i = hops.indexOf('internet');
  return i > 0 ? hops[i - 1] : undefined;
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
    // Pods of a pod subnet with a way out of their own leave with that exit's addresses, not the nodes'.
    for (const hops of [p.hops, ...(p.podEgress ?? []).map((pe) => pe.hops)]) {
      const dev = byId.get(exitDevice(hops) ?? '');
      const s = dev ? deviceSource(model, byId, dev, p) : undefined;
      if (s) add(s);
    }
    if (exitDevice(p.hops) === undefined) continue;
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

/** Listed addresses shown in full up to this many; a longer list is counted. */
const LISTED_SHOWN = 3;

/**
 * One device's SNAT addresses in words: "20 public IPs (1 listed: 20.50.60.70)" when the design names only some of
 * them, "public IP count invalid" when the count would come from an invalid value.
 */
export function snatSourceText(s: Pick<SnatSource, 'addresses' | 'exact' | 'listed' | 'invalid'>): string {
  if (s.invalid) return 'public IP count invalid';
  const text = publicIpsText(s.addresses, s.exact);
  const listed = s.listed ?? [];
  const named = addressCount(listed) ?? listed.length;
  if (listed.length === 0 || named >= s.addresses) return text;
  const shown = listed.length > LISTED_SHOWN ? `${listed.slice(0, LISTED_SHOWN - 1).join(', ')} +${listed.length - LISTED_SHOWN + 1} more` : listed.join(', ');
  return `${text} (${named} listed: ${shown})`;
}

/** The allow-list total in words; a source whose count is an invalid value makes it a lower bound, or not known. */
export function snatTotalText(a: SnatAllowList): string {
  if (a.sources.length > 0 && a.sources.every((s) => s.invalid)) return 'public IP count not known (invalid value)';
  return publicIpsText(a.total, a.exact);
}