/**
 * Shared helpers for the address, CNI and control-plane rules: routing domains (which address
 * ranges can see each other), the VNets and ranges a cluster lives in, and pool arithmetic.
 * Everything here is total: missing ids, invalid CIDRs and empty lists yield empty results.
 */
import { cidr, overlaps, type CidrRange } from '../../model/cidr.js';
import type { ModelQuery } from '../../model/query.js';
import type { ClusterResource, Id, NodePoolResource, VnetResource } from '../../model/types.js';
import type { Dependency } from '../../validate/rule.js';

/** A named address range that takes part in routing. */
export interface RoutedRange {
  /** Model id of the element owning the range (VNet or on-premises network). */
  element: Id;
  /** Display name of the owner. */
  name: string;
  /** What kind of owner it is, for messages. */
  what: 'VNet' | 'on-premises network';
  /** The range as written. */
  text: string;
  range: CidrRange;
  /** Index of the range in the owner's `addressSpace`. */
  index: number;
}

/**
 * Routing domains: VNets joined by peerings (transitively, as in hub-and-spoke where the hub routes
 * between spokes) and on-premises networks joined to the VNet of the gateway their hybrid
 * connection terminates on. Returns a map from element id to a domain representative.
 */
export function routingDomains(q: ModelQuery): Map<Id, Id> {
  return memo(q).domains ??= computeDomains(q);
}

/**
 * Per-model caches (h15, issue #15): the routing domains, the routed ranges of each domain and the
 * pools on each subnet were recomputed for every cluster and subnet, which made validate quadratic in
 * spokes. A ModelQuery is built once per validation and shared by every rule, so it keys the cache.
 */
interface NetCache {
  domains?: Map<Id, Id>;
  rangesByDomain?: Map<Id, RoutedRange[]>;
  poolsBySubnet?: Map<Id, Array<{ pool: NodePoolResource; cluster: ClusterResource }>>;
  vnetPairs?: Array<[RoutedRange, RoutedRange]>;
}
const caches = new WeakMap<ModelQuery, NetCache>();
function memo(q: ModelQuery): NetCache {
  let c = caches.get(q);
  if (!c) caches.set(q, (c = {}));
  return c;
}

function computeDomains(q: ModelQuery): Map<Id, Id> {
  const parent = new Map<Id, Id>();
  const find = (x: Id): Id => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    // Path compression.
    let c = x;
    while (parent.get(c) !== undefined && parent.get(c) !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const add = (x: Id): void => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: Id, b: Id): void => {
    add(a);
    add(b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const v of q.all('vnet')) add(v.id);
  for (const o of q.all('onPremises')) add(o.id);
  for (const e of q.edges('peering')) {
    if (q.getAs(e.from, 'vnet') && q.getAs(e.to, 'vnet')) union(e.from, e.to);
  }
  for (const h of q.all('hybridConnection')) {
    const gw = q.getAs(h.gateway, 'vnetGateway');
    const vnet = q.vnetOf(gw?.subnet);
    if (vnet && q.getAs(h.remote, 'onPremises')) union(vnet.id, h.remote);
  }
  const out = new Map<Id, Id>();
  for (const k of parent.keys()) out.set(k, find(k));
  return out;
}

/** Whether two elements are in the same routing domain. */
export function sameDomain(domains: Map<Id, Id>, a: Id, b: Id): boolean {
  const da = domains.get(a);
  return da !== undefined && da === domains.get(b);
}

/** The valid ranges of a VNet. */
export function vnetRanges(q: ModelQuery, vnetId: Id): RoutedRange[] {
  const v = q.getAs(vnetId, 'vnet');
  if (!v) return [];
  return v.addressSpace.flatMap((text, index) => {
    const range = cidr(text);
    return range ? [{ element: v.id, name: v.name, what: 'VNet' as const, text, range, index }] : [];
  });
}

/** The valid ranges of an on-premises network. */
export function onPremRanges(q: ModelQuery, id: Id): RoutedRange[] {
  const o = q.getAs(id, 'onPremises');
  if (!o) return [];
  return o.addressSpace.flatMap((text, index) => {
    const range = cidr(text);
    return range ? [{ element: o.id, name: o.name, what: 'on-premises network' as const, text, range, index }] : [];
  });
}

/** VNets hosting a cluster's node or pod subnets (or its API server subnet), in id order. */
export function clusterVnets(q: ModelQuery, c: ClusterResource): VnetResource[] {
  const ids = new Set<Id>();
  for (const p of q.pools(c.id)) {
    for (const s of [p.subnet, p.podSubnet]) {
      const v = q.vnetOf(s);
      if (v) ids.add(v.id);
    }
  }
  return [...ids].sort().flatMap((id) => q.getAs(id, 'vnet') ?? []);
}

/**
 * What the verdict that a range is routed to a cluster reads besides the cluster's own fields (its `nodePools`): the
 * subnets of its pools (which VNets it lives in) and the address space of the range's owner.
 */
export function routedRangeBasis(q: ModelQuery, c: ClusterResource, r: RoutedRange): Dependency[] {
  return [...q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet', 'podSubnet'] })), { element: r.element, reads: ['addressSpace'] }];
}

/**
 * Every range routed to or from a cluster: the VNets of its subnets and everything in their routing
 * domains (peered VNets, VNets reached through the hub, on-premises networks behind gateways).
 */
export function routedRangesOf(q: ModelQuery, c: ClusterResource, domains = routingDomains(q)): RoutedRange[] {
  const own = clusterVnets(q, c);
  if (own.length === 0) return [];
  const reps = new Set(own.map((v) => domains.get(v.id)).filter((d): d is Id => d !== undefined));
  // The usual case, one routing domain: its ranges are computed once per model (same order as below).
  if (reps.size === 1 && domains === routingDomains(q)) return rangesOfDomain(q, [...reps][0]!);
  return collectRanges(q, domains, reps);
}

function rangesOfDomain(q: ModelQuery, rep: Id): RoutedRange[] {
  const cache = memo(q);
  if (!cache.rangesByDomain) {
    const domains = routingDomains(q);
    const by = new Map<Id, RoutedRange[]>();
    const add = (id: Id, list: RoutedRange[]): void => {
      const d = domains.get(id);
      if (d === undefined) return;
      let l = by.get(d);
      if (!l) by.set(d, (l = []));
      l.push(...list);
    };
    for (const v of q.all('vnet')) add(v.id, vnetRanges(q, v.id));
    for (const o of q.all('onPremises')) add(o.id, onPremRanges(q, o.id));
    cache.rangesByDomain = by;
  }
  return cache.rangesByDomain.get(rep) ?? [];
}

function collectRanges(q: ModelQuery, domains: Map<Id, Id>, reps: Set<Id>): RoutedRange[] {
  const out: RoutedRange[] = [];
  for (const v of q.all('vnet')) {
    const d = domains.get(v.id);
    if (d !== undefined && reps.has(d)) out.push(...vnetRanges(q, v.id));
  }
  for (const o of q.all('onPremises')) {
    const d = domains.get(o.id);
    if (d !== undefined && reps.has(d)) out.push(...onPremRanges(q, o.id));
  }
  return out;
}

/**
 * Every pair of overlapping address ranges of two different VNets, as [earlier VNet's, later VNet's]
 * in VNet id order, sorted as a loop over (later VNet, earlier VNet, their ranges) would meet them.
 * A sweep over ranges sorted by start looks only at pairs that overlap (h15, issue #15: the pairwise
 * loop over 1,000 spokes made half a million pairs). Cached per model.
 */
export function overlappingVnetPairs(q: ModelQuery): Array<[RoutedRange, RoutedRange]> {
  const cache = memo(q);
  if (cache.vnetPairs) return cache.vnetPairs;
  const vnets = q.all('vnet');
  const order = new Map(vnets.map((v, i) => [v.id, i]));
  const at = (r: RoutedRange): number => order.get(r.element)!;
  const all = vnets.flatMap((v) => vnetRanges(q, v.id)).sort((x, y) => x.range.first - y.range.first || at(x) - at(y) || x.index - y.index);
  const pairs: Array<[RoutedRange, RoutedRange]> = [];
  let active: RoutedRange[] = [];
  for (const r of all) {
    active = active.filter((x) => x.range.last >= r.range.first);
    for (const x of active) if (x.element !== r.element) pairs.push(at(x) < at(r) ? [x, r] : [r, x]);
    active.push(r);
  }
  pairs.sort(([xa, xb], [ya, yb]) => at(xb) - at(yb) || at(xa) - at(ya) || xb.index - yb.index || xa.index - ya.index);
  return (cache.vnetPairs = pairs);
}

/** Ranges in `list` that overlap `r`, in list order. */
export function overlapping(list: RoutedRange[], r: CidrRange): RoutedRange[] {
  // A short list is filtered; a long one (the routed ranges of a domain of 1,000 spokes, asked once per cluster
  // by the pod and service CIDR rules) is indexed once: ranges sorted by first address with the running maximum
  // of their last address, so only the ranges that can overlap are looked at.
  if (list.length < 64) return list.filter((x) => overlaps(x.range, r));
  let ix = rangeIndexes.get(list);
  if (!ix) {
    const order = list.map((_, i) => i).sort((a, b) => list[a]!.range.first - list[b]!.range.first || a - b);
    const maxLast: number[] = [];
    order.forEach((i, k) => maxLast.push(Math.max(k ? maxLast[k - 1]! : -Infinity, list[i]!.range.last)));
    ix = { order, maxLast };
    rangeIndexes.set(list, ix);
  }
  // The last sorted position whose first address is at or before r's last address.
  let lo = 0;
  let hi = ix.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[ix.order[mid]!]!.range.first <= r.last) lo = mid + 1;
    else hi = mid;
  }
  const hits: number[] = [];
  for (let k = lo - 1; k >= 0 && ix.maxLast[k]! >= r.first; k--) {
    const i = ix.order[k]!;
    if (overlaps(list[i]!.range, r)) hits.push(i);
  }
  return hits.sort((a, b) => a - b).map((i) => list[i]!);
}
const rangeIndexes = new WeakMap<RoutedRange[], { order: number[]; maxLast: number[] }>();

export function nonNeg(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Node pools (of any cluster) whose node subnet is the given subnet, with their cluster. */
export function poolsOnSubnet(q: ModelQuery, subnetId: Id): Array<{ pool: NodePoolResource; cluster: ClusterResource }> {
  const cache = memo(q);
  if (!cache.poolsBySubnet) {
    const by = new Map<Id, Array<{ pool: NodePoolResource; cluster: ClusterResource }>>();
    for (const c of q.all('cluster')) {
      for (const p of q.pools(c.id)) {
        let l = by.get(p.subnet);
        if (!l) by.set(p.subnet, (l = []));
        l.push({ pool: p, cluster: c });
      }
    }
    cache.poolsBySubnet = by;
  }
  return cache.poolsBySubnet.get(subnetId) ?? [];
}

/** Whether a CIDR is inside RFC 1918 or RFC 6598 space (lives in the model's CIDR module). */
export { isPrivateRange } from '../../model/cidr.js';
