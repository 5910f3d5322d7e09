/**
 * What egress verdicts read (src/validate/rule.ts `reads` and `dependsOn`), shared by the egress and reliability rules
 * (not a rule: the file name starts with `_`). A verdict on a route or an egress path rests on the fields that make the
 * effective routes (model/routing.ts) and the egress path (normalize/paths.ts); these helpers name them, so an invalid
 * value there holds the verdict back while an invalid value elsewhere leaves it standing.
 */
import type { ModelQuery } from '../../model/query.js';
import type { Id } from '../../model/types.js';
import type { Dependency } from '../../validate/rule.js';

/** The cluster fields an egress path reads: its outbound settings, its pools and its CNI (which keeps pod subnets). */
export const CLUSTER_EGRESS_READS = ['outbound', 'nodePools', 'network.cni'];

/** Dependencies merged per element, their reads joined (an element listed twice would be checked twice). */
export function mergeDeps(deps: readonly Dependency[], except?: Id): Dependency[] {
  const by = new Map<Id, Set<string>>();
  for (const d of deps) {
    if (d.element === except) continue;
    const set = by.get(d.element) ?? new Set<string>();
    for (const r of d.reads) set.add(r);
    by.set(d.element, set);
  }
  return [...by].map(([element, reads]) => ({ element, reads: [...reads] }));
}

/**
 * The fields a subnet's effective routes rest on (computeRouting): its route table, the table's routes and BGP
 * propagation, the address spaces of its VNet and of the VNets peered with it (and the peerings), the appliances a
 * route names by address,
 * and the gateways, connections and on-premises ranges whose routes the gateway propagates. The subnet's own fields
 * are the caller's (`routeTable` at least).
 */
export function routingDeps(q: ModelQuery, subnetId: Id | undefined): Dependency[] {
  const s = q.getAs(subnetId, 'subnet');
  if (!s) return [];
  const out: Dependency[] = [{ element: s.id, reads: ['routeTable'] }];
  const v = q.getAs(s.vnet, 'vnet');
  if (v) {
    out.push({ element: v.id, reads: ['addressSpace'] });
    for (const p of q.peers(v.id)) out.push({ element: p.id, reads: ['addressSpace'] });
    // The peerings themselves (a peer's ranges, gateway transit): an edge is no resource, so any invalid field of it
    // holds the verdict.
    for (const e of q.edges('peering')) if (e.from === v.id || e.to === v.id) out.push({ element: e.id, reads: ['allowGatewayTransit', 'useRemoteGateways'] });
  }
  const table = q.getAs(s.routeTable, 'routeTable');
  if (table) out.push({ element: table.id, reads: ['routes', 'bgpRoutePropagation'] });
  if (table?.routes.some((r) => r.nextHopType === 'VirtualAppliance' && !r.nextHopResource)) {
    for (const r of q.model.resources) if (r.kind === 'azureFirewall' || r.kind === 'nva') out.push({ element: r.id, reads: ['privateIp'] });
  }
  if (!table || table.bgpRoutePropagation || table.routes.some((r) => r.nextHopType === 'VirtualNetworkGateway')) {
    for (const g of q.all('vnetGateway')) out.push({ element: g.id, reads: ['subnet', 'type'] });
    for (const h of q.all('hybridConnection')) out.push({ element: h.id, reads: ['gateway', 'remote'] });
    for (const o of q.all('onPremises')) out.push({ element: o.id, reads: ['addressSpace'] });
  }
  return out;
}

/**
 * The fields a cluster's egress path rests on (clusterPaths, exitPlan): the cluster's outbound settings, pools and CNI;
 * each pool's node and pod subnet; each of those subnets' NAT gateway and effective routes. `subnetReads` adds fields
 * of those subnets the verdict reads too. The cluster itself comes first, with CLUSTER_EGRESS_READS.
 */
export function egressDeps(q: ModelQuery, clusterId: Id, subnetReads: readonly string[] = []): Dependency[] {
  const c = q.getAs(clusterId, 'cluster');
  if (!c) return [];
  const out: Dependency[] = [{ element: c.id, reads: CLUSTER_EGRESS_READS }];
  const subnets = new Set<Id>();
  for (const p of q.pools(c.id)) {
    out.push({ element: p.id, reads: ['subnet', 'podSubnet'] });
    if (p.subnet) subnets.add(p.subnet);
    if (p.podSubnet) subnets.add(p.podSubnet);
  }
  for (const s of [...subnets].sort()) {
    out.push({ element: s, reads: ['natGateway', 'routeTable', ...subnetReads] });
    out.push(...routingDeps(q, s));
  }
  return mergeDeps(out);
}

/** The firewall fields its rules come from: classic collections, a policy, the allow shorthand. */
export const FIREWALL_RULE_READS = ['classicRules', 'policy', 'fqdnAllowRules', 'aksFqdnTag'];

/**
 * The firewall policies a firewall's rules (and its policy-given settings: DNS proxy, threat intelligence, IDPS) come
 * from: its policy and the base policies it inherits, with `reads` of each.
 */
export function policyDeps(q: ModelQuery, firewallId: Id, reads: readonly string[] = ['ruleCollections', 'basePolicy']): Dependency[] {
  const out: Dependency[] = [];
  const seen = new Set<Id>();
  for (let id = q.getAs(firewallId, 'azureFirewall')?.policy; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const p = q.getAs(id, 'firewallPolicy');
    if (!p) break;
    out.push({ element: p.id, reads: [...new Set([...reads, 'basePolicy'])] });
    id = p.basePolicy;
  }
  return out;
}

/** The pool fields a node count at peak rests on (capacity.ts poolDemand): counts, autoscaler bounds and surge. */
export const POOL_COUNT_READS = ['count', 'minCount', 'maxCount', 'maxSurge'];

/** Every pool of a cluster with POOL_COUNT_READS, and the cluster's pool list. */
export function poolCountDeps(q: ModelQuery, clusterId: Id): Dependency[] {
  return [{ element: clusterId, reads: ['nodePools'] }, ...q.pools(clusterId).map((p) => ({ element: p.id, reads: POOL_COUNT_READS }))];
}
