import { azureUsable } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { ROLES, subnetsFor } from './_special.js';

const MIN_PREFIX = 29;

export default defineRule({
  meta: {
    id: 'address/gateway-subnet-size',
    title: 'The gateway subnet is a /29 or larger',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:06', 'PE:02'],
    rationale: 'VPN and ExpressRoute gateways are deployed into GatewaySubnet, which must be at least a /29; anything smaller is rejected.',
    fix: 'Create GatewaySubnet as a /27 (the recommended size), never smaller than /29.',
    example: `subnet({ name: 'GatewaySubnet', cidr: '10.200.1.0/27', purpose: 'gateway' })`,
    references: [{ title: 'VPN Gateway settings: gateway subnet', url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub' }],
    messages: {
      tooSmall:
        '{{subnet}} {{cidr}} ({{role}}) is a /{{prefix}} with {{usable}} usable addresses; it must be a ' +
        '/{{required}} or larger',
    },
  },
  check(ctx) {
    for (const { subnet, range } of subnetsFor(ctx.q, ROLES.gateway)) {
      if (range.prefix <= MIN_PREFIX) continue;
      ctx.report({
        messageId: 'tooSmall',
        data: {
          subnet: subnet.name,
          cidr: subnet.cidr,
          role: ROLES.gateway.label,
          prefix: range.prefix,
          usable: azureUsable(range),
          required: MIN_PREFIX,
        },
        element: subnet.id,
        property: 'cidr',
        evidence: { subnet: subnet.name, cidr: subnet.cidr, prefix: range.prefix, required: MIN_PREFIX },
      });
    }
  },
});
