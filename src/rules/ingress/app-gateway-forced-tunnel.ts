import { defineRule } from '../../validate/rule.js';
import { defaultRouteOf } from '../egress/_egress.js';

export default defineRule({
  meta: {
    id: 'ingress/app-gateway-forced-tunnel',
    title: 'Application Gateway v2 subnet does not force-tunnel 0.0.0.0/0 to an appliance',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:02'],
    rationale:
      'Application Gateway v2 needs direct internet connectivity for its management traffic and returns responses straight to clients. A 0.0.0.0/0 route to a firewall on its subnet breaks the gateway (and its health) unless the gateway is deployed with network isolation (private deployment); it is a frequent copy-paste of the spoke route table.',
    fix: 'Do not associate the spoke egress route table with the Application Gateway subnet; route only specific prefixes (for example the node subnets) through the firewall, or use the network-isolated private deployment.',
    example: "subnet({ name: 'snet-appgw', cidr: '10.1.4.0/24', purpose: 'application-gateway' }); // no 0.0.0.0/0 route",
    references: [
      { title: 'Application Gateway infrastructure configuration (supported user-defined routes)', url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure' },
    ],
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.sku !== 'Standard_v2' && g.sku !== 'WAF_v2') continue;
      const s = ctx.q.getAs(g.subnet, 'subnet');
      const d = defaultRouteOf(ctx.q, s);
      if (!s || !d || d.route.nextHopType !== 'VirtualAppliance') continue;
      const target = d.route.nextHopResource ? ctx.q.name(d.route.nextHopResource) : (d.route.nextHopAddress ?? '?');
      ctx.report({
        message: `subnet ${s.name} of Application Gateway ${g.name} (${g.sku}) routes 0.0.0.0/0 to ${target} (route ${d.route.name} in ${d.table.name}); v2 gateways need direct internet access unless deployed with network isolation`,
        path: `${d.table.source.path}.routes[${d.index}]`,
        property: 'nextHop',
        evidence: { gateway: g.name, subnet: s.name, routeTable: d.table.name, appliance: target },
      });
    }
  },
});
