import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { clustersVia } from './_egress.js';

export default defineRule({
  meta: {
    id: 'egress/firewall-dns-proxy-unused',
    title: 'VNets behind a DNS-proxy firewall resolve names through it',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'DNS proxy only helps when clients send their queries to the firewall: then the firewall and the pods resolve ' +
      'an FQDN to the same addresses, which FQDN network rules and FQDN filtering rely on. A VNet that keeps Azure DNS ' +
      'or other servers bypasses the proxy, unless those servers forward to the firewall.',
    fix: "Set the VNet's dnsServers to the firewall's private IP, or make its custom DNS servers forward to the firewall.",
    example: "vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], dnsServers: ['10.0.0.4'], subnets: [] });",
    references: [
      { title: 'Azure Firewall DNS settings (DNS proxy)', url: 'https://learn.microsoft.com/azure/firewall/dns-settings' },
      { title: 'Azure Firewall FQDN filtering in network rules', url: 'https://learn.microsoft.com/azure/firewall/fqdn-filtering-network-rules' },
    ],
    messages: {
      vnetBypassesProxy:
        'Azure Firewall {{firewall}} has DNS proxy on, but VNet {{vnet}} (nodes of {{cluster}}) resolves with {{servers}} ' +
        'instead of the firewall ({{firewallIp}}); unless they forward to the firewall, FQDN rules may resolve differently',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const fw of q.all('azureFirewall')) {
      if (!fw.dnsProxy) continue;
      const seen = new Set<Id>();
      for (const c of clustersVia(q, fw.id)) {
        for (const poolId of c.nodePools) {
          const vnet = q.vnetOf(q.getAs(poolId, 'nodePool')?.subnet);
          if (!vnet || seen.has(vnet.id)) continue;
          seen.add(vnet.id);
          if (fw.privateIp === undefined) {
            const check = `VNet ${vnet.name} sends its DNS queries to the DNS proxy of Azure Firewall ${fw.name}`;
            ctx.unverified({ element: fw.id, property: 'privateIp', check });
            continue;
          }
          if (vnet.dnsServers.includes(fw.privateIp)) continue;
          const servers = vnet.dnsServers.length ? `DNS servers ${vnet.dnsServers.join(', ')}` : 'Azure-provided DNS';
          ctx.report({
            messageId: 'vnetBypassesProxy',
            data: { firewall: fw.name, vnet: vnet.name, cluster: c.name, servers, firewallIp: fw.privateIp },
            element: vnet.id,
            property: 'dnsServers',
            evidence: { firewall: fw.name, vnet: vnet.name, dnsServers: vnet.dnsServers.join(',') },
          });
        }
      }
    }
  },
});
