import { routingOf } from '../../model/egress.js';
import { defaultRouteFor } from '../../model/routing.js';
import { defineRule } from '../../validate/rule.js';
import { egressDeps, mergeDeps, routingDeps } from './_reads.js';

export default defineRule({
  meta: {
    id: 'egress/firewall-bgp-default-route',
    title: 'A firewall subnet that learns 0.0.0.0/0 over BGP overrides it or runs in forced-tunnel mode',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale:
      'Azure Firewall needs direct internet connectivity. When on-premises advertises a default route over BGP (a ' +
      'VPN or ExpressRoute gateway in the hub), AzureFirewallSubnet learns 0.0.0.0/0 towards the gateway, the ' +
      'firewall loses its internet path and with it every cluster that egresses through it. A user route 0.0.0.0/0 ' +
      '→ Internet on the firewall subnet overrides the learned route; forced-tunnel mode (with a management IP ' +
      'configuration) is the supported way to send the traffic on-premises instead.',
    fix:
      'Associate a route table with 0.0.0.0/0 → Internet to AzureFirewallSubnet, or disable gateway route ' +
      'propagation there, or deploy the firewall in forced-tunnel mode (forcedTunneling: true with management).',
    example:
      "subnet({ name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', routeTable: routeTable({ name: 'rt-afw', " +
      "routes: [{ name: 'internet', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }] }) });",
    references: [
      { title: 'Azure Firewall forced tunneling', url: 'https://learn.microsoft.com/azure/firewall/forced-tunneling' },
      {
        title: 'Azure Firewall FAQ (a default route learned over BGP)',
        url: 'https://learn.microsoft.com/azure/firewall/firewall-faq',
      },
      {
        title: 'Virtual network traffic routing (how Azure selects a route)',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
      },
    ],
    messages: {
      learnedDefault:
        'subnet {{subnet}} of Azure Firewall {{firewall}} learns 0.0.0.0/0 from gateway {{gateway}} (advertised by ' +
        '{{onPrem}}) and nothing overrides it, so the firewall{{carries}} loses its direct internet access; add ' +
        '0.0.0.0/0 → Internet on the subnet or use forced-tunnel mode',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const fw of q.all('azureFirewall')) {
      if (fw.forcedTunneling) continue;
      const t = routingOf(q.model).get(fw.subnet);
      const r = t ? defaultRouteFor(t) : undefined;
      if (!r || r.source !== 'VirtualNetworkGateway') continue;
      const carried = q.all('cluster').filter((c) => q.egressPathOf(c.id)?.nextHop === fw.id);
      const clusters = carried.map((c) => c.name);
      ctx.report({
        messageId: 'learnedDefault',
        data: {
          subnet: q.name(fw.subnet),
          firewall: fw.name,
          gateway: q.name(r.nextHopResource),
          onPrem: q.name(r.learnedFrom),
          carries: clusters.length ? ` (egress of ${clusters.join(', ')})` : '',
        },
        element: fw.id,
        property: 'forcedTunneling',
        // The firewall's forced tunneling and subnet, the subnet's routes (the gateway's learned default), and the
        // egress paths of the clusters named as carried.
        reads: ['forcedTunneling', 'subnet'],
        dependsOn: mergeDeps([...routingDeps(q, fw.subnet), ...carried.flatMap((c) => egressDeps(q, c.id))], fw.id),
        evidence: { firewall: fw.name, gateway: q.name(r.nextHopResource), clusters: clusters.length },
      });
    }
  },
});
