/**
 * Where an ingress path loses the client's source address: the first hop that does not pass it on. A later hop
 * that keeps its source address only keeps the address that hop gave it. The narrative and the rules ask here,
 * so they cannot disagree about which hop sees the client.
 */
import type { IngressHopModel } from './types.js';

/** The first hop before hop index `i` (0-based) that replaced the client address; undefined when none did. */
export function clientIpLostBefore(hops: readonly IngressHopModel[], i: number): IngressHopModel | undefined {
  return hops.slice(0, i).find((h) => !h.preservesClientIp);
}
