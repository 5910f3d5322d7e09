/** Which VNet's Azure-provided DNS answers for a VNet: the basis of every private DNS zone link check. */
import { cidr, containsIp } from '../../model/cidr.js';
import type { ModelQuery } from '../../model/query.js';
import type { VnetResource } from '../../model/types.js';

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
