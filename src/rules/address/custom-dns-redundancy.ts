import { managedDnsService } from '../../model/dns.js';
import { defineRule } from '../../validate/rule.js';
import { vnetHolding } from '../egress/_dns.js';

export default defineRule({
  meta: {
    id: 'address/custom-dns-redundancy',
    title: 'VNets with custom DNS name at least two servers, in the VNet’s own region',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'Every name the nodes look up (the API server, registries, private endpoints) goes to the VNet’s DNS servers. ' +
      'With a single custom server, its outage or maintenance stops name resolution for the whole VNet. One address ' +
      'of a managed service is not one server: an Azure Firewall DNS proxy, or a DNS Private Resolver inbound endpoint ' +
      '(an address in a subnet delegated to Microsoft.Network/dnsResolvers), which Azure runs highly available and ' +
      'zone-redundant. A server in ' +
      'another region adds cross-region latency to every lookup and ties the VNet to that region’s availability.',
    fix:
      'List at least two DNS servers (resolver VMs in different zones), or point the VNet at a managed service ' +
      '(a DNS Private Resolver inbound endpoint, or a zone-redundant firewall DNS proxy), deployed in the same region ' +
      'as the VNet.',
    example:
      "vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.240.0.0/16'], " +
      "dnsServers: ['10.200.2.4', '10.200.2.5'], subnets: [] })",
    references: [
      {
        title: 'Name resolution for resources in Azure virtual networks: use your own DNS server',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances',
      },
      {
        title: 'What is Azure DNS Private Resolver? (built-in high availability, zone redundancy)',
        url: 'https://learn.microsoft.com/azure/dns/dns-private-resolver-overview',
      },
      {
        title: 'PSRule for Azure: Azure.VNET.SingleDNS',
        url: 'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.VNET.SingleDNS/',
      },
      {
        title: 'PSRule for Azure: Azure.VNET.LocalDNS',
        url: 'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.VNET.LocalDNS/',
      },
    ],
    messages: {
      singleServer:
        'VNet {{vnet}} uses one custom DNS server ({{server}}); when it is down nothing in the VNet resolves names',
      otherRegion:
        'VNet {{vnet}} in {{region}} uses DNS server {{server}} in VNet {{holder}} in {{serverRegion}}; every lookup ' +
        'crosses regions and depends on that region',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const v of q.all('vnet')) {
      if (v.dnsServers.length === 0) continue;
      // A firewall DNS proxy or a DNS Private Resolver inbound endpoint is one address but not one server: Azure
      // keeps the service behind it available across instances and zones.
      if (v.dnsServers.length === 1 && !managedDnsService(q, v.dnsServers[0]!)) {
        ctx.report({
          messageId: 'singleServer',
          data: { vnet: v.name, server: v.dnsServers[0]! },
          element: v.id,
          reads: ['dnsServers'],
          // Whether the one address is a managed service: a firewall's private IP, or a subnet delegated to the resolver.
          dependsOn: [
            ...q.all('azureFirewall').map((fw) => ({ element: fw.id, reads: ['privateIp'] })),
            ...q.all('subnet').map((s) => ({ element: s.id, reads: ['cidr', 'delegation'] })),
          ],
          property: 'dnsServers',
          evidence: { vnet: v.name, servers: 1 },
        });
      }
      v.dnsServers.forEach((server, i) => {
        const holder = vnetHolding(q, server);
        if (!holder || holder.region.toLowerCase() === v.region.toLowerCase()) return;
        ctx.report({
          messageId: 'otherRegion',
          severity: 'info',
          data: { vnet: v.name, region: v.region, server, holder: holder.name, serverRegion: holder.region },
          element: v.id,
          reads: ['dnsServers', 'region'],
          // The VNet holding the server, by its address space, and its region.
          dependsOn: q.all('vnet').map((x) => ({ element: x.id, reads: x.id === holder.id ? ['addressSpace', 'region'] : ['addressSpace'] })),
          property: `dnsServers[${i}]`,
          evidence: { vnet: v.name, server, serverRegion: holder.region },
        });
      });
    }
  },
});
