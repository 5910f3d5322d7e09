import { defineRule } from '../../validate/rule.js';
import { ROLES, roleBasis, subnetsFor } from './_special.js';

export default defineRule({
  meta: {
    id: 'address/gateway-subnet-config',
    title: 'GatewaySubnet has no NSG and no 0.0.0.0/0 user-defined route',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'The VPN and ExpressRoute gateway instances in GatewaySubnet are managed by Azure. A network security group ' +
      'on that subnet is not supported and stops the gateway from working, and a user-defined route for 0.0.0.0/0 ' +
      'there is not supported either: the gateway’s own management and tunnel traffic would follow it.',
    fix:
      'Remove the NSG from GatewaySubnet, and remove the 0.0.0.0/0 route from its route table (keep only routes for ' +
      'specific prefixes, e.g. spoke ranges to the hub firewall).',
    example:
      "subnet({ name: 'GatewaySubnet', cidr: '10.200.1.0/27', purpose: 'gateway', routeTable: routeTable({ " +
      "name: 'rt-gateway', routes: [{ name: 'spoke-via-fw', prefix: '10.240.0.0/16', nextHop: firewall }] }) })",
    references: [
      {
        title: 'VPN Gateway settings: gateway subnet',
        url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub',
      },
      {
        title: 'Azure Policy built-in: gateway subnets should not be configured with a network security group',
        url: 'https://learn.microsoft.com/azure/governance/policy/samples/built-in-policies#network',
      },
    ],
    messages: {
      nsg: 'GatewaySubnet {{subnet}} in VNet {{vnet}} has NSG {{nsg}}; an NSG on the gateway subnet is not supported and stops the gateway working',
      defaultRoute:
        'GatewaySubnet {{subnet}} in VNet {{vnet}} uses route table {{table}} with a 0.0.0.0/0 route ({{route}} to ' +
        '{{nextHop}}); a default route on the gateway subnet is not supported',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const { subnet } of subnetsFor(q, ROLES.gateway)) {
      const vnet = q.name(subnet.vnet);
      const basis = roleBasis(q, ROLES.gateway, subnet);
      const nsg = q.getAs(subnet.nsg, 'nsg');
      if (nsg) {
        ctx.report({
          messageId: 'nsg',
          data: { subnet: subnet.name, vnet, nsg: nsg.name },
          element: subnet.id,
          reads: [...basis.reads, 'nsg'],
          dependsOn: basis.dependsOn,
          property: 'nsg',
          evidence: { subnet: subnet.name, nsg: nsg.name },
        });
      }
      const table = q.getAs(subnet.routeTable, 'routeTable');
      if (!table) continue;
      table.routes.forEach((r, i) => {
        if (r.prefix !== '0.0.0.0/0') return;
        ctx.report({
          messageId: 'defaultRoute',
          data: { subnet: subnet.name, vnet, table: table.name, route: r.name, nextHop: r.nextHopType },
          element: table.id,
          // The routes (a route the normalizer drops shifts the later ones' indexes), the subnet's role and its table.
          reads: ['routes'],
          dependsOn: [{ element: subnet.id, reads: [...basis.reads, 'routeTable'] }, ...basis.dependsOn],
          property: `routes[${i}]`,
          evidence: { subnet: subnet.name, table: table.name, route: r.name },
        });
      });
    }
  },
});
