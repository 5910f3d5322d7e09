import { defineRule } from '../../validate/rule.js';
import { ROLES, roleBasis, subnetsFor } from './_special.js';

export default defineRule({
  meta: {
    id: 'address/gateway-subnet-recommended-size',
    title: 'The gateway subnet is a /27 or larger',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:06', 'OE:05'],
    rationale:
      'A /29 or /28 GatewaySubnet works for one small gateway, but leaves no room for an ExpressRoute gateway next to a VPN gateway, active-active instances or a larger SKU. Growing it later means deleting the gateway.',
    fix: 'Create GatewaySubnet as a /27 (or /26 when up to 16 ExpressRoute circuits will be connected).',
    example: `subnet({ name: 'GatewaySubnet', cidr: '10.200.1.0/27', purpose: 'gateway' })`,
    references: [
      { title: 'VPN Gateway settings: gateway subnet', url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub' },
    ],
    messages: {
      belowRecommended:
        '{{subnet}} {{cidr}} is a /{{prefix}} ({{size}} addresses); a /27 or larger is recommended so gateways ' +
        'can coexist and scale',
    },
  },
  check(ctx) {
    for (const { subnet, range } of subnetsFor(ctx.q, ROLES.gateway)) {
      // Smaller than /29 is an error reported by address/gateway-subnet-size.
      if (range.prefix <= 27 || range.prefix > 29) continue;
      ctx.report({
        messageId: 'belowRecommended',
        data: { subnet: subnet.name, cidr: subnet.cidr, prefix: range.prefix, size: range.size },
        element: subnet.id,
        ...roleBasis(ctx.q, ROLES.gateway, subnet),
        property: 'cidr',
        evidence: { subnet: subnet.name, cidr: subnet.cidr, prefix: range.prefix, recommended: 27 },
      });
    }
  },
});
