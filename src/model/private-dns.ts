/**
 * Which VNet's Azure-provided DNS answers for a VNet, and so whether a private endpoint's name resolves to its private
 * address there: the basis of every private DNS zone link check and of the egress narrative's "reached privately".
 */
import { cidr, containsIp } from './cidr.js';
import type { ModelQuery } from './query.js';
import type { EgressDestinationResource, PrivateDnsZoneResource, PrivateEndpointResource, VnetResource } from './types.js';

/**
 * The VNet whose Azure-provided DNS (168.63.129.16) answers for `v`: `v` itself when it uses Azure DNS, else the
 * declared VNet that holds one of its custom DNS servers (a DNS Private Resolver or a firewall DNS proxy).
 * Undefined when no declared VNet holds one (an on-premises or external resolver: how it forwards is unknown).
 */
export function resolvingVnet(q: ModelQuery, v: VnetResource): VnetResource | undefined {
  if (v.dnsServers.length === 0) return v;
  for (const server of v.dnsServers) {
    const holder = vnetHolding(q, server);
    if (holder) return holder;
  }
  return undefined;
}

/** The declared VNet whose address space holds `ip`, if any. */
export function vnetHolding(q: ModelQuery, ip: string): VnetResource | undefined {
  return q.all('vnet').find((x) =>
    x.addressSpace.some((a) => {
      const r = cidr(a);
      return r !== undefined && containsIp(r, ip);
    }),
  );
}

/** What a client VNet's DNS makes of a private endpoint's service name. */
export type EndpointResolution =
  | { kind: 'private' }
  /** The zone is not linked to the VNet whose Azure DNS answers for the client: the public address comes back. */
  | { kind: 'public'; zone: PrivateDnsZoneResource; resolver: VnetResource; consumer: VnetResource }
  /** `fact`: what to state to settle it. */
  | { kind: 'unknown'; fact: string };

/** Whether clients in `consumer` resolve the service behind `pe` to its private address. */
export function endpointResolution(q: ModelQuery, pe: PrivateEndpointResource, consumer: VnetResource): EndpointResolution {
  const zone = q.getAs(pe.dnsZone, 'privateDnsZone');
  if (!zone) return { kind: 'unknown', fact: `the private DNS zone of private endpoint ${pe.name} (dnsZone)` };
  if (zone.links === undefined) return { kind: 'unknown', fact: `the VNet links of private DNS zone ${zone.name} (links)` };
  const resolver = resolvingVnet(q, consumer);
  if (!resolver) {
    return { kind: 'unknown', fact: `how DNS servers ${consumer.dnsServers.join(', ')} of VNet ${consumer.name} resolve ${zone.name}` };
  }
  return zone.links.includes(resolver.id) ? { kind: 'private' } : { kind: 'public', zone, resolver, consumer };
}

/**
 * Whether a cluster resolves an egress destination reached through a private endpoint to its private address, from
 * the VNets of its node subnets: public as soon as one of them gets the public address, unknown as soon as one
 * cannot be told. Undefined when the destination has no private endpoint.
 */
export function destinationResolution(q: ModelQuery, d: EgressDestinationResource): EndpointResolution | undefined {
  const pe = q.getAs(d.privateEndpoint, 'privateEndpoint');
  return pe ? clusterResolution(q, d.cluster, pe) : undefined;
}

/** Whether a cluster's nodes resolve the service behind `pe` privately: public or unknown as soon as one node VNet is. */
export function clusterResolution(q: ModelQuery, cluster: string, pe: PrivateEndpointResource): EndpointResolution {
  const vnets = [...new Set(q.nodeSubnets(cluster).map((s) => s.vnet))]
    .sort()
    .map((id) => q.getAs(id, 'vnet'))
    .filter((v): v is VnetResource => !!v);
  const all = vnets.map((v) => endpointResolution(q, pe, v));
  return all.find((r) => r.kind === 'public') ?? all.find((r) => r.kind === 'unknown') ?? (all.length ? { kind: 'private' } : { kind: 'unknown', fact: `the node subnets of cluster ${q.name(cluster)}` });
}
