/** Egress facts derived from the model's egress paths. */
import type { Id, Model } from './types.js';

/** Whether a load balancer is a cluster's outbound (SNAT) load balancer rather than a Service's. */
export function isOutboundLoadBalancer(model: Model, id: Id): boolean {
  return model.egressPaths.some((p) => p.outboundType === 'loadBalancer' && p.hops.includes(id));
}
