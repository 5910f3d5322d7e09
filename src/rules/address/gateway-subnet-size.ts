import { defineRule } from '../../validate/rule.js';
import { reportTooSmall, ROLES, TOO_SMALL } from './_special.js';

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
    messages: { tooSmall: TOO_SMALL },
  },
  check: (ctx) => reportTooSmall(ctx, ROLES.gateway, MIN_PREFIX),
});
