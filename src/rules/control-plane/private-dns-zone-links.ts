import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { resolvingVnet } from '../egress/_dns.js';

export default defineRule({
  meta: {
    id: 'control-plane/private-dns-zone-links',
    title: 'The nodes of a private cluster resolve the API server through a linked private DNS zone',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'Nodes of a private cluster find the API server through the A record in its private DNS zone. A VNet that uses ' +
      'Azure DNS resolves that record only when the zone is linked to it; a VNet whose DNS servers sit in a hub ' +
      '(DNS Private Resolver, firewall DNS proxy) resolves through the hub, so the zone must be linked to the hub. ' +
      'The zone AKS creates itself (privateDnsZone: system) is linked only to the cluster VNet, so in a hub-and-spoke ' +
      'network with custom DNS the nodes cannot resolve the API server and provisioning fails.',
    fix:
      'With custom DNS in a hub, bring your own zone (privatelink.<region>.azmk8s.io) linked to the hub VNet that ' +
      'holds the resolver, or forward the zone from your DNS servers to 168.63.129.16 in a VNet linked to it; with ' +
      'Azure DNS, link the zone to the cluster VNet.',
    example:
      "const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });\n" +
      "apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }",
    references: [
      {
        title: 'Create a private AKS cluster: hub and spoke with custom DNS',
        url: 'https://learn.microsoft.com/azure/aks/private-clusters#hub-and-spoke-with-custom-dns',
      },
      {
        title: 'What is IP address 168.63.129.16?',
        url: 'https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16',
      },
    ],
    messages: {
      systemZoneCustomDns:
        'Private cluster {{cluster}} uses the AKS-created private DNS zone, which is linked only to VNet {{vnet}}, but ' +
        '{{vnet}} resolves through DNS servers in VNet {{resolver}}; the nodes cannot resolve the API server',
      zoneNotLinked:
        'Private DNS zone {{zone}} of private cluster {{cluster}} is not linked to VNet {{resolver}}, which resolves ' +
        'names for the nodes in {{vnet}}; the nodes cannot resolve the API server',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const a = c.apiServer;
      if (a.mode === 'public' || (a.mode === 'vnet-integration' && !a.private)) continue;
      if (a.privateDnsZone === 'none' || c.managedVnet) continue;
      const zone = a.privateDnsZone === 'system' ? undefined : q.getAs(a.privateDnsZone, 'privateDnsZone');
      if (a.privateDnsZone !== 'system' && !zone) continue;
      if (zone && zone.links === undefined) {
        ctx.unverified({
          element: zone.id,
          property: 'links',
          check: `the nodes of private cluster ${c.name} resolve the API server through zone ${zone.name}`,
        });
        continue;
      }
      const done = new Set<Id>();
      for (const s of q.nodeSubnets(c.id)) {
        const vnet = q.getAs(s.vnet, 'vnet');
        if (!vnet || done.has(vnet.id)) continue;
        done.add(vnet.id);
        const resolver = resolvingVnet(q, vnet);
        if (!resolver) {
          ctx.unverified({
            element: vnet.id,
            property: 'dnsServers',
            check: `the DNS servers of VNet ${vnet.name} resolve the private API server of ${c.name}`,
            fact: `how DNS servers ${vnet.dnsServers.join(', ')} (outside every declared VNet) resolve the cluster's private DNS zone`,
          });
          continue;
        }
        if (!zone) {
          if (resolver.id === vnet.id) continue;
          ctx.report({
            messageId: 'systemZoneCustomDns',
            data: { cluster: c.name, vnet: vnet.name, resolver: resolver.name },
            element: c.id,
            property: 'apiServer.privateDnsZone',
            evidence: { cluster: c.name, vnet: vnet.name, resolver: resolver.name },
          });
          continue;
        }
        if (zone.links!.includes(resolver.id)) continue;
        ctx.report({
          messageId: 'zoneNotLinked',
          data: { zone: zone.name, cluster: c.name, resolver: resolver.name, vnet: vnet.name },
          element: zone.id,
          property: 'links',
          evidence: { zone: zone.name, cluster: c.name, resolver: resolver.name },
        });
      }
    }
  },
});
