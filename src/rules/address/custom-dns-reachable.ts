import { cidr, contains } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { onPremRanges, routingDomains, vnetRanges } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/custom-dns-reachable',
    title: 'Custom DNS servers of cluster VNets are inside the connected network',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['RE:02', 'SE:06'],
    rationale:
      'Nodes use the VNet’s DNS servers for everything, including the privatelink zones of a private API server and private endpoints. A DNS server that is not in the VNet, a connected VNet or a connected on-premises range is either unreachable or a public resolver that cannot see the private zones, so node bootstrap and private endpoint resolution fail.',
    fix: 'Point dnsServers at resolvers inside the hub (DNS Private Resolver, firewall DNS proxy) or a connected data centre that forward to Azure DNS (168.63.129.16), or use Azure-provided DNS.',
    example: `vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.240.0.0/16'], dnsServers: ['10.200.0.4'], subnets: [] }) // firewall DNS proxy in the peered hub`,
    references: [
      { title: 'Create a private AKS cluster: hub and spoke with custom DNS', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'Limit AKS egress traffic: firewall DNS proxy', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
    messages: {
      unreachable:
        'VNet {{vnet}} hosts an AKS cluster and uses DNS server {{ip}}, which is not inside it or any connected ' +
        'VNet or on-premises range; nodes cannot resolve private zones through it',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    const clusterVnets = new Set<string>();
    for (const c of q.all('cluster')) for (const s of q.nodeSubnets(c.id)) if (s.vnet) clusterVnets.add(s.vnet);
    for (const v of q.all('vnet')) {
      if (!clusterVnets.has(v.id) || v.dnsServers.length === 0) continue;
      const d = domains.get(v.id);
      const ranges = [
        ...q.all('vnet').filter((x) => domains.get(x.id) === d).flatMap((x) => vnetRanges(q, x.id)),
        ...q.all('onPremises').filter((x) => domains.get(x.id) === d).flatMap((x) => onPremRanges(q, x.id)),
      ];
      v.dnsServers.forEach((ip, i) => {
        const r = cidr(`${ip}/32`);
        if (!r || ip === '168.63.129.16' || ranges.some((x) => contains(x.range, r))) return;
        ctx.report({
          messageId: 'unreachable',
          data: { vnet: v.name, ip },
          element: v.id,
          // The server is judged against the address spaces of the VNet's routing domain; the VNet is a cluster's
          // through a pool's subnet.
          reads: ['dnsServers', 'addressSpace'],
          dependsOn: [
            ...q.all('vnet').filter((x) => x.id !== v.id && domains.get(x.id) === d).map((x) => ({ element: x.id, reads: ['addressSpace'] })),
            ...q.all('onPremises').filter((x) => domains.get(x.id) === d).map((x) => ({ element: x.id, reads: ['addressSpace'] })),
          ],
          property: `dnsServers[${i}]`,
          evidence: { vnet: v.name, dnsServer: ip },
        });
      });
    }
  },
});
