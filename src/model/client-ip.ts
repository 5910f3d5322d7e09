/**
 * Where an ingress path loses the client's source address: a hop that does not pass it on. A later hop that keeps
 * its source address only keeps the address the most recent replacing hop gave it (behind Front Door and a Private
 * Link service, the PLS's NAT IP, not Front Door's). The narrative and the rules ask here, so they cannot disagree
 * about which hop sees the client.
 */
import type { IngressHopModel } from './types.js';

/** The last hop before hop index `i` (0-based) that replaced the source address; undefined when none did. */
export function clientIpLostBefore(hops: readonly IngressHopModel[], i: number): IngressHopModel | undefined {
  return hops.slice(0, i).findLast((h) => !h.preservesClientIp);
}
