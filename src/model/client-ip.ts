/**
 * Where an ingress path loses the client's source address: a hop that does not pass it on. A later hop that keeps
 * its source address only keeps the address the most recent replacing hop gave it (behind Front Door and a Private
 * Link service, the PLS's NAT IP, not Front Door's). The narrative and the rules ask here, so they cannot disagree
 * about which hop sees the client.
 */
import type { IngressHopModel } from './types.js';

/**
 * The last hop before hop index `i` (0-based) that replaced the source address; undefined when none did. A hop whose
 * behaviour is unknown replaced nothing known: an earlier hop that did replace it still counts.
 */
export function clientIpLostBefore(hops: readonly IngressHopModel[], i: number): IngressHopModel | undefined {
  return hops.slice(0, i).findLast((h) => h.preservesClientIp === false);
}

/**
 * The hop before hop index `i` (0-based) whose keeping of the source address is unknown and decides what hop `i`
 * receives: the nearest hop before `i` that does not state it keeps the address, when its value is unknown. Undefined
 * when every hop since the last one that replaced the address (or since the client) keeps it.
 */
export function clientIpUnknownBefore(hops: readonly IngressHopModel[], i: number): IngressHopModel | undefined {
  const h = hops.slice(0, i).findLast((x) => x.preservesClientIp !== true);
  return h && h.preservesClientIp === undefined ? h : undefined;
}
