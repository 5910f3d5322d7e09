/**
 * What answers at a VNet's custom DNS server address. The DNS redundancy rule and the inventory's "created but not
 * used" list both read it here, so a resolver endpoint is one managed service and an occupant of its subnet in both.
 */
import { cidr, containsIp } from './cidr.js';
import type { ModelQuery } from './query.js';
import type { Id, SubnetResource } from './types.js';

/** The delegation of the subnets that hold Azure DNS Private Resolver endpoints. */
export const DNS_RESOLVER_DELEGATION = 'Microsoft.Network/dnsResolvers';

/** The declared subnet whose prefix holds `ip`, if any. */
export function subnetHolding(q: ModelQuery, ip: string): SubnetResource | undefined {
  return q.all('subnet').find((s) => {
    const r = cidr(s.cidr);
    return r !== undefined && containsIp(r, ip);
  });
}

/**
 * The managed, zone-spread service behind a DNS server address, when it is one: an Azure Firewall's private IP (its
 * DNS proxy, served by all its instances) or an address in a subnet delegated to DNS Private Resolver (an inbound
 * endpoint, which the service runs with built-in high availability and zone redundancy). Undefined for anything
 * else, such as a VM or an on-premises server.
 */
export function managedDnsService(q: ModelQuery, ip: string): 'firewall-dns-proxy' | 'dns-private-resolver' | undefined {
  if (q.all('azureFirewall').some((fw) => fw.privateIp === ip)) return 'firewall-dns-proxy';
  if (subnetHolding(q, ip)?.delegation === DNS_RESOLVER_DELEGATION) return 'dns-private-resolver';
  return undefined;
}

/** Subnets that hold some VNet's custom DNS server address: whatever answers there lives in them. */
export function dnsServerSubnets(q: ModelQuery): Set<Id> {
  const out = new Set<Id>();
  for (const v of q.all('vnet')) {
    for (const ip of v.dnsServers) {
      const s = subnetHolding(q, ip);
      if (s) out.add(s.id);
    }
  }
  return out;
}
