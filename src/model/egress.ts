/** Egress facts derived from the model's egress paths and effective routes. */
import type { ModelQuery } from './query.js';
import { computeRouting, type SubnetRoutes } from './routing.js';
import type {
  ClusterResource,
  EgressPathModel,
  Id,
  IngressHopModel,
  IngressPathModel,
  LoadBalancerResource,
  Model,
  ResourceOf,
  SubnetDefaultRoute,
} from './types.js';

/** Whether a load balancer is a cluster's outbound (SNAT) load balancer rather than a Service's. */
export function isOutboundLoadBalancer(model: Model, id: Id): boolean {
  return model.egressPaths.some(
    (p) => p.outboundDevice === id || (p.outboundType === 'loadBalancer' && p.hops.includes(id)),
  );
}

const routingCache = new WeakMap<Model, Map<Id, SubnetRoutes>>();

/** Effective routes of every subnet of a model (computed once per model). */
export function routingOf(model: Model): Map<Id, SubnetRoutes> {
  let r = routingCache.get(model);
  if (!r) {
    r = computeRouting(model);
    routingCache.set(model, r);
  }
  return r;
}

/**
 * Hands routingOf the routes the normalizer computed for this model, so the rules do not compute them
 * again (the second largest cost of a 1,000-spoke design's rules). `routing` must hold every subnet of
 * the model with routes computed from the same facts; it is re-keyed into the model's resource order,
 * the order routingOf's own computation has.
 */
export function primeRouting(model: Model, routing: ReadonlyMap<Id, SubnetRoutes>): void {
  const ordered = new Map<Id, SubnetRoutes>();
  for (const r of model.resources) {
    if (r.kind !== 'subnet') continue;
    const routes = routing.get(r.id);
    if (!routes) return;
    ordered.set(r.id, routes);
  }
  if (ordered.size !== routing.size) return;
  routingCache.set(model, ordered);
}

/** The firewall or NVA a cluster's internet-bound traffic really goes through, from its effective routes. */
export function egressAppliance(q: ModelQuery, clusterId: Id): Id | undefined {
  const p = q.egressPathOf(clusterId);
  return p?.via === 'appliance' ? p.nextHop : undefined;
}

/** The clusters whose effective egress path goes through the given firewall or NVA. */
export function clustersEgressingVia(q: ModelQuery, applianceId: Id): ClusterResource[] {
  if (!applianceId) return [];
  return q.all('cluster').filter((c) => egressAppliance(q, c.id) === applianceId);
}

/** How one node or pod subnet's internet-bound traffic leaves, from its own effective 0.0.0.0/0 route. */
export interface SubnetEgress {
  subnet: Id;
  /** Node subnet, or pod subnet (Azure CNI with pod subnets: pod traffic is routed by the pod subnet's table). */
  role: 'nodes' | 'pods';
  /**
   * `appliance` or `gateway`: the route sends it there; `none`: dropped; `internet`: the system (or a user) route to
   * Internet, which the cluster's load balancer, a NAT gateway or default outbound access then serves.
   */
  via: 'appliance' | 'gateway' | 'internet' | 'none';
  /** The appliance or gateway, when the design declares it. */
  nextHop?: Id;
  nextHopAddress?: string;
  route: SubnetDefaultRoute;
}

/** The egress of every node and pod subnet of an egress path, in the path's order (nodes first, then pods). */
export function subnetEgress(path: EgressPathModel): SubnetEgress[] {
  return path.defaultRoutes.map((r) => {
    const via: SubnetEgress['via'] =
      r.nextHopType === 'VirtualAppliance'
        ? 'appliance'
        : r.nextHopType === 'VirtualNetworkGateway'
          ? 'gateway'
          : r.nextHopType === 'None'
            ? 'none'
            : 'internet';
    return {
      subnet: r.subnet,
      role: r.role,
      via,
      ...(r.nextHopResource !== undefined ? { nextHop: r.nextHopResource } : {}),
      ...(r.nextHopAddress !== undefined ? { nextHopAddress: r.nextHopAddress } : {}),
      route: r,
    };
  });
}

/** Whether two subnets' internet-bound traffic takes the same way out (same kind, same appliance or gateway). */
export function sameEgress(a: SubnetEgress, b: SubnetEgress): boolean {
  if (a.via !== b.via) return false;
  if (a.via !== 'appliance' && a.via !== 'gateway') return true;
  return (a.nextHop ?? a.nextHopAddress) === (b.nextHop ?? b.nextHopAddress);
}

/**
 * Whether the cluster's `outbound.<field>` is stated with an invalid value: the model holds a stand-in there (the
 * default), which neither a rule nor a report may state as the design's.
 */
export function outboundInvalid(q: ModelQuery, clusterId: Id | undefined, field: string): boolean {
  return (clusterId !== undefined && q.egressPathOf(clusterId)?.invalidOutbound?.includes(field)) ?? false;
}

/** The Azure Firewall whose DNAT rule a hop applies, or undefined when the hop is no firewall DNAT. */
export function dnatFirewall(q: ModelQuery, hop: IngressHopModel | undefined): ResourceOf<'azureFirewall'> | undefined {
  return hop?.dnat ? q.getAs(hop.resource, 'azureFirewall') : undefined;
}

/**
 * A public load balancer of a cluster that clients reach on its own public address, with no firewall DNAT in front:
 * replies to them follow the node subnet's 0.0.0.0/0 route. Behind a DNAT the clients are the firewall's public
 * IP, which a host route can send back the right way, and egress/dnat-asymmetric-route judges that return path.
 */
export interface DirectPublicLoadBalancer {
  loadBalancer: LoadBalancerResource;
  cluster: Id;
  /** The ingress path and hop that enter through it; undefined for a Service declared on no path. */
  path?: IngressPathModel;
  hop?: IngressHopModel;
}

/**
 * Every public load balancer a cluster exposes without a firewall DNAT in front: hops of ingress paths whose previous
 * hop is not an Azure Firewall DNAT, and public LoadBalancer Services declared on no path (not the outbound one).
 */
export function directPublicLoadBalancers(q: ModelQuery): DirectPublicLoadBalancer[] {
  const out: DirectPublicLoadBalancer[] = [];
  const onPaths = new Set<Id>();
  for (const p of q.model.ingressPaths) {
    p.hops.forEach((h, i) => {
      if (h.resourceKind !== 'loadBalancer') return;
      const lb = q.getAs(h.resource, 'loadBalancer');
      if (!lb || lb.visibility !== 'public') return;
      onPaths.add(lb.id);
      if (dnatFirewall(q, p.hops[i - 1])) return;
      const cluster = lb.cluster || p.cluster;
      if (cluster) out.push({ loadBalancer: lb, cluster, path: p, hop: h });
    });
  }
  for (const lb of q.all('loadBalancer')) {
    if (lb.visibility !== 'public' || onPaths.has(lb.id) || !lb.cluster || isOutboundLoadBalancer(q.model, lb.id)) continue;
    out.push({ loadBalancer: lb, cluster: lb.cluster });
  }
  return out;
}
