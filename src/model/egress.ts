/** Egress facts derived from the model's egress paths and effective routes. */
import type { ModelQuery } from './query.js';
import { computeRouting, type SubnetRoutes } from './routing.js';
import type { ClusterResource, Id, Model } from './types.js';

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
