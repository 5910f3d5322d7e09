import { defineRule } from '../../validate/rule.js';
import { vnetRanges } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/vnet-size',
    title: 'VNet address spaces are no larger than /8',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:06'],
    rationale: 'Azure caps a virtual network address space at /8. A wider prefix is rejected, and such a range would swallow most of the private address plan anyway.',
    fix: 'Split the range into /8-or-smaller address spaces, and size each VNet for what it hosts.',
    example: `vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.240.0.0/16'], subnets: [] })`,
    references: [{ title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' }],
    messages: {
      tooLarge: 'VNet {{vnet}} address space {{cidr}} is a /{{prefix}}; Azure allows at most a /8',
    },
  },
  check(ctx) {
    for (const v of ctx.q.all('vnet')) {
      for (const r of vnetRanges(ctx.q, v.id)) {
        if (r.range.prefix >= 8) continue;
        ctx.report({
          messageId: 'tooLarge',
          data: { vnet: v.name, cidr: r.text, prefix: r.range.prefix },
          element: v.id,
          reads: ['addressSpace'],
          property: `addressSpace[${r.index}]`,
          evidence: { vnet: v.name, cidr: r.text, prefix: r.range.prefix },
        });
      }
    }
  },
});
