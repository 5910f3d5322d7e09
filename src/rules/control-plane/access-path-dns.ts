import { defineRule } from '../../validate/rule.js';
import { routingDomains, sameDomain } from '../address/_net.js';
import { resolvingVnet } from '../egress/_dns.js';
import { accessEntry, accessOf } from './_api.js';

/**
 * kubectl on an access path resolves the private API server's name where the path starts. Without a public FQDN the
 * only record is in the cluster's private DNS zone, which answers only in VNets linked to it: the zone AKS creates is
 * linked to the cluster's VNet alone. Paths that cannot reach the API server at all are control-plane/
 * private-access-unreachable's; hybrid paths resolve on premises (unknown here); private-dns-zone-links asks for a
 * zone's unstated links.
 */
export default defineRule({
  meta: {
    id: 'control-plane/access-path-dns',
    title: 'Administrators and pipelines of a private cluster can resolve its API server name',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['operational-excellence', 'reliability'],
    waf: ['OE:08', 'RE:03'],
    rationale:
      'A private cluster without a public FQDN has one DNS record for its API server: the A record in its private DNS ' +
      'zone. Azure DNS answers from a private zone only in VNets linked to it, and the zone AKS creates itself ' +
      '(privateDnsZone: system) is linked only to the cluster VNet. A Bastion jump box or self-hosted agents in a ' +
      'peered hub reach the API server over the peering but cannot resolve its name, so kubectl and pipelines fail ' +
      'there although the network path is open.',
    fix:
      'Link the private DNS zone to the VNet whose DNS the access path uses (bring your own privatelink.<region>.azmk8s.io ' +
      'zone with links to the hub, or add a link to the AKS-created zone), forward the zone from that VNet\'s DNS ' +
      'servers, or keep the public FQDN (publicFqdn: true), which resolves to the private IP from anywhere.',
    example:
      "const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });\n" +
      "apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }",
    references: [
      { title: 'Create a private AKS cluster: virtual network peering and private DNS', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'What is a virtual network link?', url: 'https://learn.microsoft.com/azure/dns/private-dns-virtual-network-links' },
    ],
    messages: {
      unresolvable:
        '{{from}} ({{access}}) resolves names in VNet {{resolver}}, but {{zone}} of private cluster ' +
        '{{cluster}} is linked only to {{links}} and the cluster has no public FQDN: kubectl from {{from}} cannot ' +
        'resolve the API server',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    for (const c of q.all('cluster')) {
      const a = c.apiServer;
      // A public FQDN (the default) resolves to the private IP from anywhere; 'none' is private-dns-none-without-public-fqdn's.
      if (a.mode !== 'private' || a.publicFqdn || a.privateDnsZone === 'none' || c.managedVnet) continue;
      const ep = q.getAs(c.apiServerEndpoint, 'apiServer');
      const epVnet = q.vnetOf(ep?.subnet);
      if (!epVnet) continue;
      const zone = a.privateDnsZone === 'system' ? undefined : q.getAs(a.privateDnsZone, 'privateDnsZone');
      if (a.privateDnsZone !== 'system' && (!zone || zone.links === undefined)) continue;
      const linked = zone ? zone.links! : [epVnet.id];
      for (const path of accessOf(ctx.model, c)) {
        const entry = accessEntry(q, path);
        const v = q.vnetOf(entry?.subnet);
        if (!entry || entry.hybrid || !v) continue;
        if (v.id !== epVnet.id && !sameDomain(domains, v.id, epVnet.id)) continue;
        const resolver = resolvingVnet(q, v);
        // DNS servers outside every declared VNet: how they forward the zone is unknown.
        if (!resolver) {
          ctx.unverified({
            element: v.id,
            property: 'dnsServers',
            check: `${entry.from.name} (${path.kind}) resolves the private API server of ${c.name}`,
            fact: `how DNS servers ${v.dnsServers.join(', ')} (outside every declared VNet) resolve the cluster's private DNS zone`,
          });
          continue;
        }
        if (linked.includes(resolver.id)) continue;
        const zoneName = zone ? `private DNS zone ${zone.name}` : 'the AKS-created private DNS zone';
        const links = linked.map((id) => q.getAs(id, 'vnet')?.name ?? id).join(', ') || 'no VNet';
        ctx.report({
          messageId: 'unresolvable',
          data: { from: entry.from.name, access: path.kind, resolver: resolver.name, zone: zoneName, cluster: c.name, links },
          ...(zone ? { element: zone.id, property: 'links' } : { element: c.id, property: 'apiServer.privateDnsZone' }),
          evidence: { from: entry.from.name, resolver: resolver.name, zone: zoneName },
        });
      }
    }
  },
});
