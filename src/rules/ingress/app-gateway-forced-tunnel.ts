import { defineRule } from '../../validate/rule.js';
import { defaultRouteOf } from '../egress/_egress.js';

export default defineRule({
  meta: {
    id: 'ingress/app-gateway-forced-tunnel',
    title: 'Application Gateway v2 without network isolation does not force-tunnel 0.0.0.0/0 to an appliance',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'An Application Gateway v2 deployed without network isolation needs direct internet connectivity for its ' +
      'management traffic (metrics, health, updates); Azure does not support a 0.0.0.0/0 route on its subnet that sends ' +
      'traffic to a virtual appliance, and the gateway ends up in a failed state. Gateways deployed with network ' +
      'isolation (the private deployment, which every private-only gateway uses) may override the default route. The ' +
      'spoke egress route table associated with the gateway subnet by copy-paste is the usual cause.',
    fix:
      'Do not associate the spoke egress route table with the Application Gateway subnet; route only specific prefixes ' +
      '(for example the node subnets) through the firewall, or redeploy the gateway with network isolation ' +
      '(networkIsolation: true).',
    example:
      "subnet({ name: 'snet-appgw', cidr: '10.1.4.0/24', purpose: 'application-gateway' }); // no 0.0.0.0/0 route",
    references: [
      {
        title: 'Application Gateway infrastructure configuration (supported user-defined routes)',
        url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure',
      },
      {
        title: 'Private Application Gateway deployment (network isolation)',
        url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-private-deployment',
      },
    ],
    messages: {
      forcedTunnel:
        'subnet {{subnet}} of Application Gateway {{gateway}} ({{sku}}, {{frontend}} frontend, no network isolation) routes ' +
        '0.0.0.0/0 to {{appliance}} (route {{route}} in {{table}}); a v2 gateway without network isolation does not ' +
        'support forced tunnelling',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.sku !== 'Standard_v2' && g.sku !== 'WAF_v2') continue;
      // Private-only frontends exist only with network isolation, which supports the route; one stated without it cannot
      // be deployed at all, which ingress/app-gateway-private-isolation reports (a route verdict on it would be moot).
      if (g.frontend === 'private' || g.networkIsolation !== false) continue;
      const s = ctx.q.getAs(g.subnet, 'subnet');
      const d = defaultRouteOf(ctx.q, s);
      if (!s || !d || d.route.nextHopType !== 'VirtualAppliance') continue;
      const target = d.route.nextHopResource ? ctx.q.name(d.route.nextHopResource) : (d.route.nextHopAddress ?? '?');
      ctx.report({
        messageId: 'forcedTunnel',
        data: {
          subnet: s.name,
          gateway: g.name,
          sku: g.sku,
          frontend: g.frontend,
          appliance: target,
          route: d.route.name,
          table: d.table.name,
        },
        path: `${d.table.source.path}.routes[${d.index}]`,
        property: 'nextHop',
        evidence: { gateway: g.name, subnet: s.name, routeTable: d.table.name, appliance: target },
      });
    }
  },
});
