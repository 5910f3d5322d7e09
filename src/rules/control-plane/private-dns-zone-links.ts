import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { resolvingVnet } from '../egress/_dns.js';
import { zoneLinks } from './_api.js';

/** The cluster's API server mode and zone, whether AKS manages the VNet, and its pools (which give the node VNets). */
const CLUSTER_READS = ['name', 'apiServer', 'managedVnet', 'nodePools'];
/** A zone's name and declared links. */
const ZONE_READS = ['name', 'links'];

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
      'AKS links the zone to the cluster VNet itself (the zone it creates only there, a zone you bring there as well), ' +
      'so in a hub-and-spoke network with custom DNS the nodes cannot resolve the API server unless the hub is linked ' +
      'too, and provisioning fails. With API Server VNet Integration the nodes call the internal IP without DNS.',
    fix:
      'With custom DNS in a hub, bring your own zone (privatelink.<region>.azmk8s.io) linked to the hub VNet that ' +
      'holds the resolver, or forward the zone from your DNS servers to 168.63.129.16 in a VNet linked to it.',
    example:
      "const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });\n" +
      "apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }",
    references: [
      {
        title: 'Create a private AKS cluster: hub and spoke with custom DNS',
        url: 'https://learn.microsoft.com/azure/aks/private-clusters#hub-and-spoke-with-custom-dns',
      },
      {
        title: 'API Server VNet Integration: API server connectivity',
        url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration#api-server-connectivity',
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
      // With API Server VNet Integration the nodes call the API server's internal IP without DNS; who else needs the
      // zone is control-plane/access-path-dns's.
      if (c.apiServer.mode !== 'private') continue;
      const links = zoneLinks(q, c);
      if (!links) continue;
      const { zone } = links;
      const done = new Set<Id>();
      const pools = q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] }));
      for (const s of q.nodeSubnets(c.id)) {
        const vnet = q.getAs(s.vnet, 'vnet');
        if (!vnet || done.has(vnet.id)) continue;
        done.add(vnet.id);
        const resolver = resolvingVnet(q, vnet);
        if (!resolver) {
          ctx.unverified({
            element: vnet.id,
            reads: ['name', 'dnsServers'],
            property: 'dnsServers',
            check: `the DNS servers of VNet ${vnet.name} resolve the private API server of ${c.name}`,
            fact: `how DNS servers ${vnet.dnsServers.join(', ')} (outside every declared VNet) resolve the cluster's private DNS zone`,
          });
          continue;
        }
        if (links.linked.includes(resolver.id)) continue;
        // The node VNet's DNS servers and the VNet holding them (its address space).
        const dns = [
          { element: vnet.id, reads: ['name', 'dnsServers'] },
          { element: resolver.id, reads: ['name', 'addressSpace', 'dnsServers'] },
        ];
        if (!zone) {
          ctx.report({
            messageId: 'systemZoneCustomDns',
            data: { cluster: c.name, vnet: vnet.name, resolver: resolver.name },
            element: c.id,
            reads: CLUSTER_READS,
            dependsOn: [...pools, ...dns],
            property: 'apiServer.privateDnsZone',
            evidence: { cluster: c.name, vnet: vnet.name, resolver: resolver.name },
          });
          continue;
        }
        if (!links.complete) {
          ctx.unverified({
            element: zone.id,
            reads: ZONE_READS,
            property: 'links',
            check: `the nodes of private cluster ${c.name} resolve the API server through zone ${zone.name} from VNet ${resolver.name}`,
          });
          continue;
        }
        ctx.report({
          messageId: 'zoneNotLinked',
          data: { zone: zone.name, cluster: c.name, resolver: resolver.name, vnet: vnet.name },
          element: zone.id,
          reads: ZONE_READS,
          dependsOn: [{ element: c.id, reads: CLUSTER_READS }, ...pools, ...dns],
          property: 'links',
          evidence: { zone: zone.name, cluster: c.name, resolver: resolver.name },
        });
      }
    }
  },
});
