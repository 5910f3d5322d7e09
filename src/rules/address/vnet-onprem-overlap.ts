import { overlaps } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { onPremRanges, routingDomains, sameDomain, vnetRanges } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/vnet-onprem-overlap',
    title: 'VNet address spaces do not overlap on-premises ranges',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:03', 'PE:02'],
    rationale:
      'A VPN or ExpressRoute gateway advertises the VNet ranges to the on-premises network and learns the on-premises ranges back. When they overlap, one side wins the route and the other becomes unreachable. Overlap with an on-premises network that is not connected yet is reported as a warning because connecting it later will fail the same way.',
    fix: 'Carve Azure ranges out of the enterprise IP plan so they never collide with data-centre ranges; re-address the VNet before connecting it.',
    example: `const dc = onPremises({ name: 'dc-frankfurt', addressSpace: ['10.0.0.0/12'] });
const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.240.0.0/16'], subnets: [] });`,
    references: [
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'VPN Gateway settings: gateway subnet and connections', url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub' },
    ],
    messages: {
      connected:
        'VNet {{vnet}} ({{cidr}}) overlaps on-premises network {{onPremises}} ({{onPremisesCidr}}), which is ' +
        'connected through a gateway; routes to one of them will win over the other',
      notConnected:
        'VNet {{vnet}} ({{cidr}}) overlaps on-premises network {{onPremises}} ({{onPremisesCidr}}); it is not ' +
        'connected yet, but connecting it will break routing',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    for (const v of q.all('vnet')) {
      for (const o of q.all('onPremises')) {
        const connected = sameDomain(domains, v.id, o.id);
        for (const rv of vnetRanges(q, v.id)) {
          for (const ro of onPremRanges(q, o.id)) {
            if (!overlaps(rv.range, ro.range)) continue;
            ctx.report({
              messageId: connected ? 'connected' : 'notConnected',
              data: { vnet: v.name, cidr: rv.text, onPremises: o.name, onPremisesCidr: ro.text },
              element: v.id,
              reads: ['addressSpace'],
              dependsOn: [{ element: o.id, reads: ['addressSpace'] }],
              property: `addressSpace[${rv.index}]`,
              severity: connected ? 'error' : 'warning',
              evidence: { vnet: v.name, cidr: rv.text, onPremises: o.name, onPremisesCidr: ro.text, connected },
            });
          }
        }
      }
    }
  },
});
