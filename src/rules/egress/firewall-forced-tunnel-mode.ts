import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'egress/firewall-forced-tunnel-mode',
    title: 'A firewall whose subnet routes the internet elsewhere runs in forced-tunnel mode',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:02', 'SE:06'],
    rationale:
      'Azure Firewall needs direct internet connectivity on AzureFirewallSubnet unless it is deployed in forced-tunnel ' +
      'mode, where its management traffic uses a separate management IP configuration. A 0.0.0.0/0 route on the firewall ' +
      'subnet that sends traffic to an appliance, a gateway or nowhere (or a default route learned from on-premises over ' +
      'BGP) breaks the firewall unless forced tunnelling is on.',
    fix:
      'Deploy the firewall with forcedTunneling: true and a management IP configuration (AzureFirewallManagementSubnet), ' +
      'or route 0.0.0.0/0 on the firewall subnet to Internet.',
    example:
      "azureFirewall({ name: 'afw-hub', subnet: fwSubnet, management: { subnet: fwManagementSubnet }, forcedTunneling: true });",
    references: [
      { title: 'Azure Firewall forced tunneling', url: 'https://learn.microsoft.com/azure/firewall/forced-tunneling' },
      { title: 'Azure Firewall management NIC', url: 'https://learn.microsoft.com/azure/firewall/management-nic' },
    ],
    messages: {
      defaultRouteWithoutForcedTunnel:
        'the subnet of Azure Firewall {{firewall}} routes 0.0.0.0/0 to {{nextHop}} (route table {{table}}, route ' +
        '{{route}}) but the firewall is not in forced-tunnel mode, so it loses the direct internet access it needs',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const fw of q.all('azureFirewall')) {
      if (fw.forcedTunneling) continue;
      const rt = q.getAs(q.getAs(fw.subnet, 'subnet')?.routeTable, 'routeTable');
      if (!rt) continue;
      const i = rt.routes.findIndex((r) => r.prefix === '0.0.0.0/0' && r.nextHopType !== 'Internet');
      if (i < 0) continue;
      const r = rt.routes[i]!;
      ctx.report({
        messageId: 'defaultRouteWithoutForcedTunnel',
        data: { firewall: fw.name, nextHop: r.nextHopAddress ? `${r.nextHopType} ${r.nextHopAddress}` : r.nextHopType, table: rt.name, route: r.name },
        path: `${rt.source.path}.routes[${i}].nextHop`,
        evidence: { firewall: fw.name, routeTable: rt.name, route: r.name, nextHopType: r.nextHopType },
      });
    }
  },
});
